package io.symsweep.table;

import io.symsweep.train.TrainingStatus;
import java.io.Serializable;

/**
 * One trained minimum: a row of {@link #TABLE}.
 */
@Columns("""
        kind: experiment kind, e.g. rescaling-barrier
        architecture: network, e.g. mlp[8,16,32,16,8,4]/leaky_relu(0.01)
        engine: engine that trained it: dense or dl4j
        steps: gradient-descent updates applied
        final_loss: ||Y - f(X)||_F^2 at the stored weights
        status: CONVERGED (loss below tolerance), NOT_CONVERGED or DIVERGED
        train_seconds: wall-clock training time; for a minimum trained in a batch (dense engine), the batch's wall
            time divided by the number of networks in it (the only non-reproducible column)
        weights: trained weights: element i-1 is W_i row-major, shape n_i x n_{i-1} from the architecture
        y_norm2: ||Y||_F^2 of the training targets
        x?: X, n_0 x samples row-major: the inputs the minimum fits (null in rows of schema version 1)
        y?: Y, n_l x samples row-major: the targets (null in rows of schema version 1)
        """)
public record MinimumRow(Provenance provenance, String kind, String architecture, String engine, long steps,
        double finalLoss, TrainingStatus status, double trainSeconds, double[][] weights, double yNorm2, double[] x,
        double[] y) implements Serializable {

    /** The table of these rows. */
    public static final Table<MinimumRow> TABLE = RecordTable.of("minima", 2,
            "one row per trained minimum; each is trained once and shared by all its probes", MinimumRow.class,
            Migration.added(1, "x", "y"));
}
