package io.symsweep.table;

import java.io.Serializable;

/**
 * N models merged into one: a row of {@link #TABLE}.
 */
@Columns("""
        members: the merged models' config_ids in models, comma-separated, in seed order
        family: model family: mlp
        architecture: the models' architecture
        width: widest hidden layer
        model_count: N >= 3
        symmetry_class: the class of each member's alignment
        method: the method
        head_mode?: circuit or factorised for families with attention heads; null for MLPs
        rounds: rounds of "align each model, in a random order, to the mean of the others" run
        converged: the last round moved no model (1e-12 relative)
        transforms: each member's transform, as a JSON array in members' order
        member_train_losses: each aligned member's training loss
        member_test_losses: each aligned member's test loss
        merged_train_loss: training loss of the mean of the aligned members
        merged_test_loss: its test loss
        merged_train_accuracy: its training accuracy (null for regression)
        merged_test_accuracy: its test accuracy (null for regression)
        unaligned_test_loss: test loss of the plain mean of the members (no alignment)
        train_loss_barrier: merged_train_loss minus the members' mean training loss (Git Re-Basin's definition)
        test_loss_barrier: merged_test_loss minus the members' mean test loss
        simplex_weights: N = 3: the grid points (w_1, w_2, w_3) on the simplex, step 1/merge.simplex_divisions; else
            empty
        simplex_test_losses: test loss of sum_i w_i m_i' at each grid point
        simplex_train_losses: its training loss
        simplex_test_barrier: N = 3: max over the grid of the test loss above sum_i w_i L(m_i'); null otherwise
        seconds: wall-clock time (the only non-reproducible column)
        status: OK, NOT_CONVERGED (the rounds were spent, or a member's alignment spent its sweeps), SINGULAR,
            NOT_FINITE, MODEL_DIVERGED or DATA_CHANGED
        """)
public record MergeRow(Provenance provenance, String members, String family, String architecture, int width,
        int modelCount, String symmetryClass, String method, String headMode, int rounds, boolean converged,
        String transforms, double[] memberTrainLosses, double[] memberTestLosses, double mergedTrainLoss,
        double mergedTestLoss, Double mergedTrainAccuracy, Double mergedTestAccuracy, double unalignedTestLoss,
        double trainLossBarrier, double testLossBarrier, double[][] simplexWeights, double[] simplexTestLosses,
        double[] simplexTrainLosses, Double simplexTestBarrier, double seconds, Status status) implements Serializable {

    /** The table of these rows. */
    public static final Table<MergeRow> TABLE = RecordTable.of("merges", 1,
            "one row per merge of N >= 3 models (class, method): the loss of their mean after alignment",
            MergeRow.class);

    /** How the merge ended. */
    public enum Status {
        OK, NOT_CONVERGED, SINGULAR, NOT_FINITE, MODEL_DIVERGED, DATA_CHANGED
    }
}
