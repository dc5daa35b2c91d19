package io.symsweep.connectivity;

/**
 * Losses and accuracies along {@code (1-l) A + l B'} (or its REPAIR'd network), on a sorted grid of {@code l}
 * with {@code l = 0} first and {@code l = 1} last, and the barriers read off it.
 *
 * <p>Barrier definitions, for a loss {@code L} and accuracy {@code a}: Theus et al. 2025 (Eq. 1), the largest
 * excess over the straight line between the endpoints, {@code max_l [L(l) - ((1-l) L(0) + l L(1))]}; Git Re-Basin
 * (Ainsworth et al. 2023), the excess over the endpoints' mean, {@code max_l L(l) - (L(0) + L(1))/2}; for accuracy
 * the drop below the line, {@code max_l [((1-l) a(0) + l a(1)) - a(l)]} (and below the mean). All are
 * {@code >= 0} (the endpoints are on the grid); NaN when a loss along the path is not finite.
 *
 * @param lambdas          the grid
 * @param trainLosses      training loss at each {@code l}
 * @param testLosses       test loss
 * @param trainAccuracies  training accuracy (NaN for regression)
 * @param testAccuracies   test accuracy (NaN for regression)
 */
public record InterpolationCurve(double[] lambdas, double[] trainLosses, double[] testLosses,
        double[] trainAccuracies, double[] testAccuracies) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public InterpolationCurve {
        int n = lambdas.length;
        if (n < 2 || lambdas[0] != 0 || lambdas[n - 1] != 1 || trainLosses.length != n || testLosses.length != n
                || trainAccuracies.length != n || testAccuracies.length != n) {
            throw new IllegalArgumentException("a curve runs from l = 0 to 1 with one value per point");
        }
        for (int i = 1; i < n; i++) {
            if (!(lambdas[i] > lambdas[i - 1])) {
                throw new IllegalArgumentException("the grid must increase strictly");
            }
        }
        lambdas = lambdas.clone();
        trainLosses = trainLosses.clone();
        testLosses = testLosses.clone();
        trainAccuracies = trainAccuracies.clone();
        testAccuracies = testAccuracies.clone();
    }

    /** Theus et al.'s barrier of {@code v}: the largest excess over the chord between its endpoints. */
    public static double aboveLine(double[] lambdas, double[] v) {
        int n = v.length;
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                return Double.NaN;
            }
            double line = (1 - lambdas[i]) * v[0] + lambdas[i] * v[n - 1];
            worst = Math.max(worst, v[i] - line);
        }
        return Math.max(0, worst);
    }

    /** Git Re-Basin's barrier of {@code v}: its largest value minus the endpoints' mean. */
    public static double aboveMean(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return Double.NaN;
            }
            max = Math.max(max, x);
        }
        return max - 0.5 * (v[0] + v[v.length - 1]);
    }

    /** The largest drop of {@code v} below the chord. */
    public static double belowLine(double[] lambdas, double[] v) {
        double[] neg = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            neg[i] = -v[i];
        }
        return aboveLine(lambdas, neg);
    }

    public double trainLossBarrier() {
        return aboveLine(lambdas, trainLosses);
    }

    public double testLossBarrier() {
        return aboveLine(lambdas, testLosses);
    }

    public double trainLossBarrierMean() {
        return aboveMean(trainLosses);
    }

    public double testLossBarrierMean() {
        return aboveMean(testLosses);
    }

    public double trainAccuracyBarrier() {
        return belowLine(lambdas, trainAccuracies);
    }

    public double testAccuracyBarrier() {
        return belowLine(lambdas, testAccuracies);
    }

    /** The drop of the smallest test accuracy below the endpoints' mean. */
    public double testAccuracyBarrierMean() {
        double[] neg = new double[testAccuracies.length];
        for (int i = 0; i < neg.length; i++) {
            neg[i] = -testAccuracies[i];
        }
        return aboveMean(neg);
    }

    @Override
    public double[] lambdas() {
        return lambdas.clone();
    }

    @Override
    public double[] trainLosses() {
        return trainLosses.clone();
    }

    @Override
    public double[] testLosses() {
        return testLosses.clone();
    }

    @Override
    public double[] trainAccuracies() {
        return trainAccuracies.clone();
    }

    @Override
    public double[] testAccuracies() {
        return testAccuracies.clone();
    }
}
