package io.symsweep.linalg;

/**
 * The two BLAS level-1 operations on plain {@code double[]} vectors that code outside EJML's matrices needs: the dot
 * product and {@code y <- y + a x} (axpy). Both run in index order, one rounding per multiply and per add (no fused
 * multiply-add), so a caller that wrote the loop by hand gets the same bits.
 */
public final class Vectors {

    private Vectors() {
    }

    /** {@code sum_i a_i b_i}, summed from {@code i = 0}; {@code a} and {@code b} have one length. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code y <- y + a x} in place (BLAS axpy); {@code x} and {@code y} have one length. */
    public static void addScaled(double[] y, double a, double[] x) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }
}
