package io.symsweep.symmetry;

import static io.symsweep.testing.Networks.relativeDifference;
import static io.symsweep.testing.Networks.relativeDistance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.engine.DenseEngine;
import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.testing.Networks;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Eq. (6), the approximate GL action: Proposition 6.1's bound always, exactness of the output when
 * {@code rank s(g V X) = k} (so {@code h >= k}), and the algebra that does and does not survive.
 */
class ApproximateGeneralLinearActionTest {

    /** Relative tolerance where the action is exact in theory (one pseudo-inverse of a well-conditioned matrix). */
    private static final double EXACT_TOL = 1e-10;
    private static final DenseEngine ENGINE = new DenseEngine();

    @Test
    void proposition61BoundsTheOutputChangeOnRandomSigmoidNetworks() {
        // Figure 3(a)'s experiment in small: m, h, n, k drawn from 2..30.
        SplittableRandom rng = new SplittableRandom(61);
        int belowFullRank = 0;
        for (int net = 0; net < 100; net++) {
            int m = 2 + rng.nextInt(29);
            int h = 2 + rng.nextInt(29);
            int n = 2 + rng.nextInt(29);
            int k = 2 + rng.nextInt(29);
            MlpArchitecture arch = new MlpArchitecture(new int[] {n, h, m}, Activation.sigmoid());
            MlpParameters w = Networks.random(arch, rng.nextLong());
            RegressionData data = Networks.gaussianData(arch, k, rng.nextLong());
            ApproximateGeneralLinearAction action = ApproximateGeneralLinearAction.on(arch, 1, data);
            DMatrixRMaj g = action.sample(rng, 1.0 + rng.nextDouble(), rng.nextBoolean() ? 1 : -1);
            ApproximateGeneralLinearAction.OutputChange c = action.outputChange(g, w);
            assertTrue(c.change() <= c.outputNorm() * (1 + 1e-12), "net " + net + ": " + c);
            if (!c.fullColumnRank()) {
                belowFullRank++;
            }
            if (h >= k) {
                assertTrue(c.fullColumnRank(), "net " + net + ": sigmoid with h >= k has full column rank, " + c);
                assertTrue(c.relativeChange() <= EXACT_TOL, "net " + net + ": " + c);
            }
        }
        assertTrue(belowFullRank > 10, "the draw should include h < k networks");
    }

    @Test
    void exactOnTheOutputWhenWidthIsAtLeastTheSampleCount() {
        for (Activation s : new Activation[] {Activation.sigmoid(), Activation.leakyRelu(0.01), Activation.tanh()}) {
            MlpArchitecture arch = new MlpArchitecture(new int[] {4, 10, 3}, s);
            MlpParameters w = Networks.random(arch, 1);
            RegressionData data = Networks.gaussianData(arch, 6, 2);
            ApproximateGeneralLinearAction action = ApproximateGeneralLinearAction.on(arch, 1, data);
            SplittableRandom rng = new SplittableRandom(3);
            for (int trial = 0; trial < 5; trial++) {
                DMatrixRMaj g = action.sample(rng, 1.5, trial % 2 == 0 ? 1 : -1);
                ApproximateGeneralLinearAction.OutputChange c = action.outputChange(g, w);
                assertTrue(c.fullColumnRank(), s + ": " + c);
                assertTrue(c.relativeChange() <= EXACT_TOL, s + ": " + c);
                double before = ENGINE.loss(w, data);
                double after = ENGINE.loss(action.act(g, w), data);
                assertTrue(relativeDifference(after, before) <= EXACT_TOL, s + ": loss " + before + " -> " + after);
                // Compatibility holds exactly when rank s(f V X) = k.
                DMatrixRMaj f = action.sample(rng, 1.0, 1);
                MlpParameters twice = action.act(g, action.act(f, w));
                MlpParameters once = action.act(action.compose(g, f), w);
                assertTrue(relativeDistance(twice, once) <= EXACT_TOL, s + ": " + relativeDistance(twice, once));
            }
        }
    }

