package io.symsweep.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.align.UnitMatching;
import io.symsweep.engine.DenseEngine;
import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.symmetry.HiddenUnits;
import io.symsweep.symmetry.Permutation;
import io.symsweep.symmetry.PermutationAction;
import io.symsweep.testing.Networks;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Proposition 5.4: the rescaling barrier stays unbounded even at the best permutation of the rescaled layer. */
class PermutationBarrierProbeTest {

    private static final DenseEngine ENGINE = new DenseEngine();
    private static final double[] FACTORS = {1, 4, 16, 64, 256};

    @Test
    void exhaustiveBestBarrierIsBelowTheIdentityAndStillGrowsWithM() {
        // A zero-loss minimum (teacher = student), rescaled hidden layer of width 5 <= 7: all 120 permutations.
        MlpArchitecture arch = new MlpArchitecture(new int[] {3, 4, 5, 2}, Activation.leakyRelu(0.01));
        MlpParameters w = Networks.random(arch, 1);
        RegressionData data = Networks.teacherData(w, 4, 2);
        ToDoubleFunction<MlpParameters> loss = p -> ENGINE.loss(p, data);
        assertTrue(loss.applyAsDouble(w) <= 1e-25 * data.yNorm2());
        double previous = -1;
        for (double m : FACTORS) {
            PermutedBarrier b = PermutationBarrierProbe.rescaled(loss, w, 2, m, AlphaGrid.uniform(25));
            assertEquals(PermutedBarrier.Search.EXHAUSTIVE, b.search());
            assertEquals(120, b.candidates());
            assertTrue(b.barrier() <= b.identity().barrier(), "m=" + m);
            if (m == 1) {
                assertEquals(0.0, b.barrier(), 1e-12 * data.yNorm2(), "identical endpoints give barrier 0");
                assertTrue(b.permutation().isIdentity());
            } else {
                assertTrue(b.barrier() > previous, "m=" + m + ": " + b.barrier() + " after " + previous);
            }
            previous = b.barrier();
        }
        assertTrue(previous > 10 * data.yNorm2(), "unbounded: at m=256 the barrier is " + previous / data.yNorm2()
                + " ||Y||^2");
    }

    @Test
    void exhaustiveSearchUndoesAShuffle() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {3, 6, 2}, Activation.leakyRelu(0.01));
        MlpParameters w = Networks.random(arch, 3);
        RegressionData data = Networks.teacherData(w, 5, 4);
        PermutationAction action = PermutationAction.on(arch, 1);
        Permutation planted = Permutation.of(3, 0, 5, 1, 2, 4);
        // A shuffle alone: undoing it gives w itself, barrier 0, the least any permutation can give. (With
        // rescaling on top the unshuffle need not be best: the barrier is not a distance between units.)
        MlpParameters wPrime = action.act(planted, w);
        PermutedBarrier b = PermutationBarrierProbe.run(p -> ENGINE.loss(p, data), w, wPrime, action.site(),
                AlphaGrid.uniform(25));
        assertEquals(planted.inverse(), b.permutation());
        assertEquals(0.0, b.barrier(), 1e-12 * data.yNorm2());
        assertTrue(b.identity().barrier() > 1e-3 * data.yNorm2());
    }

    @Test
    void wideLayersUseTheMatchingAndStillGrowWithM() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {3, 9, 2}, Activation.leakyRelu(0.01));
        MlpParameters w = Networks.random(arch, 5);
        RegressionData data = Networks.teacherData(w, 4, 6);
        ToDoubleFunction<MlpParameters> loss = p -> ENGINE.loss(p, data);
        double previous = -1;
        for (double m : FACTORS) {
            PermutedBarrier b = PermutationBarrierProbe.rescaled(loss, w, 1, m, AlphaGrid.uniform(25));
            assertEquals(PermutedBarrier.Search.MATCHING, b.search());
            assertEquals(2, b.candidates());
            assertTrue(b.barrier() <= b.identity().barrier());
            assertTrue(m == 1 || b.barrier() > previous, "m=" + m);
            previous = b.barrier();
        }
    }

    @Test
    void matchingNeverBeatsTheExhaustiveSearch() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {4, 6, 3}, Activation.leakyRelu(0.1));
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 3; trial++) {
            MlpParameters w = Networks.random(arch, rng.nextLong());
            MlpParameters other = Networks.random(arch, rng.nextLong());
            RegressionData data = Networks.gaussianData(arch, 5, rng.nextLong());
            ToDoubleFunction<MlpParameters> loss = p -> ENGINE.loss(p, data);
            HiddenUnits site = HiddenUnits.of(arch, 1);
            PermutedBarrier exhaustive = PermutationBarrierProbe.run(loss, w, other, site, AlphaGrid.uniform(25));
            Permutation matched = UnitMatching.match(w, other, site);
            double matchedBarrier = LinearInterpolationProbe.run(loss, w, new PermutationAction(site).act(matched, other),
                    AlphaGrid.uniform(25)).barrier();
            assertTrue(exhaustive.barrier() <= matchedBarrier);
        }
    }
}
