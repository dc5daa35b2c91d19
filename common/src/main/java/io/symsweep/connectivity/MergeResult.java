package io.symsweep.connectivity;

/**
 * One row of the {@code merges} table: {@code N >= 3} models aligned to a common reference and averaged.
 *
 * @param models               {@code N}
 * @param symmetryClass        the class (or set of classes), as the {@code symmetry_class} column spells it
 * @param method               the method, as the {@code method} column spells it
 * @param rounds               rounds of "align each model to the mean of the others" run
 * @param converged            whether the last round changed no transform
 * @param transforms           each model's transform, as JSON ({@link io.symsweep.align.TransformJson})
 * @param memberTrainLosses    each model's training loss
 * @param memberTestLosses     each model's test loss
 * @param mergedTrainLoss      the training loss of the mean of the aligned models
 * @param mergedTestLoss       its test loss
 * @param mergedTrainAccuracy  its training accuracy (NaN for regression)
 * @param mergedTestAccuracy   its test accuracy (NaN for regression)
 * @param unalignedTestLoss    the test loss of the plain mean of the models (no alignment)
 * @param testLossBarrier      {@code L(mean) - mean_i L(model_i)} on the test set (Git Re-Basin's definition)
 * @param trainLossBarrier     the same on the training set
 * @param simplexWeights       for {@code N = 3}: the grid points {@code (w_1, w_2, w_3)} on the simplex, else empty
 * @param simplexTestLosses    the test loss of {@code sum_i w_i model_i'} at each grid point
 * @param simplexTrainLosses   its training loss
 * @param simplexTestBarrier   {@code max_w [L(sum w_i m_i') - sum w_i L(m_i')]} on the test set (NaN unless N = 3)
 * @param seconds              wall-clock time
 * @param status               {@code OK}, or the first failure met ({@code NOT_CONVERGED}, {@code SINGULAR},
 *                             {@code NOT_FINITE})
 */
public record MergeResult(int models, String symmetryClass, String method, int rounds,
        boolean converged, String[] transforms, double[] memberTrainLosses, double[] memberTestLosses,
        double mergedTrainLoss, double mergedTestLoss, double mergedTrainAccuracy, double mergedTestAccuracy,
        double unalignedTestLoss, double testLossBarrier, double trainLossBarrier, double[][] simplexWeights,
        double[] simplexTestLosses, double[] simplexTrainLosses, double simplexTestBarrier, double seconds,
        String status) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
}
