package io.symsweep.model;

import io.symsweep.linalg.Vectors;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The weights {@code (W_1, ..., W_l)} of an {@link MlpArchitecture}, each row-major. Immutable: the
 * constructor and accessors copy; operations return new instances.
 *
 * @param architecture the network the weights belong to
 * @param layers       {@code layers[i-1]} is {@code W_i}, row-major, {@code n_i x n_{i-1}}
 */
public record MlpParameters(MlpArchitecture architecture, double[][] layers) {

    public MlpParameters {
        if (architecture == null || layers == null) {
            throw new IllegalArgumentException("architecture and layers are required");
        }
        if (layers.length != architecture.layers()) {
            throw new IllegalArgumentException(
                    "expected " + architecture.layers() + " weight matrices, found " + layers.length);
        }
        double[][] copy = new double[layers.length][];
        for (int i = 1; i <= layers.length; i++) {
            int expected = architecture.rows(i) * architecture.cols(i);
            if (layers[i - 1] == null || layers[i - 1].length != expected) {
                throw new IllegalArgumentException("W_" + i + " must hold " + architecture.rows(i) + "x"
                        + architecture.cols(i) + " = " + expected + " values, found "
                        + (layers[i - 1] == null ? "null" : layers[i - 1].length));
            }
            copy[i - 1] = layers[i - 1].clone();
        }
        layers = copy;
    }

    /** A copy of all layers. */
    @Override
    public double[][] layers() {
        return Arrays.stream(layers).map(double[]::clone).toArray(double[][]::new);
    }

    /** A copy of {@code W_i} (1-based), row-major. */
    public double[] layer(int i) {
        return layers[i - 1].clone();
    }

    /** {@code W_i} (1-based) as an EJML matrix (a copy). */
    public DMatrixRMaj matrix(int i) {
        return new DMatrixRMaj(architecture.rows(i), architecture.cols(i), true, layers[i - 1]);
    }

    /** Reads one weight without copying: {@code W_i[r][c]} (1-based {@code i}). */
    public double get(int i, int r, int c) {
        return layers[i - 1][r * architecture.cols(i) + c];
    }

    /** All weights in one vector, layer after layer, each row-major. */
    public double[] flatten() {
        double[] out = new double[architecture.parameterCount()];
        int o = 0;
        for (double[] w : layers) {
            System.arraycopy(w, 0, out, o, w.length);
            o += w.length;
        }
        return out;
    }

    /** Inverse of {@link #flatten()}. */
    public static MlpParameters unflatten(MlpArchitecture architecture, double[] flat) {
        if (flat.length != architecture.parameterCount()) {
            throw new IllegalArgumentException("expected " + architecture.parameterCount() + " weights, found "
                    + flat.length);
        }
        double[][] layers = new double[architecture.layers()][];
        int o = 0;
        for (int i = 1; i <= architecture.layers(); i++) {
            layers[i - 1] = Arrays.copyOfRange(flat, o, o + architecture.rows(i) * architecture.cols(i));
            o += layers[i - 1].length;
        }
        return new MlpParameters(architecture, layers);
    }

    /**
     * {@code (1 - alpha) this + alpha other}, computed per weight as {@code w + a (w' - w)}: exactly
     * {@code this} at {@code alpha = 0}, exactly {@code other} at {@code alpha = 1}, and exactly {@code this}
     * for every alpha when the two are equal (the form {@code (1-a) w + a w'} is off by an ulp there, which
     * gave identical endpoints a barrier of about 1e-15 instead of 0).
     */
    public MlpParameters interpolate(MlpParameters other, double alpha) {
        requireSameArchitecture(other);
        if (alpha == 0) {
            return this;
        }
        if (alpha == 1) {
            return other;
        }
        double[][] out = new double[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            double[] a = layers[l];
            double[] b = other.layers[l];
            double[] c = new double[a.length];
            for (int j = 0; j < a.length; j++) {
                c[j] = a[j] + alpha * (b[j] - a[j]);
            }
            out[l] = c;
        }
        return new MlpParameters(architecture, out);
    }

    /** The Euclidean distance between the flattened weight vectors. */
    public double distance(MlpParameters other) {
        requireSameArchitecture(other);
        double s = 0;
        for (int l = 0; l < layers.length; l++) {
            if (sameAndFinite(layers[l], other.layers[l])) {
                // every d is +0: s + 0 * 0 is s (a rescaling changes two layers; the others are skipped)
                continue;
            }
            for (int j = 0; j < layers[l].length; j++) {
                double d = layers[l][j] - other.layers[l][j];
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    private static boolean sameAndFinite(double[] a, double[] b) {
        return Arrays.equals(a, b) && Vectors.allFinite(a);
    }

    /** The Frobenius norm of all weights. */
    public double norm() {
        double s = 0;
        for (double[] w : layers) {
            for (double v : w) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    /** A copy with {@code W_i} (1-based) multiplied by {@code c}. */
    public MlpParameters scaleLayer(int i, double c) {
        double[][] out = layers();
        double[] w = out[i - 1];
        for (int j = 0; j < w.length; j++) {
            w[j] *= c;
        }
        return new MlpParameters(architecture, out);
    }

    /** A copy with {@code W_i} (1-based) replaced. */
    public MlpParameters withLayer(int i, double[] w) {
        double[][] out = new double[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            out[l] = l == i - 1 ? w : layers[l];
        }
        return new MlpParameters(architecture, out);
    }

    /**
     * A copy with the layers {@code replaced} maps to (1-based index to {@code W_i}, row-major) replaced: one copy of
     * the weights, where {@link #layers()} and the constructor would make two.
     */
    public MlpParameters withLayers(java.util.Map<Integer, double[]> replaced) {
        double[][] out = layers.clone();
        replaced.forEach((i, w) -> out[i - 1] = w);
        return new MlpParameters(architecture, out);
    }

    /** True when {@code W_i} (1-based) of this and of {@code other} hold bitwise the same values. */
    public boolean sameLayer(int i, MlpParameters other) {
        return Arrays.equals(layers[i - 1], other.layers[i - 1]);
    }

    /** True when every weight of {@code W_i} (1-based) is finite. */
    public boolean isFinite(int i) {
        return Vectors.allFinite(layers[i - 1]);
    }

    /** True when every weight is finite. */
    public boolean isFinite() {
        return Vectors.allFinite(layers);
    }

    private void requireSameArchitecture(MlpParameters other) {
        if (!architecture.equals(other.architecture)) {
            throw new IllegalArgumentException(
                    "architectures differ: " + architecture.label() + " vs " + other.architecture.label());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpParameters p && architecture.equals(p.architecture)
                && Arrays.deepEquals(layers, p.layers);
    }

    @Override
    public int hashCode() {
        return 31 * architecture.hashCode() + Arrays.deepHashCode(layers);
    }

    @Override
    public String toString() {
        return "MlpParameters[" + architecture.label() + ", |W|=" + norm() + "]";
    }
}
