package io.symsweep.probe;

import io.symsweep.align.UnitMatching;
import io.symsweep.model.MlpParameters;
import io.symsweep.symmetry.HiddenUnits;
import io.symsweep.symmetry.Permutation;
import io.symsweep.symmetry.PermutationAction;
import io.symsweep.symmetry.RescalingAction;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The interpolation barrier minimised over permutations of one hidden layer, Proposition 5.4 (Zhao et al.
 * 2025): {@code min_P barrier(w, P · w')} where {@code P} permutes the hidden units of layer {@code i} of
 * {@code w'} (rows of {@code W'_i}, columns of {@code W'_{i+1}}). Exhaustive over all {@code h!} permutations
 * for {@code h <= 7}; otherwise the better of the identity and the optimal weight matching (linear assignment), a heuristic
 * (weight distance is a proxy for the barrier). A NaN barrier ranks above every number; ties keep the first
 * candidate, the identity.
 */
public final class PermutationBarrierProbe {

    /** The widest layer searched exhaustively: 7! = 5040 interpolations. */
    public static final int EXHAUSTIVE_MAX_WIDTH = 7;

    private PermutationBarrierProbe() {
    }

    /**
     * Proposition 5.4's setting: {@code w' = m · w} under {@code R+} on layer {@code layer}
     * ({@code W_i -> m W_i}, {@code W_{i+1} -> W_{i+1} m^-k}), then the best permutation of that layer's units.
     */
    public static PermutedBarrier rescaled(ToDoubleFunction<MlpParameters> loss, MlpParameters w, int layer,
            double m, double[] alphas) {
        MlpParameters wPrime = RescalingAction.on(w.architecture(), layer).act(m, w);
        return run(loss, w, wPrime, HiddenUnits.of(w.architecture(), layer), alphas);
    }

    /**
     * The best permutation of {@code site}'s units of {@code wPrime} for the barrier to {@code w}. Cost: up to
     * {@code h!} (exhaustive) or 2 (matching) interpolations of {@code alphas.length} losses each.
     */
    public static PermutedBarrier run(ToDoubleFunction<MlpParameters> loss, MlpParameters w, MlpParameters wPrime,
            HiddenUnits site, double[] alphas) {
        site.requireFits(w.architecture());
        PermutationAction action = new PermutationAction(site);
        boolean exhaustive = site.width() <= EXHAUSTIVE_MAX_WIDTH;
        List<Permutation> candidates = exhaustive ? Permutation.all(site.width())
                : List.of(Permutation.identity(site.width()), UnitMatching.match(w, wPrime, site));
        BarrierCurve identity = null;
        BarrierCurve best = null;
        Permutation bestPermutation = null;
        for (Permutation p : candidates) {
            BarrierCurve curve = p.isIdentity() && identity != null ? identity
                    : LinearInterpolationProbe.run(loss, w, action.act(p, wPrime), alphas);
            if (p.isIdentity()) {
                identity = curve;
            }
            if (best == null || ranksBelow(curve.barrier(), best.barrier())) {
                best = curve;
                bestPermutation = p;
            }
        }
        return new PermutedBarrier(bestPermutation, best, identity,
                exhaustive ? PermutedBarrier.Search.EXHAUSTIVE : PermutedBarrier.Search.MATCHING, candidates.size());
    }

    private static boolean ranksBelow(double a, double b) {
        return !Double.isNaN(a) && (Double.isNaN(b) || a < b);
    }
}
