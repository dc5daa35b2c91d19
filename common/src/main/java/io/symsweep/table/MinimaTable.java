package io.symsweep.table;

import java.util.List;
import java.util.Map;

/** {@code minima}: one row per trained network (a configuration without its probe settings). */
public final class MinimaTable extends DeclaredTable<MinimumRow> {

    public static final String NAME = "minima";
    public static final int SCHEMA_VERSION = 1;

    private static final List<Column<MinimumRow>> COLUMNS = withProvenance(SCHEMA_VERSION, MinimumRow::config,
            MinimumRow::codeVersion,
            Column.of("config_id", ColumnType.STRING, "id of the minimum's configuration (hash of its canonical form)",
                    MinimumRow::configId),
            Column.of("sweep", ColumnType.STRING, "name of the sweep that wrote the row", MinimumRow::sweep),
            Column.of("kind", ColumnType.STRING, "experiment kind, e.g. rescaling-barrier", MinimumRow::kind),
            Column.of("seed", ColumnType.LONG, "the configuration's seed (data and initialisation derive from it)",
                    MinimumRow::seed),
            Column.of("architecture", ColumnType.STRING, "network, e.g. mlp[8,16,32,16,8,4]/leaky_relu(0.01)",
                    MinimumRow::architecture),
            Column.of("engine", ColumnType.STRING, "engine that trained it: dense or dl4j", MinimumRow::engine),
            Column.of("steps", ColumnType.LONG, "gradient-descent updates applied", MinimumRow::steps),
            Column.of("final_loss", ColumnType.DOUBLE, "||Y - f(X)||_F^2 at the stored weights",
                    MinimumRow::finalLoss),
            Column.of("status", ColumnType.STRING, "CONVERGED (loss below tolerance), NOT_CONVERGED or DIVERGED",
                    MinimumRow::status),
            Column.of("train_seconds", ColumnType.DOUBLE, "wall-clock training time; for a minimum trained in a "
                    + "batch (dense engine), the batch's wall time divided by the number of networks in it (the only "
                    + "non-reproducible column)", MinimumRow::trainSeconds),
            Column.of("weights", ColumnType.DOUBLE_MATRIX,
                    "trained weights: element i-1 is W_i row-major, shape n_i x n_{i-1} from the architecture",
                    MinimumRow::weights),
            Column.of("y_norm2", ColumnType.DOUBLE, "||Y||_F^2 of the training targets", MinimumRow::yNorm2));

    /** The declaration (after COLUMNS: static fields initialise in order). */
    public static final MinimaTable INSTANCE = new MinimaTable();

    private MinimaTable() {
        super(NAME, SCHEMA_VERSION, "one row per trained minimum; each is trained once and shared by all its probes", COLUMNS);
    }

    @Override
    public MinimumRow fromValues(Map<String, Object> v) {
        return new MinimumRow((String) v.get("config_id"), (String) v.get("sweep"), (String) v.get("kind"),
                (Long) v.get("seed"), (String) v.get("architecture"), (String) v.get("engine"), (Long) v.get("steps"),
                (Double) v.get("final_loss"), (String) v.get("status"), (Double) v.get("train_seconds"),
                (double[][]) v.get("weights"), (Double) v.get("y_norm2"), (String) v.get("config"),
                (String) v.get("code_version"));
    }
}
