package io.symsweep.model;

import io.symsweep.naming.SpecName;
import java.util.SplittableRandom;

/** Random initial weights: i.i.d. normal with a standard deviation set by the layer's fan-in/fan-out. */
public enum WeightInit implements SpecName {
    /** {@code N(0, 1/fan_in)} (LeCun et al. 1998). */
    LECUN_NORMAL,
    /** {@code N(0, 2/fan_in)} (He et al. 2015). */
    HE_NORMAL,
    /** {@code N(0, 2/(fan_in + fan_out))} (Glorot and Bengio 2010). */
    XAVIER_NORMAL;

    public static WeightInit fromSpecName(String name) {
        return SpecName.parse(WeightInit.class, name, "unknown init ");
    }

    /** The standard deviation for a layer with the given fan-in and fan-out. */
    public double std(int fanIn, int fanOut) {
        return switch (this) {
            case LECUN_NORMAL -> Math.sqrt(1.0 / fanIn);
            case HE_NORMAL -> Math.sqrt(2.0 / fanIn);
            case XAVIER_NORMAL -> Math.sqrt(2.0 / (fanIn + fanOut));
        };
    }

    /** Draws all weights of {@code arch}, {@code W_1} first, each row-major, times {@code scale}. */
    public MlpParameters sample(MlpArchitecture arch, double scale, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] layers = new double[arch.layers()][];
        for (int i = 1; i <= arch.layers(); i++) {
            double std = scale * std(arch.cols(i), arch.rows(i));
            double[] w = new double[arch.rows(i) * arch.cols(i)];
            for (int j = 0; j < w.length; j++) {
                w[j] = std * rng.nextGaussian();
            }
            layers[i - 1] = w;
        }
        return new MlpParameters(arch, layers);
    }
}
