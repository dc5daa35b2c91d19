package io.symsweep.report;

/**
 * Figure 2's landscape, from its closed form: the 2-layer scalar linear net {@code L(w1, w2) = (Y - w2 w1 X)^2}
 * with {@code X = Y = 1}. Its minimum is the hyperbola {@code w1 w2 = 1} (two components, {@code w1 > 0} and
 * {@code w1 < 0}); the rescaling {@code (w1, w2) -> (m w1, w2 / m)} moves along one branch, and the straight
 * segment between {@code w} and {@code m . w} leaves it: at its midpoint the loss is
 * {@code (1 - (1 + m)(1 + 1/m)/4)^2} (Proposition 5.3, Eq. (15) with {@code k = 1}, {@code ||Y||^2 = 1}).
 * Nothing is trained: the figure is exact, computed on a grid here.
 */
public final class LossLandscape {

    private LossLandscape() {
    }

    /** {@code (1 - w2 w1)^2}. */
    public static double loss(double w1, double w2) {
        double r = 1 - w2 * w1;
        return r * r;
    }

    /** The loss on the straight segment from {@code (a, 1/a)} to {@code (m a, 1/(m a))} at {@code alpha}. */
    public static double segmentLoss(double a, double m, double alpha) {
        double w1 = (1 - alpha) * a + alpha * m * a;
        double w2 = (1 - alpha) / a + alpha / (m * a);
        return loss(w1, w2);
    }

    /** Equation (15) for {@code k = 1}, {@code ||Y||^2 = 1}. */
    public static double midpointClosedForm(double m) {
        double c = 1 - (1 + m) * (1 + 1 / m) / 4;
        return c * c;
    }

    /**
     * {@code log10(L + 1e-6)} on a {@code n x n} grid of {@code [-r, r]^2}: {@code grid[i][j]} at
     * {@code w1 = -r + 2 r i/(n-1)}, {@code w2 = -r + 2 r j/(n-1)}.
     */
    public static double[][] logGrid(double r, int n) {
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i][j] = Math.log10(loss(-r + 2 * r * i / (n - 1), -r + 2 * r * j / (n - 1)) + 1e-6);
            }
        }
        return g;
    }
}
