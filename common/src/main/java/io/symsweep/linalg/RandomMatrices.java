package io.symsweep.linalg;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Seeded random dense matrices as {@code double[rows][cols]}, filled row by row (entry {@code (i, j)} is the
 * {@code (i cols + j)}-th draw), so that a seed gives the same matrix wherever it is drawn.
 */
public final class RandomMatrices {

    private RandomMatrices() {
    }

    /** I.i.d. standard normal entries. */
    public static double[][] gaussian(int rows, int cols, SplittableRandom rng) {
        return filled(rows, cols, rng::nextGaussian);
    }

    /** I.i.d. uniform entries on {@code [0, 1)}. */
    public static double[][] uniform(int rows, int cols, SplittableRandom rng) {
        return filled(rows, cols, rng::nextDouble);
    }

    private static double[][] filled(int rows, int cols, DoubleSupplier draw) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = draw.getAsDouble();
            }
        }
        return m;
    }
}
