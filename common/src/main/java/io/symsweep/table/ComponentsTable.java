package io.symsweep.table;

import java.util.List;
import java.util.Map;

/**
 * {@code components}: one row per configuration of a {@code components} sweep, the number of connected
 * components of the minimum with its evidence (Corollary 4.2, Propositions 4.3 and 5.2).
 */
public final class ComponentsTable extends DeclaredTable<ComponentRow> {

    public static final String NAME = "components";
    public static final int SCHEMA_VERSION = 1;

    private static final List<Column<ComponentRow>> COLUMNS = withProvenance(SCHEMA_VERSION, ComponentRow::config,
            ComponentRow::codeVersion,
            Column.of("config_id", ColumnType.STRING, "id of the configuration (hash of its canonical form)",
                    ComponentRow::configId),
            Column.of("sweep", ColumnType.STRING, "name of the sweep that wrote the row", ComponentRow::sweep),
            Column.of("seed", ColumnType.LONG, "the configuration's seed (data, initialisations and points derive "
                    + "from it)", ComponentRow::seed),
            Column.of("architecture", ColumnType.STRING, "linear: ||Y - W_l ... W_1 X||^2 with h x h weights; "
                    + "residual: the 1-D net (Y - W3 (W2 W1 X + eps X))^2 of Proposition 4.3",
                    ComponentRow::architecture),
            Column.of("l", ColumnType.INT, "number of weight matrices", ComponentRow::l),
            Column.of("h", ColumnType.INT, "width of every layer", ComponentRow::h),
            Column.of("eps", ColumnType.DOUBLE, "skip-connection weight (0 for the linear net)", ComponentRow::eps),
            Column.of("up_to_permutation", ColumnType.BOOLEAN,
                    "components counted up to permutations of hidden units (Proposition 5.2)",
                    ComponentRow::upToPermutation),
            Column.of("samples", ColumnType.INT, "initialisations trained (linear) or points drawn on the minimum "
                    + "(residual)", ComponentRow::samples),
            Column.of("converged", ColumnType.INT, "samples on the minimum: runs that reached the loss tolerance, "
                    + "or drawn points whose loss is rounding", ComponentRow::converged),
            Column.of("classes_found", ColumnType.INT, "distinct sign patterns among them: (sign det(W_1 X), "
                    + "sign det W_2, ..., sign det W_{l-1}); residual: (sign w1, sign(w1 w2 + eps))",
                    ComponentRow::classesFound),
            Column.of("components_measured", ColumnType.INT, "measured number of connected components; null when "
                    + "status says it was not measured (e.g. INCOMPLETE_SAMPLING)",
                    ComponentRow::componentsMeasured).orNull(),
            Column.of("components_verified", ColumnType.INT, "components whose connectivity was verified in full "
                    + "(every member joined, every crossing certified); a lower bound when not measured",
                    ComponentRow::componentsVerified),
            Column.of("components_predicted", ColumnType.INT, "the theory: 2^(l-1) (Corollary 4.2), 1 up to "
                    + "permutation (Proposition 5.2), 4 for eps = 0 and 3 otherwise (Proposition 4.3)",
                    ComponentRow::componentsPredicted),
            Column.of("paths_verified", ColumnType.INT, "paths within a component whose loss stayed within "
                    + "path_tolerance (linear: symmetry paths to the class representative; residual: joining "
                    + "segments)", ComponentRow::pathsVerified),
            Column.of("paths_failed", ColumnType.INT, "paths tried that did not (linear: a failure; residual: "
                    + "segments too high to join two points)", ComponentRow::pathsFailed),
            Column.of("max_loss_within_paths", ColumnType.DOUBLE, "largest loss on the paths within components "
                    + "(linear: all tried; residual: joining segments); NaN when none",
                    ComponentRow::maxLossWithinPaths),
            Column.of("min_loss_at_crossings", ColumnType.DOUBLE, "least loss where a straight segment between "
                    + "components crosses a vanishing determinant (residual: output); >= crossing_bound; NaN when "
                    + "none", ComponentRow::minLossAtCrossings),
            Column.of("crossings_certified", ColumnType.INT, "pairs of components whose crossing loss met "
                    + "crossing_bound", ComponentRow::crossingsCertified),
            Column.of("crossings_failed", ColumnType.INT, "pairs whose crossing did not, or had no crossing",
                    ComponentRow::crossingsFailed),
            Column.of("crossing_bound", ColumnType.DOUBLE, "sigma_min(Y)^2: by Eckart-Young the least loss where "
                    + "W_l ... W_1 X is singular, so the barrier of every path between components",
                    ComponentRow::crossingBound),
            Column.of("path_tolerance", ColumnType.DOUBLE, "largest loss allowed on a path within a component "
                    + "(absolute)", ComponentRow::pathTolerance),
            Column.of("y_norm2", ColumnType.DOUBLE, "||Y||_F^2", ComponentRow::yNorm2),
            Column.of("status", ColumnType.STRING, "OK, MISMATCH, INCOMPLETE_SAMPLING, PATH_FAILED, "
                    + "CROSSING_FAILED, TOLERANCE_ABOVE_BARRIER, NO_MINIMA or DATA_REJECTED", ComponentRow::status));

    /** The declaration (after COLUMNS: static fields initialise in order). */
    public static final ComponentsTable INSTANCE = new ComponentsTable();

    private ComponentsTable() {
        super(NAME, SCHEMA_VERSION, "one row per configuration: the connected components of the minimum, measured and predicted", COLUMNS);
    }

    @Override
    public ComponentRow fromValues(Map<String, Object> v) {
        return new ComponentRow((String) v.get("config_id"), (String) v.get("sweep"), (Long) v.get("seed"),
                (String) v.get("architecture"), (Integer) v.get("l"), (Integer) v.get("h"), (Double) v.get("eps"),
                (Boolean) v.get("up_to_permutation"), (Integer) v.get("samples"), (Integer) v.get("converged"),
                (Integer) v.get("classes_found"), (Integer) v.get("components_measured"),
                (Integer) v.get("components_verified"), (Integer) v.get("components_predicted"),
                (Integer) v.get("paths_verified"), (Integer) v.get("paths_failed"),
                (Double) v.get("max_loss_within_paths"), (Double) v.get("min_loss_at_crossings"),
                (Integer) v.get("crossings_certified"), (Integer) v.get("crossings_failed"),
                (Double) v.get("crossing_bound"), (Double) v.get("path_tolerance"), (Double) v.get("y_norm2"),
                (String) v.get("status"), (String) v.get("config"), (String) v.get("code_version"));
    }
}
