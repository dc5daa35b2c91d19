package io.symsweep.probe;

import com.google.common.primitives.ImmutableDoubleArray;
import io.symsweep.model.MlpParameters;
import java.util.function.ToDoubleFunction;

/**
 * The loss on the straight segment between two parameter points, the quantity whose barrier decides
 * linear mode connectivity (Section 5.2, Zhao et al. 2025).
 */
public final class LinearInterpolationProbe {

    private LinearInterpolationProbe() {
    }

    /**
     * Evaluates {@code loss} at {@code (1-a) w + a w'} for each alpha. At {@code a = 0} and {@code a = 1} the
     * endpoints themselves are evaluated, not an interpolation of them.
     *
     * @param alphas increasing, starting at 0 and ending at 1
     */
    public static BarrierCurve run(ToDoubleFunction<MlpParameters> loss, MlpParameters w, MlpParameters wPrime,
            double[] alphas) {
        if (alphas[0] != 0 || alphas[alphas.length - 1] != 1) {
            throw new IllegalArgumentException("the alpha grid must start at 0 and end at 1");
        }
        double[] losses = new double[alphas.length];
        for (int i = 0; i < alphas.length; i++) {
            double a = alphas[i];
            MlpParameters p = a == 0 ? w : a == 1 ? wPrime : w.interpolate(wPrime, a);
            losses[i] = loss.applyAsDouble(p);
        }
        return curve(alphas, losses);
    }

    /**
     * The curve of losses already evaluated on the grid (e.g. by a batched engine,
     * {@code Engine.lineLosses}): its barrier and midpoint loss.
     */
    public static BarrierCurve curve(double[] alphas, double[] losses) {
        if (alphas[0] != 0 || alphas[alphas.length - 1] != 1) {
            throw new IllegalArgumentException("the alpha grid must start at 0 and end at 1");
        }
        int mid = AlphaGrid.indexOfMidpoint(alphas);
        return new BarrierCurve(ImmutableDoubleArray.copyOf(alphas), ImmutableDoubleArray.copyOf(losses),
                barrier(alphas, losses), mid < 0 ? Double.NaN : losses[mid]);
    }

    /**
     * {@code max_i [L_i - ((1 - a_i) L_0 + a_i L_last)]}; NaN if any loss is NaN. The chord is computed as
     * {@code L_0 + a (L_last - L_0)}, exactly {@code L_0} when the end losses are equal, so a flat line has
     * barrier exactly 0; the excess at both ends is exactly 0, so the barrier is never negative.
     */
    public static double barrier(double[] alphas, double[] losses) {
        double l0 = losses[0];
        double l1 = losses[losses.length - 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < alphas.length; i++) {
            double chord = i == alphas.length - 1 ? l1 : l0 + alphas[i] * (l1 - l0);
            double excess = losses[i] - chord;
            if (Double.isNaN(excess)) {
                return Double.NaN;
            }
            max = Math.max(max, excess);
        }
        return max;
    }
}
