package io.symsweep.table;

import io.symsweep.train.TrainingStatus;
import java.io.Serializable;

/**
 * One symmetry-induced curve against its chord (Figure 3(b-c) and Theorem 6.2, Zhao et al. 2025): a row of
 * {@link #TABLE}.
 */
public record CurveRow(Provenance provenance,
        @ColumnDoc("id of the minimum's configuration (without probe settings); shared by its curves") String minimumId,
        @ColumnDoc("the two-layer network, e.g. mlp[16,32,64]/leaky_relu(0.01)") String architecture,
        @ColumnDoc("k: columns of X and Y") int samples,
        @ColumnDoc("engine that trained the minimum and evaluates losses") String engine,
        @ColumnDoc("gradient-descent updates applied") long trainSteps,
        @ColumnDoc("||Y - f(X)||_F^2 at the trained minimum w") double minimumLoss,
        @ColumnDoc("CONVERGED, NOT_CONVERGED or DIVERGED") TrainingStatus trainStatus,
        @ColumnDoc("wall-clock training time (the only non-reproducible column)") double trainSeconds,
        @ColumnDoc("index of the random direction B / ||B||, shared across magnitudes") int curve,
        @ColumnDoc("||B||_F where g = exp(B)") double magnitude,
        @ColumnDoc("the group element g = exp(B), h x h row-major") double[] g,
        @ColumnDoc("the grid on [0, 1]") double[] t,
        @ColumnDoc("L(gamma(t)), gamma(t) = exp(t log g) . w, Eq. (5) with the action of Eq. (6)") double[] curveLosses,
        @ColumnDoc("L((1-t) gamma(0) + t gamma(1))") double[] chordLosses,
        @ColumnDoc("kappa(t) of gamma in parameter space (finite differences)") double[] curvature,
        @ColumnDoc("||gamma(1) - gamma(0)||") double chordLength,
        @ColumnDoc("length of gamma") double arcLength,
        @ColumnDoc("int kappa |gamma'| dt; Theorem 6.2's circle comparison assumes <= pi") double turningAngle,
        @ColumnDoc("largest curvature on the grid") double kappaMax,
        @ColumnDoc("largest curvature on every other grid point: about kappa_max on a smooth curve, about half "
                + "of it at a corner (a leaky-ReLU kink, infinite curvature)") double kappaMaxCoarse,
        @ColumnDoc("Theorem 6.2: 1/kappa_max - sqrt(1/kappa_max^2 - chord_length^2/4); NaN if the chord exceeds "
                + "2/kappa_max") double dMax,
        @ColumnDoc("C_L from loss slopes along the chord only (can undershoot the constant Theorem 6.2 needs)") double lipschitzChord,
        @ColumnDoc("C_L as max ||grad L|| sampled on the ribbon between chord and curve (5 points across each t)") double lipschitzGradient,
        @ColumnDoc("lipschitz_chord * d_max") double chordBound,
        @ColumnDoc("lipschitz_gradient * d_max, Eq. (9)'s right side") double gradientBound,
        @ColumnDoc("max_t |L(chord(t)) - L(gamma(0))|, Eq. (9)'s left side") double maxChordDeviation,
        @ColumnDoc("max_t |L(gamma(t)) - L(gamma(0))| (0 up to rounding when the action is exact, h >= k)") double maxCurveDeviation,
        @ColumnDoc("max_t [L(chord(t)) - ((1-t) L(0) + t L(1))]") double chordBarrier,
        @ColumnDoc("int_0^1 L(gamma(t)) dt (trapezoid)") double meanCurveLoss,
        @ColumnDoc("int_0^1 L(chord(t)) dt (trapezoid)") double meanChordLoss,
        @ColumnDoc("L(gamma(t)) <= L(chord(t)) at every t of the grid") boolean curveBelowChord,
        @ColumnDoc("max_chord_deviation <= gradient_bound (false when NaN)") boolean boundHolds,
        @ColumnDoc("max_chord_deviation <= chord_bound (false when NaN)") boolean chordBoundHolds,
        @ColumnDoc("the trained minimum w: [W_1, W_2], each row-major") double[][] weights,
        @ColumnDoc("OK, CHORD_TOO_LONG (d_max undefined), STATIONARY, NOT_FINITE, NO_REAL_LOGARITHM, "
                + "NOT_PRINCIPAL, SINGULAR, LOG_NOT_CONVERGED or MINIMUM_DIVERGED") Status status) implements Serializable {

    /** The table of these rows. */
    public static final Table<CurveRow> TABLE = RecordTable.of("curves", 1,
            "one row per symmetry-induced curve: losses along it and its chord, curvature, Theorem 6.2's bound",
            CurveRow.class);

    /** What became of the curve: {@code SymmetryCurve.Status}, or the minimum's divergence. */
    public enum Status {
        OK, CHORD_TOO_LONG, STATIONARY, NOT_FINITE, NO_REAL_LOGARITHM, NOT_PRINCIPAL, SINGULAR, LOG_NOT_CONVERGED,
        MINIMUM_DIVERGED
    }
}
