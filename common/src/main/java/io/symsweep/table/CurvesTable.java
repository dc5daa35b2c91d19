package io.symsweep.table;

import java.util.List;
import java.util.Map;

/** {@code curves}: one row per symmetry-induced curve of a symmetry-curve sweep (Figure 3(b-c), Theorem 6.2). */
public final class CurvesTable extends DeclaredTable<CurveRow> {

    public static final String NAME = "curves";
    public static final int SCHEMA_VERSION = 1;

    private static final List<Column<CurveRow>> COLUMNS = withProvenance(SCHEMA_VERSION, CurveRow::config,
            CurveRow::codeVersion,
            Column.of("config_id", ColumnType.STRING, "id of the configuration (minimum, magnitude, curve)",
                    CurveRow::configId),
            Column.of("minimum_id", ColumnType.STRING,
                    "id of the minimum's configuration (without probe settings); shared by its curves",
                    CurveRow::minimumId),
            Column.of("sweep", ColumnType.STRING, "name of the sweep that wrote the row", CurveRow::sweep),
            Column.of("seed", ColumnType.LONG, "the configuration's seed", CurveRow::seed),
            Column.of("architecture", ColumnType.STRING, "the two-layer network, e.g. mlp[16,32,64]/leaky_relu(0.01)",
                    CurveRow::architecture),
            Column.of("samples", ColumnType.INT, "k: columns of X and Y", CurveRow::samples),
            Column.of("engine", ColumnType.STRING, "engine that trained the minimum and evaluates losses",
                    CurveRow::engine),
            Column.of("train_steps", ColumnType.LONG, "gradient-descent updates applied", CurveRow::trainSteps),
            Column.of("minimum_loss", ColumnType.DOUBLE, "||Y - f(X)||_F^2 at the trained minimum w",
                    CurveRow::minimumLoss),
            Column.of("train_status", ColumnType.STRING, "CONVERGED, NOT_CONVERGED or DIVERGED", CurveRow::trainStatus),
            Column.of("train_seconds", ColumnType.DOUBLE, "wall-clock training time (the only non-reproducible column)",
                    CurveRow::trainSeconds),
            Column.of("curve", ColumnType.INT, "index of the random direction B / ||B||, shared across magnitudes",
                    CurveRow::curve),
            Column.of("magnitude", ColumnType.DOUBLE, "||B||_F where g = exp(B)", CurveRow::magnitude),
            Column.of("g", ColumnType.DOUBLE_ARRAY, "the group element g = exp(B), h x h row-major", CurveRow::g),
            Column.of("t", ColumnType.DOUBLE_ARRAY, "the grid on [0, 1]", CurveRow::t),
            Column.of("curve_losses", ColumnType.DOUBLE_ARRAY,
                    "L(gamma(t)), gamma(t) = exp(t log g) . w, Eq. (5) with the action of Eq. (6)",
                    CurveRow::curveLosses),
            Column.of("chord_losses", ColumnType.DOUBLE_ARRAY, "L((1-t) gamma(0) + t gamma(1))", CurveRow::chordLosses),
            Column.of("curvature", ColumnType.DOUBLE_ARRAY, "kappa(t) of gamma in parameter space (finite differences)",
                    CurveRow::curvature),
            Column.of("chord_length", ColumnType.DOUBLE, "||gamma(1) - gamma(0)||", CurveRow::chordLength),
            Column.of("arc_length", ColumnType.DOUBLE, "length of gamma", CurveRow::arcLength),
            Column.of("turning_angle", ColumnType.DOUBLE,
                    "int kappa |gamma'| dt; Theorem 6.2's circle comparison assumes <= pi", CurveRow::turningAngle),
            Column.of("kappa_max", ColumnType.DOUBLE, "largest curvature on the grid", CurveRow::kappaMax),
            Column.of("kappa_max_coarse", ColumnType.DOUBLE,
                    "largest curvature on every other grid point: about kappa_max on a smooth curve, about half of it "
                    + "at a corner (a leaky-ReLU kink, infinite curvature)", CurveRow::kappaMaxCoarse),
            Column.of("d_max", ColumnType.DOUBLE,
                    "Theorem 6.2: 1/kappa_max - sqrt(1/kappa_max^2 - chord_length^2/4); NaN if the chord exceeds "
                    + "2/kappa_max", CurveRow::dMax),
            Column.of("lipschitz_chord", ColumnType.DOUBLE,
                    "C_L from loss slopes along the chord only (can undershoot the constant Theorem 6.2 needs)",
                    CurveRow::lipschitzChord),
            Column.of("lipschitz_gradient", ColumnType.DOUBLE,
                    "C_L as max ||grad L|| sampled on the ribbon between chord and curve (5 points across each t)",
                    CurveRow::lipschitzGradient),
            Column.of("chord_bound", ColumnType.DOUBLE, "lipschitz_chord * d_max", CurveRow::chordBound),
            Column.of("gradient_bound", ColumnType.DOUBLE, "lipschitz_gradient * d_max, Eq. (9)'s right side",
                    CurveRow::gradientBound),
            Column.of("max_chord_deviation", ColumnType.DOUBLE,
                    "max_t |L(chord(t)) - L(gamma(0))|, Eq. (9)'s left side",
                    CurveRow::maxChordDeviation),
            Column.of("max_curve_deviation", ColumnType.DOUBLE,
                    "max_t |L(gamma(t)) - L(gamma(0))| (0 up to rounding when the action is exact, h >= k)",
                    CurveRow::maxCurveDeviation),
            Column.of("chord_barrier", ColumnType.DOUBLE, "max_t [L(chord(t)) - ((1-t) L(0) + t L(1))]",
                    CurveRow::chordBarrier),
            Column.of("mean_curve_loss", ColumnType.DOUBLE, "int_0^1 L(gamma(t)) dt (trapezoid)",
                    CurveRow::meanCurveLoss),
            Column.of("mean_chord_loss", ColumnType.DOUBLE, "int_0^1 L(chord(t)) dt (trapezoid)",
                    CurveRow::meanChordLoss),
            Column.of("curve_below_chord", ColumnType.BOOLEAN, "L(gamma(t)) <= L(chord(t)) at every t of the grid",
                    CurveRow::curveBelowChord),
            Column.of("bound_holds", ColumnType.BOOLEAN, "max_chord_deviation <= gradient_bound (false when NaN)",
                    CurveRow::boundHolds),
            Column.of("chord_bound_holds", ColumnType.BOOLEAN, "max_chord_deviation <= chord_bound (false when NaN)",
                    CurveRow::chordBoundHolds),
            Column.of("weights", ColumnType.DOUBLE_MATRIX, "the trained minimum w: [W_1, W_2], each row-major",
                    CurveRow::weights),
            Column.of("status", ColumnType.STRING, "OK, CHORD_TOO_LONG (d_max undefined), STATIONARY, NOT_FINITE, "
                    + "NO_REAL_LOGARITHM, NOT_PRINCIPAL, SINGULAR, LOG_NOT_CONVERGED or MINIMUM_DIVERGED",
                    CurveRow::status));

