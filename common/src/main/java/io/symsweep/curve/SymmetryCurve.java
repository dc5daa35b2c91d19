package io.symsweep.curve;

import java.util.Arrays;

/**
 * A curve {@code gamma} on {@code t} in [0, 1] against the chord between its ends (Section 6, Zhao et al.
 * 2025): full arrays on the grid, Theorem 6.2's summaries, and a status. Numerical trouble is a status, never an
 * exception; when the curve could not be traced the arrays hold NaN.
 *
 * @param t                 the uniform grid, from exactly 0 to exactly 1
 * @param curveLosses       {@code L(gamma(t_j))}
 * @param chordLosses       {@code L((1 - t_j) w1 + t_j w2)}, {@code w1 = gamma(0)}, {@code w2 = gamma(1)}
 * @param curvature         {@code kappa(t_j)} of {@code gamma} in parameter space ({@link CurveGeometry})
 * @param chordLength       {@code ||w2 - w1||}
 * @param arcLength         {@code int |gamma'| dt}
 * @param turningAngle      {@code int kappa |gamma'| dt}; Theorem 6.2's circle comparison assumes at most pi
 * @param maxCurvature      {@code kappa_max}, the largest {@code kappa(t_j)}
 * @param dMax              Theorem 6.2's {@code d_max(kappa_max, chordLength)}; NaN if the chord is longer than
 *                          {@code 2 / kappa_max}
 * @param lipschitz         {@code C_L}, the empirical Lipschitz constant of {@code L} along the chord:
 *                          {@code max_j |L_{j+1} - L_j| / ((t_{j+1} - t_j) chordLength)} over grid neighbours. It
 *                          sees slopes along the chord only, so it is a lower bound on the constant Theorem 6.2
 *                          needs (slopes off the chord, towards the level set), and {@code C_L d_max} can fall
 *                          below the measured deviation: for {@code |w - c|^2} on a quarter circle it is
 *                          {@code 2 tan(pi/8) = 0.83} times it
 * @param maxChordDeviation {@code max_j |L(chord(t_j)) - L(w1)|}, the measured left side of Eq. (9)
 * @param maxCurveDeviation {@code max_j |L(gamma(t_j)) - L(w1)|}: 0 up to rounding for an exact symmetry
 * @param chordBarrier      the barrier of the chord losses ({@link io.symsweep.probe.LinearInterpolationProbe#barrier})
 * @param status            whether the summaries mean what they say
 */
public record SymmetryCurve(double[] t, double[] curveLosses, double[] chordLosses, double[] curvature,
        double chordLength, double arcLength, double turningAngle, double maxCurvature, double dMax,
        double lipschitz, double maxChordDeviation, double maxCurveDeviation, double chordBarrier, Status status) {

    /** What became of the curve. */
    public enum Status {
        /** Every array and summary is finite. */
        OK,
        /** The chord is longer than {@code 2 / kappa_max}: Theorem 6.2 does not apply, {@code dMax} is NaN. */
        CHORD_TOO_LONG,
        /** {@code gamma'} vanishes somewhere (e.g. {@code g = I}): curvature undefined there. */
        STATIONARY,
        /** A weight, loss or curvature is NaN or infinite. */
        NOT_FINITE,
        /** {@code g} has no real logarithm ({@code det g < 0}, or a negative eigenvalue of odd multiplicity). */
        NO_REAL_LOGARITHM,
        /** {@code g} has negative real eigenvalues: a real logarithm may exist but no principal one. */
        NOT_PRINCIPAL,
        /** {@code g} is singular. */
        SINGULAR,
        /** The logarithm of {@code g} did not converge. */
        LOG_NOT_CONVERGED
    }

    public SymmetryCurve {
        int n = t.length;
        if (curveLosses.length != n || chordLosses.length != n || curvature.length != n) {
            throw new IllegalArgumentException("t, curveLosses, chordLosses and curvature must have one length, found "
                    + n + ", " + curveLosses.length + ", " + chordLosses.length + ", " + curvature.length);
        }
        if (status == null) {
            throw new IllegalArgumentException("status is null");
        }
        t = t.clone();
        curveLosses = curveLosses.clone();
        chordLosses = chordLosses.clone();
        curvature = curvature.clone();
    }

    /** A curve that could not be traced: the grid, NaN everywhere else. */
    static SymmetryCurve failed(double[] t, Status status) {
        double[] nan = new double[t.length];
        Arrays.fill(nan, Double.NaN);
        double x = Double.NaN;
        return new SymmetryCurve(t, nan, nan, nan, x, x, x, x, x, x, x, x, x, status);
    }

    /** Eq. (9)'s right side, {@code C_L d_max}, to set beside {@link #maxChordDeviation()}. */
    public double lipschitzBound() {
        return lipschitz * dMax;
    }

    @Override
    public double[] t() {
        return t.clone();
    }

    @Override
    public double[] curveLosses() {
        return curveLosses.clone();
    }

    @Override
    public double[] chordLosses() {
        return chordLosses.clone();
    }

    @Override
    public double[] curvature() {
        return curvature.clone();
    }
}
