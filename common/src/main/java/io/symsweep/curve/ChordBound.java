package io.symsweep.curve;

/**
 * Theorem 6.2 (Zhao et al. 2025): if a curve in a level set {@code L^-1(c)} joins {@code w1} and {@code w2}
 * with curvature at most {@code kappa_max}, every point of the chord from {@code w1} to {@code w2} is within
 * <pre>  d_max = 1/kappa_max - sqrt(1/kappa_max^2 - ||w2 - w1||^2 / 4)</pre>
 * of the level set, the sagitta of a circular arc of radius {@code 1/kappa_max} over that chord; and for a loss
 * with Lipschitz constant {@code C_L}, {@code |L(w) - c| <= C_L d_max} on the chord.
 *
 * <p>The proof compares the curve with its osculating circle, so it tacitly assumes the curve turns by at most
 * pi between its ends (a minor arc): a curve that turns further, like the major arc of a circle, can stray
 * further from its chord. {@link SymmetryCurve#turningAngle()} records the turning so callers can check.
 */
public final class ChordBound {

    private ChordBound() {
    }

    /**
     * {@code d_max} for curvature bound {@code kappaMax >= 0} and chord length {@code chordLength >= 0}, computed
     * as {@code (D^2 kappa / 4) / (1 + sqrt(1 - kappa^2 D^2 / 4))}, algebraically equal and free of cancellation
     * (0 for {@code kappa = 0}, a straight curve). NaN when the chord is longer than the diameter
     * {@code 2 / kappaMax}: no arc of that curvature spans it, and the theorem says nothing.
     */
    public static double dMax(double kappaMax, double chordLength) {
        if (!(kappaMax >= 0) || !(chordLength >= 0)) {
            return Double.NaN;
        }
        double half = 0.5 * chordLength * kappaMax;
        if (half > 1) {
            return Double.NaN;
        }
        return 0.25 * chordLength * chordLength * kappaMax / (1 + Math.sqrt((1 - half) * (1 + half)));
    }
}
