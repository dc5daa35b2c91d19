package io.symsweep.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.data.DataSplit;
import io.symsweep.data.Task;
import io.symsweep.params.ParameterSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The BLAS evaluator against the plain-Java one (itself held to DL4J by {@link MlpForwardTest}). */
class BlasForwardTest {

    @Test
    void wideLayersGiveThePlainJavaOutputsAndLossesTo1e12() {
        DataSplit data = DataSplit.digits(360, 0);
        for (HiddenActivation a : HiddenActivation.values()) {
            MlpSpec spec = new MlpSpec(new int[] {64, 300, 300, 10}, a, true, Task.CLASSIFICATION);
            ParameterSet p = MlpTrainer.initialParameters(spec, 1.5, new SplittableRandom(3));
            double[] x = data.train().featuresRowMajor();
            int n = data.train().size();
            assertTrue((long) n * 300 * 300 >= BlasForward.MIN_PRODUCT, "the BLAS path is the one tested");
            double difference = MlpForward.maxRelativeDifference(BlasForward.outputs(spec, p, x, n),
                    MlpForward.outputs(spec, p, x, n));
            assertTrue(difference <= 1e-12, a + ": " + difference);
            double l0 = MlpForward.evaluate(spec, p, data.test()).loss();
            double l1 = BlasForward.evaluate(spec, p, data.test()).loss();
            assertEquals(l0, l1, 1e-12 * l0);
        }
    }
}
