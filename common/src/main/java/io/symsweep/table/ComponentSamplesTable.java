package io.symsweep.table;

import java.util.List;
import java.util.Map;

/**
 * {@code component_samples}: one row per sample of a {@code components} configuration, the trained minima
 * (linear net) or drawn points (1-D residual net, Figure 1), each with its class and component.
 */
public final class ComponentSamplesTable extends DeclaredTable<ComponentSampleRow> {

    public static final String NAME = "component_samples";
    public static final int SCHEMA_VERSION = 1;

    private static final List<Column<ComponentSampleRow>> COLUMNS = withProvenance(SCHEMA_VERSION, ComponentSampleRow::config,
            ComponentSampleRow::codeVersion,
            Column.of("config_id", ColumnType.STRING, "config_id of the row in components",
                    ComponentSampleRow::configId),
            Column.of("sweep", ColumnType.STRING, "name of the sweep that wrote the row", ComponentSampleRow::sweep),
            Column.of("seed", ColumnType.LONG, "the configuration's seed", ComponentSampleRow::seed),
            Column.of("sample", ColumnType.INT, "the sample's index in its configuration (its initialisation seed "
                    + "derives from it)", ComponentSampleRow::sample),
            Column.of("status", ColumnType.STRING, "CONVERGED, NOT_CONVERGED, DIVERGED (trained) or ON_MINIMUM, "
                    + "OFF_MINIMUM (drawn)", ComponentSampleRow::status),
            Column.of("steps", ColumnType.LONG, "gradient-descent updates applied (0 when drawn)",
                    ComponentSampleRow::steps),
            Column.of("polish_steps", ColumnType.INT, "Gauss-Newton polishing steps after gradient descent (0 when "
                    + "drawn or not polished)", ComponentSampleRow::polishSteps),
            Column.of("loss", ColumnType.DOUBLE, "loss at weights", ComponentSampleRow::loss),
            Column.of("sign_pattern", ColumnType.STRING, "the class: signs of det(W_1 X), det W_2, ..., "
                    + "det W_{l-1}; residual: of w1 and w1 w2 + eps; null when not on the minimum",
                    ComponentSampleRow::signPattern).orNull(),
            Column.of("component", ColumnType.INT, "the component it was joined to (0-based, numbered by first "
                    + "sample); null when it joined none", ComponentSampleRow::component).orNull(),
            Column.of("permutation", ColumnType.INT_ARRAY, "up to permutation: element i-1 is 1 where P_i is the "
                    + "transposition of units 1 and 2 (Proposition 5.2), 0 where the identity; null otherwise",
                    ComponentSampleRow::permutation).orNull(),
            Column.of("weights", ColumnType.DOUBLE_MATRIX, "element i-1 is W_i row-major (h x h; the residual "
                    + "net's [[w1], [w2], [w3]])", ComponentSampleRow::weights));

    /** The declaration (after COLUMNS: static fields initialise in order). */
    public static final ComponentSamplesTable INSTANCE = new ComponentSamplesTable();

    private ComponentSamplesTable() {
        super(NAME, SCHEMA_VERSION, "one row per sample of a components configuration: trained minima or drawn points, with class "
                + "and component", COLUMNS);
    }

    @Override
    public ComponentSampleRow fromValues(Map<String, Object> v) {
        return new ComponentSampleRow((String) v.get("config_id"), (String) v.get("sweep"), (Long) v.get("seed"),
                (Integer) v.get("sample"), (String) v.get("status"), (Long) v.get("steps"),
                (Integer) v.get("polish_steps"), (Double) v.get("loss"),
                (String) v.get("sign_pattern"), (Integer) v.get("component"), (int[]) v.get("permutation"),
                (double[][]) v.get("weights"), (String) v.get("config"), (String) v.get("code_version"));
    }
}
