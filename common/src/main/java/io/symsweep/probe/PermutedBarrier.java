package io.symsweep.probe;

import io.symsweep.symmetry.Permutation;

/**
 * The interpolation barrier between {@code w} and {@code P · w'} for the best permutation {@code P} found, beside
 * the identity's (Proposition 5.4, Zhao et al. 2025).
 *
 * @param permutation the best {@code P} found, acting on the hidden units of the probed layer of {@code w'}
 * @param best        the loss along {@code (1-a) w + a P w'}
 * @param identity    the loss along {@code (1-a) w + a w'}
 * @param search      how the candidates were chosen
 * @param candidates  how many permutations were evaluated
 */
public record PermutedBarrier(Permutation permutation, BarrierCurve best, BarrierCurve identity, Search search,
        int candidates) {

    /** How candidate permutations were chosen. */
    public enum Search {
        /** Every permutation of the layer (width at most {@link PermutationBarrierProbe#EXHAUSTIVE_MAX_WIDTH}). */
        EXHAUSTIVE,
        /** The identity and the optimal weight matching (linear assignment) ({@code io.symsweep.align.UnitMatching}). */
        MATCHING
    }

    public PermutedBarrier {
        if (permutation == null || best == null || identity == null || search == null) {
            throw new IllegalArgumentException("permutation, best, identity and search are required");
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be >= 1, found " + candidates);
        }
    }

    /** {@code best.barrier()}, never above {@code identity.barrier()}. */
    public double barrier() {
        return best.barrier();
    }
}
