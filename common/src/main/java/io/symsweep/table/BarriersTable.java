package io.symsweep.table;

import java.util.List;
import java.util.Map;

/** {@code barriers}: one row per (minimum, probe setting) of a rescaling-barrier sweep (Propositions 5.3, 5.4, 5.6). */
public final class BarriersTable extends DeclaredTable<BarrierRow> {

    public static final String NAME = "barriers";
    public static final int SCHEMA_VERSION = 2;

    private static final List<Column<BarrierRow>> COLUMNS = withProvenance(SCHEMA_VERSION, BarrierRow::config,
            BarrierRow::codeVersion,
            Column.of("config_id", ColumnType.STRING, "id of the full configuration (minimum plus probe settings)",
                    BarrierRow::configId),
            Column.of("minimum_id", ColumnType.STRING, "config_id of the probed row in minima", BarrierRow::minimumId),
            Column.of("sweep", ColumnType.STRING, "name of the sweep that wrote the row", BarrierRow::sweep),
            Column.of("seed", ColumnType.LONG, "the configuration's seed", BarrierRow::seed),
            Column.of("factor", ColumnType.DOUBLE, "rescaling factor m", BarrierRow::factor),
            Column.of("rescaled_layer", ColumnType.INT,
                    "i: W' multiplies W_i by m and W_{i+1} by m^-k (default the last two layers, i = l-1)",
                    BarrierRow::rescaledLayer),
            Column.of("permutation", ColumnType.STRING,
                    "identity (W' = m . W) or best (W' = P (m . W), P the permutation of layer i's units found with the "
                    + "lowest barrier, Prop 5.4)", BarrierRow::permutation),
            Column.of("alphas", ColumnType.DOUBLE_ARRAY, "interpolation grid from 0 to 1 (includes 0.5)",
                    BarrierRow::alphas),
            Column.of("losses", ColumnType.DOUBLE_ARRAY, "loss at (1-a) W + a W' for each alpha (W' permuted for best)",
                    BarrierRow::losses),
            Column.of("barrier", ColumnType.DOUBLE, "max over alphas of L(a) - ((1-a) L(0) + a L(1))",
                    BarrierRow::barrier),
            Column.of("midpoint_loss", ColumnType.DOUBLE, "loss at alpha = 0.5", BarrierRow::midpointLoss),
            Column.of("closed_form_midpoint_loss", ColumnType.DOUBLE,
                    "Proposition 5.3: (1 - (1-a+a m^-k)(1-a+a m)^k)^2 ||Y||_F^2 at a = 0.5",
                    BarrierRow::closedFormMidpointLoss),
            Column.of("endpoint_distance", ColumnType.DOUBLE, "||W' - W|| over all weights",
                    BarrierRow::endpointDistance),
            Column.of("search", ColumnType.STRING, "none (identity only), exhaustive (all h! permutations, h <= 7) or "
                    + "matching (the identity and the Kuhn-Munkres weight matching, h > 7)", BarrierRow::search),
            Column.of("candidates", ColumnType.INT, "permutations evaluated", BarrierRow::candidates),
            Column.of("best_permutation", ColumnType.INT_ARRAY,
                    "the permutation P found, as the images of units 0..h-1 (the identity for search none)",
                    BarrierRow::bestPermutation),
            Column.of("identity_barrier", ColumnType.DOUBLE, "barrier with P = I (equals barrier when permutation is "
                    + "identity)", BarrierRow::identityBarrier),
            Column.of("factor_range", ColumnType.DOUBLE,
                    "c of Prop 5.6's bounded orbit: factors in [1/c, c]; null when unrestricted",
                    BarrierRow::factorRange).orNull(),
            Column.of("range_loss_bound", ColumnType.DOUBLE, "max of Eq. (14) over a in [0, 1] and m in [1/c, c]: "
                    + "((c + 1/c - 2)/4)^2 ||Y||_F^2 (k = 1); null when unrestricted", BarrierRow::rangeLossBound)
                    .orNull(),
            Column.of("status", ColumnType.STRING, "OK, NONFINITE (a loss overflowed) or MINIMUM_DIVERGED",
                    BarrierRow::status),
            Column.of("minimum_status", ColumnType.STRING, "training status of the probed minimum",
                    BarrierRow::minimumStatus));

    /** The declaration (after COLUMNS: static fields initialise in order). */
    public static final BarriersTable INSTANCE = new BarriersTable();

    private BarriersTable() {
        super(NAME, SCHEMA_VERSION, "one row per minimum and probe setting: the loss along the line to the rescaled (and permuted) minimum", COLUMNS);
    }

    @Override
    public BarrierRow fromValues(Map<String, Object> v) {
        return new BarrierRow((String) v.get("config_id"), (String) v.get("minimum_id"), (String) v.get("sweep"),
                (Long) v.get("seed"), (Double) v.get("factor"), (Integer) v.get("rescaled_layer"),
                (String) v.get("permutation"), (double[]) v.get("alphas"), (double[]) v.get("losses"),
                (Double) v.get("barrier"), (Double) v.get("midpoint_loss"), (Double) v.get("closed_form_midpoint_loss"),
                (Double) v.get("endpoint_distance"), (String) v.get("search"), (Integer) v.get("candidates"),
                (int[]) v.get("best_permutation"), (Double) v.get("identity_barrier"), (Double) v.get("factor_range"),
                (Double) v.get("range_loss_bound"), (String) v.get("status"), (String) v.get("minimum_status"),
                (String) v.get("config"), (String) v.get("code_version"));
    }
}
