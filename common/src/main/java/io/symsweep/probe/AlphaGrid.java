package io.symsweep.probe;

/** Interpolation grids on [0, 1]. */
public final class AlphaGrid {

    private AlphaGrid() {
    }

    /**
     * {@code n} equally spaced alphas {@code i / (n-1)}: exactly 0 and 1 at the ends, and exactly 0.5 in the
     * middle when {@code n} is odd (the division is correctly rounded and 0.5 is representable).
     */
    public static double[] uniform(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points, found " + n);
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (double) i / (n - 1);
        }
        return a;
    }

    /** The index of 0.5 in {@code alphas}, or -1. */
    public static int indexOfMidpoint(double[] alphas) {
        for (int i = 0; i < alphas.length; i++) {
            if (alphas[i] == 0.5) {
                return i;
            }
        }
        return -1;
    }
}
