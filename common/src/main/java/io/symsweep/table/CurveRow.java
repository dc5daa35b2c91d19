package io.symsweep.table;

import io.symsweep.train.TrainingStatus;
import java.io.Serializable;

/**
 * One symmetry-induced curve against its chord (Figure 3(b-c) and Theorem 6.2, Zhao et al. 2025): a row of
 * {@link #TABLE}.
 */
@Columns("""
        minimum_id: id of the minimum's configuration (without probe settings); shared by its curves
        architecture: the two-layer network, e.g. mlp[16,32,64]/leaky_relu(0.01)
        samples: k: columns of X and Y
        engine: engine that trained the minimum and evaluates losses
        train_steps: gradient-descent updates applied
        minimum_loss: ||Y - f(X)||_F^2 at the trained minimum w
        train_status: CONVERGED, NOT_CONVERGED or DIVERGED
        train_seconds: wall-clock training time (the only non-reproducible column)
        curve: index of the random direction B / ||B||, shared across magnitudes
        magnitude: ||B||_F where g = exp(B)
        g: the group element g = exp(B), h x h row-major
        t: the grid on [0, 1]
        curve_losses: L(gamma(t)), gamma(t) = exp(t log g) . w, Eq. (5) with the action of Eq. (6)
        chord_losses: L((1-t) gamma(0) + t gamma(1))
        curvature: kappa(t) of gamma in parameter space (finite differences)
        chord_length: ||gamma(1) - gamma(0)||
        arc_length: length of gamma
        turning_angle: int kappa |gamma'| dt; Theorem 6.2's circle comparison assumes <= pi
        kappa_max: largest curvature on the grid
        kappa_max_coarse: largest curvature on every other grid point: about kappa_max on a smooth curve, about half
            of it at a corner (a leaky-ReLU kink, infinite curvature)
        d_max: Theorem 6.2: 1/kappa_max - sqrt(1/kappa_max^2 - chord_length^2/4); NaN if the chord exceeds
            2/kappa_max
        lipschitz_chord: C_L from loss slopes along the chord only (can undershoot the constant Theorem 6.2 needs)
        lipschitz_gradient: C_L as max ||grad L|| sampled on the ribbon between chord and curve (5 points across
            each t)
        chord_bound: lipschitz_chord * d_max
        gradient_bound: lipschitz_gradient * d_max, Eq. (9)'s right side
        max_chord_deviation: max_t |L(chord(t)) - L(gamma(0))|, Eq. (9)'s left side
        max_curve_deviation: max_t |L(gamma(t)) - L(gamma(0))| (0 up to rounding when the action is exact, h >= k)
        chord_barrier: max_t [L(chord(t)) - ((1-t) L(0) + t L(1))]
        mean_curve_loss: int_0^1 L(gamma(t)) dt (trapezoid)
        mean_chord_loss: int_0^1 L(chord(t)) dt (trapezoid)
        curve_below_chord: L(gamma(t)) <= L(chord(t)) at every t of the grid
        bound_holds: max_chord_deviation <= gradient_bound (false when NaN)
        chord_bound_holds: max_chord_deviation <= chord_bound (false when NaN)
        weights: the trained minimum w: [W_1, W_2], each row-major
        status: OK, CHORD_TOO_LONG (d_max undefined), STATIONARY, NOT_FINITE, NO_REAL_LOGARITHM, NOT_PRINCIPAL,
            SINGULAR, LOG_NOT_CONVERGED or MINIMUM_DIVERGED
        """)
public record CurveRow(Provenance provenance, String minimumId, String architecture, int samples, String engine,
        long trainSteps, double minimumLoss, TrainingStatus trainStatus, double trainSeconds, int curve,
        double magnitude, double[] g, double[] t, double[] curveLosses, double[] chordLosses, double[] curvature,
        double chordLength, double arcLength, double turningAngle, double kappaMax, double kappaMaxCoarse,
        double dMax, double lipschitzChord, double lipschitzGradient, double chordBound, double gradientBound,
        double maxChordDeviation, double maxCurveDeviation, double chordBarrier, double meanCurveLoss,
        double meanChordLoss, boolean curveBelowChord, boolean boundHolds, boolean chordBoundHolds,
        double[][] weights, Status status) implements Serializable {

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
