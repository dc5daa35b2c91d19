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
import io.symsweep.symmetry.RescalingAction;
import io.symsweep.testing.Networks;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Proposition 5.4: the rescaling barrier stays unbounded even at the best permutation of the rescaled layer. */
class PermutationBarrierProbeTest {

    private static final DenseEngine ENGINE = new DenseEngine();
    private static final double[] FACTORS = {1, 4, 16, 64, 256};

    /**
     * The lowest barrier over every permutation of {@code site}'s units, computed here one permutation at a time with
     * {@link LinearInterpolationProbe} (not by the search under test), and the barrier of each candidate the search
     * may report.
     */
    private static double bruteForceBest(ToDoubleFunction<MlpParameters> loss, MlpParameters w, MlpParameters wPrime,
            HiddenUnits site) {
        PermutationAction action = new PermutationAction(site);
        double best = Double.POSITIVE_INFINITY;
        for (Permutation q : Permutation.all(site.width())) {
            best = Math.min(best, LinearInterpolationProbe.run(loss, w, action.act(q, wPrime), AlphaGrid.uniform(25))
                    .barrier());
        }
        return best;
    }

    /** The probe of {@code w}'s copy rescaled by {@code m} at {@code layer}, with that copy and the layer's units. */
    private record Rescaled(PermutedBarrier barrier, MlpParameters wPrime, HiddenUnits site) {

        /** The probe, held to the search and candidate count expected of the layer's width. */
        static Rescaled probe(ToDoubleFunction<MlpParameters> loss, MlpParameters w, int layer, double m,
                PermutedBarrier.Search search, int candidates) {
            PermutedBarrier b = PermutationBarrierProbe.rescaled(loss, w, layer, m, AlphaGrid.uniform(25));
            assertEquals(search, b.search());
            assertEquals(candidates, b.candidates());
            return new Rescaled(b, RescalingAction.on(w.architecture(), layer).act(m, w),
                    HiddenUnits.of(w.architecture(), layer));
        }
    }

    /** The barrier to {@code P wPrime} for the permutation {@code b} reports, recomputed. */
    private static double barrierOf(PermutedBarrier b, ToDoubleFunction<MlpParameters> loss, MlpParameters w,
            MlpParameters wPrime, HiddenUnits site) {
        return LinearInterpolationProbe.run(loss, w, new PermutationAction(site).act(b.permutation(), wPrime),
                AlphaGrid.uniform(25)).barrier();
    }

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
            Rescaled r = Rescaled.probe(loss, w, 2, m, PermutedBarrier.Search.EXHAUSTIVE, 120);
            PermutedBarrier b = r.barrier();
            assertEquals(bruteForceBest(loss, w, r.wPrime(), r.site()), b.barrier(), 0.0, "m=" + m + ": the best of 120");
            assertEquals(barrierOf(b, loss, w, r.wPrime(), r.site()), b.barrier(), 0.0, "m=" + m + ": the stored P's");
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
            Rescaled r = Rescaled.probe(loss, w, 1, m, PermutedBarrier.Search.MATCHING, 2);
            // The two candidates, computed here: the identity and the Kuhn-Munkres matching of the units.
            MlpParameters wPrime = r.wPrime();
            HiddenUnits site = r.site();
            Permutation matched = UnitMatching.match(w, wPrime, site);
            PermutedBarrier b = r.barrier();
            double identity = LinearInterpolationProbe.run(loss, w, wPrime, AlphaGrid.uniform(25)).barrier();
            double viaMatching = LinearInterpolationProbe.run(loss, w, new PermutationAction(site).act(matched, wPrime),
                    AlphaGrid.uniform(25)).barrier();
            assertEquals(Math.min(identity, viaMatching), b.barrier(), 0.0, "m=" + m);
            assertEquals(identity, b.identity().barrier(), 0.0);
            assertTrue(m == 1 || b.barrier() > previous, "m=" + m);
            previous = b.barrier();
        }
    }

    @Test
    void theExhaustiveSearchFindsTheBestOfAllPermutationsBetweenUnrelatedNetworks() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {4, 6, 3}, Activation.leakyRelu(0.1));
        SplittableRandom rng = new SplittableRandom(7);
        int beatenIdentity = 0;
        for (int trial = 0; trial < 3; trial++) {
            MlpParameters w = Networks.random(arch, rng.nextLong());
            MlpParameters other = Networks.random(arch, rng.nextLong());
            RegressionData data = Networks.gaussianData(arch, 5, rng.nextLong());
            ToDoubleFunction<MlpParameters> loss = p -> ENGINE.loss(p, data);
            HiddenUnits site = HiddenUnits.of(arch, 1);
            PermutedBarrier exhaustive = PermutationBarrierProbe.run(loss, w, other, site, AlphaGrid.uniform(25));
            assertEquals(bruteForceBest(loss, w, other, site), exhaustive.barrier(), 0.0, "trial " + trial);
            assertEquals(barrierOf(exhaustive, loss, w, other, site), exhaustive.barrier(), 0.0);
            if (!exhaustive.permutation().isIdentity()) {
                beatenIdentity++;
            }
        }
        assertTrue(beatenIdentity >= 1, "between unrelated networks some permutation beats the identity");
    }
}
