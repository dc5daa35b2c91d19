package io.symsweep.table;

import java.io.Serializable;

/**
 * One aligned pair and the probe of the segment between them: a row of {@link #TABLE}.
 */
@Columns("""
        model_a: config_id in models of the reference A
        model_b: config_id in models of the model B moved onto A
        family: model family: mlp
        architecture: A's architecture
        architecture_b: B's (narrower than A's for semi_permutation)
        width: A's widest hidden layer
        symmetry_class: the class searched: none, permutation, permutation_scaling, semi_permutation, orthogonal,
            invertible (transformer families: a set such as permutation+orthogonal)
        method: none, weight_matching, activation_matching, activation_inner_product or learned
        head_mode?: circuit or factorised for families with attention heads; null for MLPs
        repair: whether each interior point of the segment was REPAIR'd (Jordan et al. 2023)
        rescale_factor: m of alignment.rescale_factor: B was first moved by a per-unit scaling of factors 1 to m (1:
            not rescaled)
        rescaling?: that scaling as JSON (a transform like transform's, applied to B before the alignment); null when
            rescale_factor is 1
        transform: the transform of each site as JSON (permutations sparsely: images and scales)
        objective: the method's objective at the result (weight matching: <A, B'>; activation matching: mean
            correlation of matched units; learned: training loss at the midpoint)
        equivalence_error: max |f_B'(x) - f_B(x)| / max |f_B(x)| over the test inputs (outputs before softmax): rounding
            for an exact class
        distance_before: ||A - B|| over all parameters (NaN when their widths differ)
        distance_after?: ||A - B'||; null when the alignment failed
        lambdas?: the grid of l on [0, 1] (uniform, then refined around the largest excess); null when not probed
        train_losses?: training loss at (1-l) A + l B' for each l
        test_losses?: test loss
        train_accuracies?: training accuracy (null for regression)
        test_accuracies?: test accuracy (null for regression)
        train_loss_barrier: max over l of the training loss above the straight line between the endpoints' losses
            (Theus et al. 2025); null when not probed
        test_loss_barrier: the same on the test half (Theus et al.'s definition)
        train_loss_barrier_mean: max over l of the training loss minus the endpoints' mean (Git Re-Basin's
            definition)
        test_loss_barrier_mean: the same on the test half (Git Re-Basin's)
        train_accuracy_barrier: largest drop of training accuracy below the straight line (null for regression)
        test_accuracy_barrier: largest drop of test accuracy below the straight line (null for regression)
        iterations: coordinate-descent sweeps (all starts), sites solved, or learned steps
        align_seconds: wall-clock time of the alignment (a pair, class and method are aligned once for both REPAIR
            settings, so their rows share it)
        seconds: wall-clock time of alignment and probe (with align_seconds, the non-reproducible columns)
        spectrum?: a family's extra array (transformers: the residual map's eigen-angles); null for MLPs
        detail: a short note: which start won, or what failed
        status: OK, NOT_CONVERGED (coordinate descent spent its sweeps; the best transform is probed), SINGULAR,
            NOT_FINITE (a weight, a map or a loss along the segment), MODEL_DIVERGED (A or B diverged in training) or
            DATA_CHANGED (the data rebuilt now differs from the models' data_hash)
        """)
public record AlignmentRow(Provenance provenance, String modelA, String modelB, String family, String architecture,
        String architectureB, int width, String symmetryClass, String method, String headMode, boolean repair,
        double rescaleFactor, String rescaling, String transform, double objective, double equivalenceError, double distanceBefore, Double distanceAfter,
        double[] lambdas, double[] trainLosses, double[] testLosses, double[] trainAccuracies, double[] testAccuracies,
        Double trainLossBarrier, Double testLossBarrier, Double trainLossBarrierMean, Double testLossBarrierMean,
        Double trainAccuracyBarrier, Double testAccuracyBarrier, int iterations, double alignSeconds, double seconds,
        double[] spectrum, String detail, Status status) implements Serializable {

    /** The table of these rows. */
    public static final Table<AlignmentRow> TABLE = RecordTable.of("alignments", 1,
            "one row per aligned pair of models, symmetry class, method and REPAIR setting: the segment's losses and "
                    + "barriers", AlignmentRow.class);

    /** How the alignment and its probe ended. */
    public enum Status {
        OK, NOT_CONVERGED, SINGULAR, NOT_FINITE, MODEL_DIVERGED, DATA_CHANGED
    }
}
