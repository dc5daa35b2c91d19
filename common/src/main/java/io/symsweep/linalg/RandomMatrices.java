package io.symsweep.linalg;

import java.util.SplittableRandom;

/**
 * Seeded random dense matrices as {@code double[rows][cols]}, filled row by row (entry {@code (i, j)} is the
 * {@code (i cols + j)}-th draw), so that a seed gives the same matrix wherever it is drawn.
 */
public final class RandomMatrices {

    private RandomMatrices() {
    }

    /** I.i.d. standard normal entries. */
    public static double[][] gaussian(int rows, int cols, SplittableRandom rng) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return m;
    }

    /** I.i.d. uniform entries on {@code [0, 1)}. */
    public static double[][] uniform(int rows, int cols, SplittableRandom rng) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextDouble();
            }
        }
        return m;
    }
}
