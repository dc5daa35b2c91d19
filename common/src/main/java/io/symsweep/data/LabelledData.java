package io.symsweep.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Samples with class labels: {@code features[i]} is sample {@code i}, {@code labels[i]} in {@code 0..classes-1}.
 * Immutable (copied in and out).
 */
public record LabelledData(double[][] features, int[] labels, int classes) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public LabelledData {
        if (features.length != labels.length || features.length == 0) {
            throw new IllegalArgumentException(features.length + " samples but " + labels.length + " labels");
        }
        int d = features[0].length;
        double[][] copy = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != d) {
                throw new IllegalArgumentException("sample " + i + " has " + features[i].length + " features, not " + d);
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " outside 0.." + (classes - 1));
            }
            copy[i] = features[i].clone();
        }
        features = copy;
        labels = labels.clone();
    }

    public int size() {
        return labels.length;
    }

    public int dimension() {
        return features[0].length;
    }

    @Override
    public double[][] features() {
        return Arrays.stream(features).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** The samples at {@code indices}, in that order. */
    public LabelledData subset(int[] indices) {
        double[][] x = new double[indices.length][];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            x[i] = features[indices[i]];
            y[i] = labels[indices[i]];
        }
        return new LabelledData(x, y, classes);
    }

    /**
     * A seeded stratified split: each class's samples shuffled (Fisher-Yates from {@code seed}) and dealt so that
     * the test set holds {@code testSize} samples with class proportions as close to the whole's as whole numbers
     * allow (largest remainders, ties to the smaller class index). Both halves keep file order.
     */
    public Split stratifiedSplit(int testSize, long seed) {
        if (testSize < 1 || testSize >= size()) {
            throw new IllegalArgumentException("test size must be between 1 and " + (size() - 1) + ", found " + testSize);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < size(); i++) {
            byClass.get(labels[i]).add(i);
        }
        int[] quota = new int[classes];
        double[] remainder = new double[classes];
        int assigned = 0;
        for (int c = 0; c < classes; c++) {
            double exact = (double) testSize * byClass.get(c).size() / size();
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            assigned += quota[c];
        }
        while (assigned < testSize) {
            int best = -1;
            for (int c = 0; c < classes; c++) {
                if (quota[c] < byClass.get(c).size() && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            assigned++;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] inTest = new boolean[size()];
        for (int c = 0; c < classes; c++) {
            List<Integer> members = byClass.get(c);
            int[] idx = members.stream().mapToInt(Integer::intValue).toArray();
            for (int i = idx.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
            for (int k = 0; k < quota[c]; k++) {
                inTest[idx[k]] = true;
            }
        }
        int[] train = new int[size() - testSize];
        int[] test = new int[testSize];
        for (int i = 0, a = 0, b = 0; i < size(); i++) {
            if (inTest[i]) {
                test[b++] = i;
            } else {
                train[a++] = i;
            }
        }
        return new Split(subset(train), subset(test), train, test);
    }

    /** A train/test split and the indices of each half in the whole. */
    public record Split(LabelledData train, LabelledData test, int[] trainIndices, int[] testIndices)
            implements java.io.Serializable {
    }
}
