package io.symsweep.table;

import io.symsweep.train.TrainingStatus;
import java.io.Serializable;

/**
 * One trained minimum: a row of {@link #TABLE}.
 */
public record MinimumRow(Provenance provenance,
        @ColumnDoc("experiment kind, e.g. rescaling-barrier") String kind,
        @ColumnDoc("network, e.g. mlp[8,16,32,16,8,4]/leaky_relu(0.01)") String architecture,
        @ColumnDoc("engine that trained it: dense or dl4j") String engine,
        @ColumnDoc("gradient-descent updates applied") long steps,
        @ColumnDoc("||Y - f(X)||_F^2 at the stored weights") double finalLoss,
        @ColumnDoc("CONVERGED (loss below tolerance), NOT_CONVERGED or DIVERGED") TrainingStatus status,
        @ColumnDoc("wall-clock training time; for a minimum trained in a batch (dense engine), the batch's wall "
                + "time divided by the number of networks in it (the only non-reproducible column)") double trainSeconds,
        @ColumnDoc("trained weights: element i-1 is W_i row-major, shape n_i x n_{i-1} from the architecture") double[][] weights,
        @ColumnDoc("||Y||_F^2 of the training targets") double yNorm2,
        @ColumnDoc(value = "X, n_0 x samples row-major: the inputs the minimum fits (null in rows of schema "
                + "version 1)", nullable = true) double[] x,
        @ColumnDoc(value = "Y, n_l x samples row-major: the targets (null in rows of schema version 1)", nullable = true) double[] y) implements Serializable {

    /** The table of these rows. */
    public static final Table<MinimumRow> TABLE = RecordTable.of("minima", 2,
            "one row per trained minimum; each is trained once and shared by all its probes", MinimumRow.class,
            Migration.added(1, "x", "y"));
}
