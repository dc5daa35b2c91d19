package io.symsweep.probe;

/** Losses the papers derive in closed form, to hold measured values against. */
public final class ClosedForms {

    private ClosedForms() {
    }

    /**
     * Equation (14), Proposition 5.3 (Zhao et al. 2025): on a zero-loss minimum {@code W} of a network whose
     * activation between layers {@code i} and {@code i+1} is homogeneous of degree {@code k}, the loss at
     * {@code (1-a) W + a W'}, {@code W' = (..., m W_i, W_{i+1} m^-k, ...)}, is
     * {@code (1 - (1-a+a m^-k)(1-a+a m)^k)^2 ||Y||^2}.
     */
    public static double rescalingInterpolationLoss(double alpha, double m, double k, double yNorm2) {
        double c = (1 - alpha + alpha * Math.pow(m, -k)) * Math.pow(1 - alpha + alpha * m, k);
        return (1 - c) * (1 - c) * yNorm2;
    }

    /** Equation (15): the midpoint ({@code a = 1/2}) case, {@code (1 - 2^-(k+1) (1 + m^-k)(1 + m)^k)^2 ||Y||^2}. */
    public static double rescalingMidpointLoss(double m, double k, double yNorm2) {
        return rescalingInterpolationLoss(0.5, m, k, yNorm2);
    }

    /**
     * Proposition 5.6's bound made explicit: the largest loss Equation (14) gives on a segment from a zero-loss
     * minimum to {@code m . W} over all {@code a} in [0, 1] and all factors {@code m} in {@code [1/c, c]}. For
     * {@code k = 1}, {@code (1-a+a/m)(1-a+a m) = 1 + a(1-a)(m + 1/m - 2)}, largest at {@code a = 1/2} and
     * {@code m = c} (or {@code 1/c}), so the bound is Equation (15) at {@code m = c}:
     * {@code ((c + 1/c - 2) / 4)^2 ||Y||^2}. Only {@code k = 1}, the degree of every supported activation.
     *
     * @throws IllegalArgumentException for {@code c < 1} or {@code k != 1}
     */
    public static double rescalingLossBound(double c, double k, double yNorm2) {
        if (!(c >= 1)) {
            throw new IllegalArgumentException("the factor range [1/c, c] needs c >= 1, found " + c);
        }
        if (k != 1) {
            throw new IllegalArgumentException("the bound is derived for degree k = 1, found " + k);
        }
        return rescalingMidpointLoss(c, k, yNorm2);
    }
}
