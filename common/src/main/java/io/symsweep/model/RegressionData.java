package io.symsweep.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A regression problem {@code (X, Y)} with samples as columns: {@code X} is {@code features x samples},
 * {@code Y} is {@code outputs x samples}, both row-major, as in the paper's {@code ||Y - W_l ... X||^2}.
 */
public record RegressionData(int features, int outputs, int samples, double[] x, double[] y) {

    public RegressionData {
        if (features < 1 || outputs < 1 || samples < 1) {
            throw new IllegalArgumentException("dimensions must be >= 1");
        }
        if (x.length != features * samples || y.length != outputs * samples) {
            throw new IllegalArgumentException("X must be " + features + "x" + samples + " and Y " + outputs + "x"
                    + samples);
        }
        x = x.clone();
        y = y.clone();
    }

    /** X and Y with i.i.d. N(0, 1) entries drawn from {@code seed}: X first, row by row, then Y. */
    public static RegressionData gaussian(int features, int outputs, int samples, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[features * samples];
        double[] y = new double[outputs * samples];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextGaussian();
        }
        return new RegressionData(features, outputs, samples, x, y);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /** {@code X[r][c]} without copying. */
    public double x(int r, int c) {
        return x[r * samples + c];
    }

    /** {@code Y[r][c]} without copying. */
    public double y(int r, int c) {
        return y[r * samples + c];
    }

    /** {@code ||Y||_F^2}. */
    public double yNorm2() {
        double s = 0;
        for (double v : y) {
            s += v * v;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegressionData d && features == d.features && outputs == d.outputs
                && samples == d.samples && Arrays.equals(x, d.x) && Arrays.equals(y, d.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "RegressionData[" + features + "x" + samples + " -> " + outputs + "x" + samples + "]";
    }
}
