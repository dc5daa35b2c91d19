package io.symsweep.table;

import java.util.List;
import java.util.Map;

/** {@code approximate_action}: one row per network of an approximate-action sweep (Proposition 6.1, Figure 3a). */
public final class ApproximateActionTable extends DeclaredTable<ApproximateActionRow> {

    public static final String NAME = "approximate_action";
    public static final int SCHEMA_VERSION = 1;

    private static final List<Column<ApproximateActionRow>> COLUMNS = withProvenance(SCHEMA_VERSION, ApproximateActionRow::config,
            ApproximateActionRow::codeVersion,
            Column.of("config_id", ColumnType.STRING, "id of the configuration (hash of its canonical form)",
                    ApproximateActionRow::configId),
            Column.of("sweep", ColumnType.STRING, "name of the sweep that wrote the row", ApproximateActionRow::sweep),
            Column.of("seed", ColumnType.LONG, "the configuration's seed: m, h, n, k, data and weights derive from it",
                    ApproximateActionRow::seed),
            Column.of("outputs", ColumnType.INT, "m: outputs, U is m x h, Y is m x k", ApproximateActionRow::outputs),
            Column.of("hidden", ColumnType.INT, "h: hidden units, V is h x n", ApproximateActionRow::hidden),
            Column.of("inputs", ColumnType.INT, "n: input features, X is n x k", ApproximateActionRow::inputs),
            Column.of("samples", ColumnType.INT, "k: samples, the columns of X and Y", ApproximateActionRow::samples),
            Column.of("architecture", ColumnType.STRING, "the network, e.g. mlp[n,h,m]/sigmoid",
                    ApproximateActionRow::architecture),
            Column.of("h_at_least_k", ColumnType.BOOLEAN,
                    "h >= k: s(g V X) generically has full column rank and Eq. (6) keeps the output exactly",
                    ApproximateActionRow::hAtLeastK),
            Column.of("group_element", ColumnType.STRING,
                    "how g was drawn: gaussian (i.i.d. N(0, 1/h) entries) or exp (exp(B), ||B||_F = probe.magnitude)",
                    ApproximateActionRow::groupElement),
            Column.of("g", ColumnType.DOUBLE_ARRAY, "the group element g, h x h row-major", ApproximateActionRow::g),
            Column.of("g_condition_number", ColumnType.DOUBLE, "sigma_max(g) / sigma_min(g)",
                    ApproximateActionRow::gConditionNumber),
            Column.of("g_determinant_sign", ColumnType.INT, "sign of det g (0: singular)",
                    ApproximateActionRow::gDeterminantSign),
            Column.of("train_steps", ColumnType.LONG, "gradient-descent updates applied",
                    ApproximateActionRow::trainSteps),
            Column.of("learning_rate", ColumnType.DOUBLE,
                    "step size used: training.relative_step / L0, L0 the Gauss-Newton curvature bound at the initial "
                    + "weights", ApproximateActionRow::learningRate),
            Column.of("initial_loss", ColumnType.DOUBLE, "||U s(V X) - Y||_F^2 at the initial weights",
                    ApproximateActionRow::initialLoss),
            Column.of("loss_before", ColumnType.DOUBLE, "||U s(V X) - Y||_F^2 at the trained weights",
                    ApproximateActionRow::lossBefore),
            Column.of("train_status", ColumnType.STRING, "CONVERGED (below the tolerance), NOT_CONVERGED or DIVERGED",
                    ApproximateActionRow::trainStatus),
            Column.of("train_seconds", ColumnType.DOUBLE, "wall-clock training time (the only non-reproducible column)",
                    ApproximateActionRow::trainSeconds),
            Column.of("output_norm", ColumnType.DOUBLE, "||U s(V X)||_F, Prop 6.1's bound",
                    ApproximateActionRow::outputNorm),
            Column.of("output_change", ColumnType.DOUBLE,
                    "||U s(V X) - U' s(V' X)||_F, (U', V') = g . (U, V) by Eq. (6)", ApproximateActionRow::outputChange),
            Column.of("relative_change", ColumnType.DOUBLE, "output_change / output_norm (Prop 6.1: at most 1)",
                    ApproximateActionRow::relativeChange),
            Column.of("bound_holds", ColumnType.BOOLEAN, "output_change <= output_norm, compared without tolerance",
                    ApproximateActionRow::boundHolds),
            Column.of("feature_rank", ColumnType.INT, "numerical rank of s(g V X) (h x k)",
                    ApproximateActionRow::featureRank),
            Column.of("exact_on_output", ColumnType.BOOLEAN, "feature_rank = k: the output, hence the loss, is kept",
                    ApproximateActionRow::exactOnOutput),
            Column.of("loss_after", ColumnType.DOUBLE, "||U' s(V' X) - Y||_F^2", ApproximateActionRow::lossAfter),
            Column.of("weights", ColumnType.DOUBLE_MATRIX, "trained weights [V, U], each row-major",
                    ApproximateActionRow::weights),
            Column.of("x", ColumnType.DOUBLE_ARRAY, "X, n x k row-major (i.i.d. N(0, 1))", ApproximateActionRow::x),
            Column.of("y", ColumnType.DOUBLE_ARRAY, "Y, m x k row-major (i.i.d. N(0, 1))", ApproximateActionRow::y),
            Column.of("status", ColumnType.STRING,
                    "OK, SINGULAR_ELEMENT (g not invertible), MINIMUM_DIVERGED or NOT_FINITE (an output overflowed)",
                    ApproximateActionRow::status));

    /** The declaration (after COLUMNS: static fields initialise in order). */
    public static final ApproximateActionTable INSTANCE = new ApproximateActionTable();

    private ApproximateActionTable() {
        super(NAME, SCHEMA_VERSION, "one row per trained two-layer network: its output change under Eq. (6) against Prop 6.1's bound", COLUMNS);
    }

    @Override
    public ApproximateActionRow fromValues(Map<String, Object> v) {
        return new ApproximateActionRow((String) v.get("config_id"), (String) v.get("sweep"), (Long) v.get("seed"),
                (Integer) v.get("outputs"), (Integer) v.get("hidden"), (Integer) v.get("inputs"),
                (Integer) v.get("samples"), (String) v.get("architecture"), (Boolean) v.get("h_at_least_k"),
                (String) v.get("group_element"), (double[]) v.get("g"), (Double) v.get("g_condition_number"),
                (Integer) v.get("g_determinant_sign"), (Long) v.get("train_steps"), (Double) v.get("learning_rate"),
                (Double) v.get("initial_loss"), (Double) v.get("loss_before"), (String) v.get("train_status"),
                (Double) v.get("train_seconds"), (Double) v.get("output_norm"), (Double) v.get("output_change"),
                (Double) v.get("relative_change"), (Boolean) v.get("bound_holds"), (Integer) v.get("feature_rank"),
                (Boolean) v.get("exact_on_output"), (Double) v.get("loss_after"), (double[][]) v.get("weights"),
                (double[]) v.get("x"), (double[]) v.get("y"), (String) v.get("status"), (String) v.get("config"),
                (String) v.get("code_version"));
    }
}
