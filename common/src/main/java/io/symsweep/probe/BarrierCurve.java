package io.symsweep.probe;

import com.google.common.primitives.ImmutableDoubleArray;

/**
 * The loss along {@code (1-a) W + a W'} on a grid of alphas, with its summaries.
 *
 * @param alphas       the grid, increasing from 0 to 1
 * @param losses       the loss at each alpha
 * @param barrier      {@code max_a [L(a) - ((1-a) L(0) + a L(1))]} (0 for a line that never rises above its
 *                     chord; NaN if any loss is NaN)
 * @param midpointLoss the loss at {@code a = 0.5}
 */
public record BarrierCurve(ImmutableDoubleArray alphas, ImmutableDoubleArray losses, double barrier,
        double midpointLoss) {

    public BarrierCurve {
        if (alphas.length() != losses.length() || alphas.length() < 2) {
            throw new IllegalArgumentException("need as many losses as alphas, at least 2");
        }
    }

    /** True when every loss is finite. */
    public boolean isFinite() {
        for (int i = 0; i < losses.length(); i++) {
            if (!Double.isFinite(losses.get(i))) {
                return false;
            }
        }
        return true;
    }
}
