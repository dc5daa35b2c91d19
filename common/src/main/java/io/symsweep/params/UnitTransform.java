package io.symsweep.params;

/**
 * A linear map of a {@link Site}'s units as data: {@link #forward()} {@code F} ({@code m x n}) acts where the
 * units are outputs, {@link #backward()} {@code B} ({@code n x m}) where they are inputs, with {@code B F = I_n},
 * so a layer that reads the moved units undoes the move: {@code W B F h = W h}. For a square invertible map
 * {@code B = F^-1}; for a semi-permutation {@code S}, {@code B = (S^T S)^-1 S^T}. Both matrices are held
 * explicitly (not recomputed) so that a permutation's inverse is exact.
 *
 * @param symmetryClass the smallest class the map belongs to
 * @param forward       {@code m x n}, {@code forward[i][j]}
 * @param backward      {@code n x m}
 */
public record UnitTransform(SymmetryClass symmetryClass, double[][] forward, double[][] backward)
        implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public UnitTransform {
        if (symmetryClass == null || forward == null || backward == null || forward.length == 0
                || backward.length == 0) {
            throw new IllegalArgumentException("a unit transform needs a class and both matrices");
        }
        int m = forward.length;
        int n = forward[0].length;
        if (backward.length != n) {
            throw new IllegalArgumentException("forward is " + m + "x" + n + ", so backward must have " + n
                    + " rows, found " + backward.length);
        }
        forward = copy(forward, n);
        backward = copy(backward, m);
    }

    private static double[][] copy(double[][] a, int cols) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null || a[i].length != cols) {
                throw new IllegalArgumentException("ragged matrix: row " + i + " should have " + cols + " entries");
            }
            out[i] = a[i].clone();
        }
        return out;
    }

    /** The identity on {@code n} units. */
    public static UnitTransform identity(int n) {
        double[][] eye = new double[n][n];
        for (int i = 0; i < n; i++) {
            eye[i][i] = 1;
        }
        return new UnitTransform(SymmetryClass.NONE, eye, eye);
    }

    /**
     * The permutation matrix {@code P e_j = e_{images[j]}}: unit {@code j} moves to position {@code images[j]};
     * its inverse is {@code P^T}, exactly.
     */
    public static UnitTransform permutation(int[] images) {
        int n = images.length;
        double[][] p = new double[n][n];
        double[][] pt = new double[n][n];
        boolean[] seen = new boolean[n];
        for (int j = 0; j < n; j++) {
            int i = images[j];
            if (i < 0 || i >= n || seen[i]) {
                throw new IllegalArgumentException("not a permutation of 0.." + (n - 1) + ": " + java.util.Arrays.toString(images));
            }
            seen[i] = true;
            p[i][j] = 1;
            pt[j][i] = 1;
        }
        return new UnitTransform(SymmetryClass.PERMUTATION, p, pt);
    }

    /** The number of units the map takes, {@code n}. */
    public int sourceSize() {
        return forward[0].length;
    }

    /** The number of units it gives, {@code m}. */
    public int targetSize() {
        return forward.length;
    }

    @Override
    public double[][] forward() {
        return copy(forward, sourceSize());
    }

    @Override
    public double[][] backward() {
        return copy(backward, targetSize());
    }

    /** {@code backward^T}, {@code m x n}: the matrix applied along an input axis. */
    double[][] backwardTransposed() {
        int m = targetSize();
        int n = sourceSize();
        double[][] t = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[j][i] = backward[i][j];
            }
        }
        return t;
    }

    double[][] forwardView() {
        return forward;
    }
}
