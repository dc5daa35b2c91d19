package io.symsweep.transformer;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentStatus;
import io.symsweep.connectivity.InterpolationCurve;

/**
 * One transformer row of the {@code alignments} table, without the ids the adapter adds ({@code config_id},
 * {@code model_a}, {@code model_b}): the alignment of B to A under one class set, method and head mode, and the probe
 * of the segment from A to B' (both in the alignment's parametrisation, {@link TransformerAlignment}). Mirrors
 * {@code connectivity.AlignmentResult} (same columns, same definitions), plus {@code headMode},
 * {@code alignedArchitecture} and {@code residualEigenAngles}.
 *
 * @param classSet             the class set ({@code symmetry_class})
 * @param method               the method
 * @param headMode             {@code factorised} or {@code circuit} with per-head invertible maps, else null
 * @param alignedArchitecture  the label of the architecture interpolated (folded; {@code +circuit} in circuit mode)
 * @param transform            the transform of each site, as JSON ({@link io.symsweep.align.TransformJson})
 * @param objective            the method's objective at the result ({@link TransformerAligners})
 * @param equivalenceError     {@code max |f_B'(x) - f_B(x)| / max |f_B(x)|} over the test inputs' logits, each model
 *                             through SameDiff in its own architecture: 0 up to rounding
 * @param distanceBefore       {@code ||A - B||} in the parametrisation
 * @param distanceAfter        {@code ||A - B'||}
 * @param curve                losses and accuracies along the segment (null when the alignment failed)
 * @param trainLossBarrier     Theus et al.'s barrier (above the straight line) of the training loss
 * @param testLossBarrier      Theus et al.'s barrier of the test loss
 * @param trainLossBarrierMean Git Re-Basin's barrier (above the endpoints' mean) of the training loss
 * @param testLossBarrierMean  Git Re-Basin's barrier of the test loss
 * @param trainAccuracyBarrier the training accuracy's largest drop below the line
 * @param testAccuracyBarrier  the test accuracy's largest drop below the line
 * @param residualEigenAngles  the residual orthogonal map's sorted eigen-angles in {@code (-pi, pi]}; empty without one
 * @param iterations           rounds or learned steps
 * @param alignSeconds         the alignment's wall-clock time
 * @param seconds              alignment and probe
 * @param status               the alignment's status, or {@code NOT_FINITE} when a loss along the segment is not finite
 * @param detail               the alignment's note
 */
public record TransformerAlignmentResult(TransformerClassSet classSet, AlignmentMethod method,
        TransformerArchitecture.Attention headMode, String alignedArchitecture, String transform, double objective,
        double equivalenceError, double distanceBefore, double distanceAfter, InterpolationCurve curve,
        double trainLossBarrier, double testLossBarrier, double trainLossBarrierMean, double testLossBarrierMean,
        double trainAccuracyBarrier, double testAccuracyBarrier, double[] residualEigenAngles, int iterations,
        double alignSeconds, double seconds, AlignmentStatus status, String detail) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public TransformerAlignmentResult {
        residualEigenAngles = residualEigenAngles.clone();
    }

    @Override
    public double[] residualEigenAngles() {
        return residualEigenAngles.clone();
    }

    /** {@code head_mode} as the tables spell it, or null. */
    public String headModeName() {
        return headMode == null ? null : headMode.specName();
    }
}
