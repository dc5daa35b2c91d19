package io.symsweep.experiment;

import io.symsweep.sweep.Configuration;
import java.util.Locale;

/**
 * The probe settings of one {@code rescaling-barrier} configuration, parsed once from its (normalised) configuration.
 *
 * @param factor        the rescaling factor {@code m}
 * @param alphaPoints   points of the interpolation grid
 * @param rescaledLayer {@code i}: {@code W_i} times {@code m}, {@code W_{i+1}} times {@code m^-k}
 * @param permutation   the rescaled copy as it is, or permuted for the lowest barrier (Prop 5.4)
 * @param factorRange   {@code c} of Prop 5.6's range {@code [1/c, c]}, or null when unrestricted
 */
record BarrierSettings(double factor, int alphaPoints, int rescaledLayer, Permutation permutation,
        Double factorRange) {

    /** {@code probe.permutation}. */
    enum Permutation {
        IDENTITY, BEST;

        /** The name in specs and in the {@code permutation} column. */
        String specName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static BarrierSettings parse(Configuration c) {
        Permutation p = c.has(RescalingBarrier.PERMUTATION)
                ? Permutation.valueOf(c.text(RescalingBarrier.PERMUTATION).toUpperCase(Locale.ROOT))
                : Permutation.IDENTITY;
        return new BarrierSettings(c.number(RescalingBarrier.FACTORS), c.smallInteger(RescalingBarrier.ALPHA_POINTS),
                c.smallInteger(RescalingBarrier.RESCALED_LAYER), p, c.numberOrNull(RescalingBarrier.FACTOR_RANGE));
    }
}
