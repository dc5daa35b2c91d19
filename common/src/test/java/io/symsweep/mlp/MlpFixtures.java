package io.symsweep.mlp;

import io.symsweep.data.SupervisedData;
import io.symsweep.data.Task;
import io.symsweep.linalg.RandomMatrices;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Tensor;
import java.util.SplittableRandom;

/** Seeded random MLP parameters and data, shared by the forward-pass and alignment tests. */
public final class MlpFixtures {

    private MlpFixtures() {
    }

    /**
     * Weights {@code N(0, 1.5^2/fan_in)} and biases {@code N(0, 0.25)}: of order 1, so that every activation works
     * off its linear part.
     */
    public static ParameterSet randomParameters(MlpSpec spec, SplittableRandom rng) {
        ParameterSet p = MlpTrainer.initialParameters(spec, 1.5, rng);
        if (spec.bias()) {
            for (int l = 1; l <= spec.layers(); l++) {
                double[] b = new double[spec.width(l)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = 0.5 * rng.nextGaussian();
                }
                p = p.with(MlpSpec.biasName(l), Tensor.vector(b));
            }
        }
        return p;
    }

    /** {@code n} standard normal inputs with uniformly random labels, or standard normal targets. */
    public static SupervisedData randomData(MlpSpec spec, int n, SplittableRandom rng) {
        double[][] x = RandomMatrices.gaussian(n, spec.width(0), rng);
        int k = spec.width(spec.layers());
        if (spec.task() == Task.CLASSIFICATION) {
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = rng.nextInt(k);
            }
            return SupervisedData.classification(x, y, k);
        }
        return SupervisedData.regression(x, RandomMatrices.gaussian(n, k, rng));
    }
}
