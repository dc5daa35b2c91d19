package io.symsweep.params;

import io.symsweep.linalg.Vectors;
import java.util.Arrays;

/**
 * A dense tensor of doubles in row-major order (the last axis fastest). Immutable: the constructor and
 * {@link #data()} copy.
 *
 * @param shape the length of each axis, each {@code >= 1}; rank 1 for a bias, 2 for a weight matrix
 * @param data  {@code product(shape)} values, row-major
 */
public record Tensor(int[] shape, double[] data) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public Tensor {
        if (shape == null || shape.length == 0) {
            throw new IllegalArgumentException("a tensor needs at least one axis");
        }
        long n = 1;
        for (int s : shape) {
            if (s < 1) {
                throw new IllegalArgumentException("tensor axes must be >= 1, found " + Arrays.toString(shape));
            }
            n *= s;
        }
        if (data == null || data.length != n) {
            throw new IllegalArgumentException("a tensor of shape " + Arrays.toString(shape) + " holds " + n
                    + " values, found " + (data == null ? "null" : data.length));
        }
        shape = shape.clone();
        data = data.clone();
    }

    /** A rank-2 tensor from a row-major {@code rows x cols} array. */
    public static Tensor matrix(int rows, int cols, double[] rowMajor) {
        return new Tensor(new int[] {rows, cols}, rowMajor);
    }

    /** A rank-1 tensor. */
    public static Tensor vector(double[] values) {
        return new Tensor(new int[] {values.length}, values);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public double[] data() {
        return data.clone();
    }

    /** The number of axes. */
    public int rank() {
        return shape.length;
    }

    /** The length of {@code axis}. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** The product of the lengths of the axes before {@code axis} (1 for the first). */
    public int sizeBefore(int axis) {
        return Arrays.stream(shape, 0, axis).reduce(1, Math::multiplyExact);
    }

    /** The product of the lengths of the axes after {@code axis} (1 for the last). */
    public int sizeAfter(int axis) {
        return Arrays.stream(shape, axis + 1, shape.length).reduce(1, Math::multiplyExact);
    }

    /** The number of values. */
    public int size() {
        return data.length;
    }

    /** One value by flat row-major index, without copying. */
    public double at(int flatIndex) {
        return data[flatIndex];
    }

    /** {@code (1 - lambda) this + lambda other}, elementwise; {@code lambda = 0} and {@code 1} return exact copies. */
    public Tensor interpolate(Tensor other, double lambda) {
        requireSameShape(other);
        if (lambda == 0) {
            return this;
        }
        if (lambda == 1) {
            return other;
        }
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (1 - lambda) * data[i] + lambda * other.data[i];
        }
        return new Tensor(shape, out);
    }

    /** {@code sum (this - other)^2}. */
    public double squaredDistance(Tensor other) {
        requireSameShape(other);
        double s = 0;
        for (int i = 0; i < data.length; i++) {
            double d = data[i] - other.data[i];
            s += d * d;
        }
        return s;
    }

    /** True when every value is finite. */
    public boolean isFinite() {
        return Vectors.allFinite(data);
    }

    void requireSameShape(Tensor other) {
        if (!Arrays.equals(shape, other.shape)) {
            throw new IllegalArgumentException("tensor shapes differ: " + Arrays.toString(shape) + " and "
                    + Arrays.toString(other.shape));
        }
    }

    /**
     * The tensor with {@code range} of {@code axis} replaced by {@code map} applied along it: writing the axis
     * range as {@code n} blocks of {@code block} consecutive indices, the new range has {@code m} blocks and
     * {@code new[.., i*block + r, ..] = sum_j map[i][j] old[.., offset + j*block + r, ..]}, i.e. the map is
     * {@code map (x) I_block} acting on that index. Indices of the axis outside the range are kept. Cost
     * {@code O(size * m)} for a dense map; exact (no arithmetic) where {@code map} has one 1 per row and zeros.
     *
     * @param map {@code m x n}, row-major as {@code map[i][j]}
     */
    public Tensor along(int axis, int offset, int block, double[][] map) {
        int m = map.length;
        int n = m == 0 ? 0 : map[0].length;
        if (axis < 0 || axis >= shape.length) {
            throw new IllegalArgumentException("axis " + axis + " of a rank-" + shape.length + " tensor");
        }
        if (block < 1 || offset < 0 || offset + n * block > shape[axis]) {
            throw new IllegalArgumentException("range [" + offset + ", " + (offset + n * block) + ") of axis " + axis
                    + " does not fit its length " + shape[axis]);
        }
        int outer = sizeBefore(axis);
        int inner = sizeAfter(axis);
        int oldLen = shape[axis];
        int newLen = oldLen - n * block + m * block;
        int[] newShape = shape.clone();
        newShape[axis] = newLen;
        double[] out = new double[outer * newLen * inner];
        // each map row's nonzeros once, in column order (the sum below then adds exactly what a dense scan adds,
        // in the same order): a permutation costs O(size), not O(outer * m * n)
        int[][] cols = new int[m][];
        double[][] vals = new double[m][];
        for (int i = 0; i < m; i++) {
            int count = 0;
            for (int j = 0; j < n; j++) {
                if (map[i][j] != 0) {
                    count++;
                }
            }
            cols[i] = new int[count];
            vals[i] = new double[count];
            for (int j = 0, q = 0; j < n; j++) {
                if (map[i][j] != 0) {
                    cols[i][q] = j;
                    vals[i][q++] = map[i][j];
                }
            }
        }
        for (int o = 0; o < outer; o++) {
            int oldBase = o * oldLen * inner;
            int newBase = o * newLen * inner;
            // indices before the range, then the mapped range, then those after it
            System.arraycopy(data, oldBase, out, newBase, offset * inner);
            int tailOld = offset + n * block;
            int tailNew = offset + m * block;
            System.arraycopy(data, oldBase + tailOld * inner, out, newBase + tailNew * inner, (oldLen - tailOld) * inner);
            for (int i = 0; i < m; i++) {
                int[] ci = cols[i];
                double[] vi = vals[i];
                for (int q = 0; q < ci.length; q++) {
                    int j = ci[q];
                    double c = vi[q];
                    for (int r = 0; r < block; r++) {
                        int src = oldBase + (offset + j * block + r) * inner;
                        int dst = newBase + (offset + i * block + r) * inner;
                        if (c == 1) {
                            for (int k = 0; k < inner; k++) {
                                out[dst + k] += data[src + k];
                            }
                        } else {
                            for (int k = 0; k < inner; k++) {
                                out[dst + k] += c * data[src + k];
                            }
                        }
                    }
                }
            }
        }
        return new Tensor(newShape, out);
    }
}
