package io.symsweep.experiment;

import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.table.Table;
import java.util.List;

/**
 * An experiment kind whose configurations are independent of each other: each one becomes rows of the
 * kind's tables, computed by one pure function. The Spark adapter ships configurations to executors, calls
 * {@link #run}, and appends the rows, keyed by {@code config_id}.
 *
 * <p>Exactly-once rule: a configuration is recomputed for a table only while that table holds no row
 * with its id, and then only that table's rows are written; {@link #run} must therefore be
 * deterministic, and a configuration's rows for one table are always written together. The first of
 * {@link #tables()} is the primary table, with one row per configuration.
 */
public interface IndependentExperiment extends Experiment {

    /**
     * Computes one configuration. Numerical trouble (NaN, divergence, a singular matrix) is a status in
     * the rows, never an exception. {@code execution} may change how fast, never what.
     */
    List<TableRows<?>> run(Configuration c, String sweep, ExecutionSettings execution);

    /** Rows of one table. */
    record TableRows<R>(Table<R> table, List<R> rows) {

        public TableRows {
            rows = List.copyOf(rows);
        }

        public static <R> TableRows<R> of(Table<R> table, R row) {
            return new TableRows<>(table, List.of(row));
        }
    }
}
