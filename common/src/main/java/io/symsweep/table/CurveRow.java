package io.symsweep.table;

/**
 * One symmetry-induced curve against its chord (Figure 3(b-c) and Theorem 6.2, Zhao et al. 2025): a row of
 * {@link CurvesTable}.
 *
 * @param configId          id of the configuration (minimum, magnitude and curve index)
 * @param minimumId         id of the minimum's configuration (the configuration without its probe settings)
 * @param sweep             the sweep's name
 * @param seed              the configuration's seed
 * @param architecture      {@code mlp[n,h,m]/leaky_relu(0.01)}
 * @param samples           {@code k}
 * @param engine            the engine that trained the minimum
 * @param trainSteps        gradient-descent updates applied
 * @param minimumLoss       the loss at the trained minimum {@code w}
 * @param trainStatus       CONVERGED, NOT_CONVERGED or DIVERGED
 * @param trainSeconds      wall-clock training time
 * @param curve             the curve's index: its direction {@code B / ||B||} derives from it and the minimum
 * @param magnitude         {@code ||B||_F}, {@code g = exp(B)}
 * @param g                 {@code g}, {@code h x h} row-major
 * @param t                 the grid on [0, 1]
 * @param curveLosses       {@code L(gamma(t))}, {@code gamma(t) = exp(t log g) . w} by Eq. (5) with Eq. (6)
 * @param chordLosses       {@code L((1-t) gamma(0) + t gamma(1))}
 * @param curvature         {@code kappa(t)} of {@code gamma} in parameter space
 * @param chordLength       {@code ||gamma(1) - gamma(0)||}
 * @param arcLength         length of {@code gamma}
 * @param turningAngle      {@code int kappa |gamma'| dt}
 * @param kappaMax          largest curvature on the grid
 * @param kappaMaxCoarse    largest curvature on every other grid point: about {@code kappaMax} for a smooth curve,
 *                          about half of it at a corner (leaky ReLU's kinks)
 * @param dMax              Theorem 6.2's {@code d_max}
 * @param lipschitzChord    {@code C_L} from loss slopes along the chord
 * @param lipschitzGradient {@code C_L} as the largest gradient norm on the ribbon between chord and curve
 * @param chordBound        {@code lipschitzChord * dMax}
 * @param gradientBound     {@code lipschitzGradient * dMax}
 * @param maxChordDeviation {@code max_t |L(chord(t)) - L(gamma(0))|}
 * @param maxCurveDeviation {@code max_t |L(gamma(t)) - L(gamma(0))|}
 * @param chordBarrier      barrier of the chord losses
 * @param meanCurveLoss     {@code int L(gamma(t)) dt} (trapezoid)
 * @param meanChordLoss     {@code int L(chord(t)) dt} (trapezoid)
 * @param curveBelowChord   {@code L(gamma(t)) <= L(chord(t))} at every grid point
 * @param boundHolds        {@code maxChordDeviation <= gradientBound}
 * @param chordBoundHolds   {@code maxChordDeviation <= chordBound}
 * @param weights           the trained minimum {@code w}, {@code [W_1, W_2]} row-major
 * @param status            the curve's status ({@code SymmetryCurve.Status}) or MINIMUM_DIVERGED
 * @param config            canonical form of the configuration
 * @param codeVersion       symsweep version that computed the row
 */
public record CurveRow(String configId, String minimumId, String sweep, long seed, String architecture, int samples,
        String engine, long trainSteps, double minimumLoss, String trainStatus, double trainSeconds, int curve,
        double magnitude, double[] g, double[] t, double[] curveLosses, double[] chordLosses, double[] curvature,
        double chordLength, double arcLength, double turningAngle, double kappaMax, double kappaMaxCoarse, double dMax,
        double lipschitzChord, double lipschitzGradient, double chordBound, double gradientBound,
        double maxChordDeviation, double maxCurveDeviation, double chordBarrier, double meanCurveLoss,
        double meanChordLoss, boolean curveBelowChord, boolean boundHolds, boolean chordBoundHolds,
        double[][] weights, String status, String config, String codeVersion) implements java.io.Serializable {
}
