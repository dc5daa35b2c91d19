package io.symsweep.connectivity;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentStatus;
import io.symsweep.params.SymmetryClass;

/**
 * One row of the {@code alignments} table, without the ids the adapter adds ({@code config_id}, {@code model_a},
 * {@code model_b}): the alignment of B to A under one class and method, and the probe of the segment from A to B'.
 *
 * @param symmetryClass        the class searched
 * @param method               the method
 * @param repair               whether the probed network was REPAIR'd
 * @param transform            the transform of each site, as JSON ({@link io.symsweep.align.TransformJson})
 * @param objective            the method's objective at the result
 * @param equivalenceError     {@code max |f_B'(x) - f_B(x)| / max |f_B(x)|} over the test inputs (outputs before
 *                             softmax): 0 up to rounding for an exact class
 * @param distanceBefore       {@code ||A - B||} (NaN when their widths differ)
 * @param distanceAfter        {@code ||A - B'||}
 * @param curve                losses and accuracies along the segment (null when the alignment failed)
 * @param trainLossBarrier     Theus et al.'s barrier of the training loss
 * @param testLossBarrier      Theus et al.'s barrier of the test loss
 * @param trainLossBarrierMean Git Re-Basin's barrier of the training loss
 * @param testLossBarrierMean  Git Re-Basin's barrier of the test loss
 * @param trainAccuracyBarrier the training accuracy's drop below the line (NaN for regression)
 * @param testAccuracyBarrier  the test accuracy's drop below the line (NaN for regression)
 * @param iterations           the alignment's sweeps, sites or steps
 * @param alignSeconds         the alignment's wall-clock time
 * @param seconds              alignment and probe
 * @param status               the alignment's status, or {@link AlignmentStatus#NOT_FINITE} when a loss along
 *                             the segment is not finite
 * @param detail               the alignment's note
 */
public record AlignmentResult(SymmetryClass symmetryClass, AlignmentMethod method, boolean repair, String transform,
        double objective, double equivalenceError, double distanceBefore, double distanceAfter,
        InterpolationCurve curve, double trainLossBarrier, double testLossBarrier, double trainLossBarrierMean,
        double testLossBarrierMean, double trainAccuracyBarrier, double testAccuracyBarrier, int iterations,
        double alignSeconds, double seconds, AlignmentStatus status, String detail) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
}