    /** The declaration (after COLUMNS: static fields initialise in order). */
    public static final CurvesTable INSTANCE = new CurvesTable();

    private CurvesTable() {
        super(NAME, SCHEMA_VERSION, "one row per symmetry-induced curve: losses along it and its chord, curvature, Theorem 6.2's bound", COLUMNS);
    }

    @Override
    public CurveRow fromValues(Map<String, Object> v) {
        return new CurveRow((String) v.get("config_id"), (String) v.get("minimum_id"), (String) v.get("sweep"),
                (Long) v.get("seed"), (String) v.get("architecture"), (Integer) v.get("samples"),
                (String) v.get("engine"), (Long) v.get("train_steps"), (Double) v.get("minimum_loss"),
                (String) v.get("train_status"), (Double) v.get("train_seconds"), (Integer) v.get("curve"),
                (Double) v.get("magnitude"), (double[]) v.get("g"), (double[]) v.get("t"),
                (double[]) v.get("curve_losses"), (double[]) v.get("chord_losses"), (double[]) v.get("curvature"),
                (Double) v.get("chord_length"), (Double) v.get("arc_length"), (Double) v.get("turning_angle"),
                (Double) v.get("kappa_max"), (Double) v.get("kappa_max_coarse"), (Double) v.get("d_max"),
                (Double) v.get("lipschitz_chord"),
                (Double) v.get("lipschitz_gradient"), (Double) v.get("chord_bound"), (Double) v.get("gradient_bound"),
                (Double) v.get("max_chord_deviation"), (Double) v.get("max_curve_deviation"),
                (Double) v.get("chord_barrier"), (Double) v.get("mean_curve_loss"), (Double) v.get("mean_chord_loss"),
                (Boolean) v.get("curve_below_chord"), (Boolean) v.get("bound_holds"),
                (Boolean) v.get("chord_bound_holds"), (double[][]) v.get("weights"), (String) v.get("status"),
                (String) v.get("config"), (String) v.get("code_version"));
    }
}
