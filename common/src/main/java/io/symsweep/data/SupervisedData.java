package io.symsweep.data;

/**
 * Samples for supervised learning: {@code features[i]} is sample {@code i}; for {@link Task#CLASSIFICATION}
 * {@code labels[i]} is in {@code 0..outputs-1} and {@code targets} is null, for {@link Task#REGRESSION}
 * {@code targets[i]} holds {@code outputs} reals and {@code labels} is null. Immutable: copied in, and the
 * accessors copy out; {@link #featureRow} and {@link #target} read without copying.
 *
 * @param task     classification or regression
 * @param features {@code n x d}, {@code n >= 1}, every value finite
 * @param labels   {@code n} class indices (classification only)
 * @param targets  {@code n x outputs} (regression only), finite
 * @param outputs  the number of classes, or of regression targets
 */
public record SupervisedData(Task task, double[][] features, int[] labels, double[][] targets, int outputs)
        implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public SupervisedData {
        if (task == null || features == null || features.length == 0) {
            throw new IllegalArgumentException("supervised data needs a task and at least one sample");
        }
        int n = features.length;
        features = copy(features, "features");
        if (outputs < 1) {
            throw new IllegalArgumentException("outputs must be >= 1, found " + outputs);
        }
        if (task == Task.CLASSIFICATION) {
            if (labels == null || labels.length != n || targets != null) {
                throw new IllegalArgumentException("classification data needs " + n + " labels and no targets");
            }
            if (outputs < 2) {
                throw new IllegalArgumentException("classification needs at least 2 classes, found " + outputs);
            }
            for (int i = 0; i < n; i++) {
                if (labels[i] < 0 || labels[i] >= outputs) {
                    throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " outside 0.."
                            + (outputs - 1));
                }
            }
            labels = labels.clone();
        } else {
            if (targets == null || targets.length != n || labels != null) {
                throw new IllegalArgumentException("regression data needs " + n + " target rows and no labels");
            }
            targets = copy(targets, "targets");
            if (targets[0].length != outputs) {
                throw new IllegalArgumentException("targets have " + targets[0].length + " columns, outputs is "
                        + outputs);
            }
        }
    }

    private static double[][] copy(double[][] a, String what) {
        int d = a[0].length;
        if (d == 0) {
            throw new IllegalArgumentException(what + " need at least one column");
        }
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != d) {
                throw new IllegalArgumentException(what + " row " + i + " has " + a[i].length + " values, not " + d);
            }
            for (double v : a[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(what + " row " + i + " holds a non-finite value " + v);
                }
            }
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Classification data from labelled samples. */
    public static SupervisedData of(LabelledData d) {
        return new SupervisedData(Task.CLASSIFICATION, d.features(), d.labels(), null, d.classes());
    }

    /** Regression data. */
    public static SupervisedData regression(double[][] features, double[][] targets) {
        return new SupervisedData(Task.REGRESSION, features, null, targets, targets[0].length);
    }

    /** Classification data. */
    public static SupervisedData classification(double[][] features, int[] labels, int classes) {
        return new SupervisedData(Task.CLASSIFICATION, features, labels, null, classes);
    }

    public int size() {
        return features.length;
    }

    public int dimension() {
        return features[0].length;
    }

    /** Sample {@code i}'s features, not copied: do not modify. */
    public double[] featureRow(int i) {
        return features[i];
    }

    /** Sample {@code i}'s regression targets, not copied: do not modify. */
    public double[] target(int i) {
        return targets[i];
    }

    /** Sample {@code i}'s label. */
    public int label(int i) {
        return labels[i];
    }

    /** The features as one row-major {@code n x d} array. */
    public double[] featuresRowMajor() {
        int d = dimension();
        double[] x = new double[size() * d];
        for (int i = 0; i < size(); i++) {
            System.arraycopy(features[i], 0, x, i * d, d);
        }
        return x;
    }

    @Override
    public double[][] features() {
        return copy(features, "features");
    }

    @Override
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    @Override
    public double[][] targets() {
        return targets == null ? null : copy(targets, "targets");
    }

    /** The samples at {@code indices}, in that order. */
    public SupervisedData subset(int[] indices) {
        double[][] x = new double[indices.length][];
        int[] y = task == Task.CLASSIFICATION ? new int[indices.length] : null;
        double[][] t = task == Task.REGRESSION ? new double[indices.length][] : null;
        for (int i = 0; i < indices.length; i++) {
            x[i] = features[indices[i]];
            if (y != null) {
                y[i] = labels[indices[i]];
            } else {
                t[i] = targets[indices[i]];
            }
        }
        return new SupervisedData(task, x, y, t, outputs);
    }
}