    @Test
    void exactDeeperInTheNetworkToo() {
        // Layer 2 of a 3-layer net: the action's input is s(W_1 X), and later layers see the same input.
        MlpArchitecture arch = new MlpArchitecture(new int[] {3, 4, 12, 2}, Activation.tanh());
        MlpParameters w = Networks.random(arch, 4);
        RegressionData data = Networks.gaussianData(arch, 8, 5);
        ApproximateGeneralLinearAction action = ApproximateGeneralLinearAction.on(arch, 2, data);
        DMatrixRMaj g = action.sample(new SplittableRandom(6), 2.0, 1);
        MlpParameters moved = action.act(g, w);
        assertArrayEquals(w.layer(1), moved.layer(1), 0);
        assertTrue(relativeDifference(ENGINE.loss(moved, data), ENGINE.loss(w, data)) <= EXACT_TOL);
    }

    @Test
    void notExactWhenWidthIsBelowTheSampleCount() {
        ApproximateGeneralLinearAction.OutputChange c = outputChangeOnWidth3(Activation.sigmoid(), 7);
        assertEquals(3, c.featureRank());
        assertFalse(c.fullColumnRank());
        assertTrue(c.relativeChange() > 1e-3 && c.relativeChange() <= 1, c.toString());
    }

    @Test
    void exactForTheIdentityActivationAtAnyWidth() {
        ApproximateGeneralLinearAction.OutputChange c = outputChangeOnWidth3(Activation.linear(), 10);
        assertFalse(c.fullColumnRank());
        assertTrue(c.relativeChange() <= EXACT_TOL, c.toString());
    }

    /**
     * The output change of one element (magnitude 1.5) acting on layer 1 of a random {@code mlp[4, 3, 2]} with 9
     * samples: weights from {@code seed}, data from {@code seed + 1}, the element from {@code seed + 2}.
     */
    private static ApproximateGeneralLinearAction.OutputChange outputChangeOnWidth3(Activation activation, long seed) {
        MlpArchitecture arch = new MlpArchitecture(new int[] {4, 3, 2}, activation);
        MlpParameters w = Networks.random(arch, seed);
        RegressionData data = Networks.gaussianData(arch, 9, seed + 1);
        ApproximateGeneralLinearAction action = ApproximateGeneralLinearAction.on(arch, 1, data);
        assertFalse(action.isExact(), "the action of Eq. (6) is approximate at every width");
        return action.outputChange(action.sample(new SplittableRandom(seed + 2), 1.5, 1), w);
    }

    @Test
    void identityIsExactOnParametersOnlyWhenWidthIsAtMostTheSampleCount() {
        // h <= k: s(VX) has full row rank, U s(VX) s(VX)^+ = U.
        MlpArchitecture narrow = new MlpArchitecture(new int[] {4, 3, 2}, Activation.sigmoid());
        MlpParameters w = Networks.random(narrow, 13);
        ApproximateGeneralLinearAction onNarrow =
                ApproximateGeneralLinearAction.on(narrow, 1, Networks.gaussianData(narrow, 9, 14));
        assertTrue(relativeDistance(onNarrow.act(onNarrow.identity(), w), w) <= EXACT_TOL);
        // h > k: the identity projects U onto the column space of s(VX); the output is kept, the weights are not,
        // and points of the form g . w are fixed.
        MlpArchitecture wide = new MlpArchitecture(new int[] {4, 10, 2}, Activation.sigmoid());
        MlpParameters v = Networks.random(wide, 15);
        RegressionData data = Networks.gaussianData(wide, 6, 16);
        ApproximateGeneralLinearAction onWide = ApproximateGeneralLinearAction.on(wide, 1, data);
        MlpParameters projected = onWide.act(onWide.identity(), v);
        assertTrue(relativeDistance(projected, v) > 1e-2);
        assertTrue(relativeDifference(ENGINE.loss(projected, data), ENGINE.loss(v, data)) <= EXACT_TOL);
        MlpParameters moved = onWide.act(onWide.sample(new SplittableRandom(17), 1.0, 1), v);
        assertTrue(relativeDistance(onWide.act(onWide.identity(), moved), moved) <= EXACT_TOL);
    }
}
