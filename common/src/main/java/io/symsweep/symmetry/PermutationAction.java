package io.symsweep.symmetry;

import io.symsweep.model.MlpArchitecture;
import java.util.SplittableRandom;

/**
 * The symmetric group {@code S_h} permuting hidden units: {@code P · (W_i, W_{i+1}) = (P W_i, W_{i+1} P^T)}, so
 * unit {@code j} with its incoming row and outgoing column moves to position {@code p(j)} (Hecht-Nielsen 1990;
 * Lemma 5.1, Prop 5.2 and 5.4, Zhao et al. 2025). Exact for every elementwise activation, since
 * {@code s(P z) = P s(z)}; in floating point only the order of the sum over units in {@code W_{i+1} s(...)}
 * changes.
 *
 * <p>{@link #sample}: uniform over the permutations of the requested sign ({@code det P}); the magnitude is
 * ignored (a finite group has no small elements).
 */
public record PermutationAction(HiddenUnits site) implements LinearUnitAction<Permutation> {

    public static final String NAME = "permutation";

    public PermutationAction {
        HiddenUnits.requirePresent(site);
    }

    /** {@code S_h} on hidden layer {@code layer} of {@code arch} (any activation). */
    public static PermutationAction on(MlpArchitecture arch, int layer) {
        return new PermutationAction(HiddenUnits.of(arch, layer));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Permutation identity() {
        return Permutation.identity(site.width());
    }

    @Override
    public Permutation compose(Permutation g, Permutation h) {
        return requireSize(g).compose(requireSize(h));
    }

    @Override
    public Permutation inverse(Permutation g) {
        return requireSize(g).inverse();
    }

    @Override
    public UnitMap incoming(Permutation g) {
        return new UnitMap.Permuted(requireSize(g));
    }

    @Override
    public UnitMap outgoing(Permutation g) {
        return new UnitMap.Permuted(requireSize(g).inverse());
    }

    @Override
    public Permutation sample(SplittableRandom rng, double magnitude, int determinantSign) {
        MatrixGroups.requireSampling(magnitude, determinantSign);
        return Permutation.random(rng, site.width(), determinantSign);
    }

    private Permutation requireSize(Permutation p) {
        if (p == null || p.size() != site.width()) {
            throw new IllegalArgumentException("expected a permutation of " + site.width() + " units, found "
                    + (p == null ? "null" : p.size()));
        }
        return p;
    }
}
