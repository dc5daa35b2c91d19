package io.symsweep.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.symmetry.HiddenUnits;
import io.symsweep.symmetry.Permutation;
import io.symsweep.symmetry.PermutationAction;
import io.symsweep.testing.Networks;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Kuhn-Munkres matching of hidden units. */
class UnitMatchingTest {

    @Test
    void recoversAPlantedPermutation() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {3, 12, 9, 2}, Activation.relu());
        SplittableRandom rng = new SplittableRandom(1);
        for (int layer = 1; layer <= 2; layer++) {
            MlpParameters w = Networks.random(arch, rng.nextLong());
            PermutationAction action = PermutationAction.on(arch, layer);
            Permutation planted = action.sample(rng, 0, -1);
            MlpParameters shuffled = action.act(planted, w);
            Permutation p = UnitMatching.match(w, shuffled, action.site());
            assertEquals(planted.inverse(), p);
            assertEquals(w, action.act(p, shuffled));
        }
    }

    @Test
    void matchingMinimisesTheTotalCostOverAllPermutations() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {3, 6, 2}, Activation.tanh());
        MlpParameters w = Networks.random(arch, 2);
        MlpParameters other = Networks.random(arch, 3);
        HiddenUnits site = HiddenUnits.of(arch, 1);
        double[][] c = UnitMatching.costs(w, other, site);
        Permutation p = UnitMatching.match(w, other, site);
        double best = Double.POSITIVE_INFINITY;
        for (Permutation q : Permutation.all(6)) {
            best = Math.min(best, total(c, q));
        }
        assertEquals(best, total(c, p), 1e-12 * best);
        // The cost is the squared distance of the two layers after alignment.
        MlpParameters aligned = new PermutationAction(site).act(p, other);
        double d2 = 0;
        for (int i = 1; i <= 2; i++) {
            double[] a = w.layer(i);
            double[] b = aligned.layer(i);
            for (int k = 0; k < a.length; k++) {
                d2 += (a[k] - b[k]) * (a[k] - b[k]);
            }
        }
        assertEquals(d2, total(c, p), 1e-12 * d2);
    }

    /** {@code sum_i c(i, sigma(i))} where {@code sigma = p^-1} maps units of w to units of w'. */
    private static double total(double[][] c, Permutation p) {
        Permutation sigma = p.inverse();
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            s += c[i][sigma.image(i)];
        }
        return s;
    }
}
