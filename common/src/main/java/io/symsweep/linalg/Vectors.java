package io.symsweep.linalg;

/**
 * What code outside EJML's matrices needs of plain {@code double[]} vectors: two BLAS level-1 operations, the dot
 * product and {@code y <- y + a x} (axpy), and the finiteness check that turns NaN or infinity into a status. The
 * operations run in index order, one rounding per multiply and per add (no fused multiply-add), so a caller that
 * wrote the loop by hand gets the same bits.
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

    /** True when no entry of {@code v} is NaN or infinite (true for an empty {@code v}). */
    public static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /** True when no entry of any row of {@code rows} is NaN or infinite. */
    public static boolean allFinite(double[][] rows) {
        for (double[] row : rows) {
            if (!allFinite(row)) {
                return false;
            }
        }
        return true;
    }
}
