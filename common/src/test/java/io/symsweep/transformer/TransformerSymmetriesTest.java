package io.symsweep.transformer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.params.AxisUse;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.UnitTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every declared class, planted at random into random models of several sizes (ViTs and causal transformers,
 * LayerNorm and RMSNorm), keeps the function as SameDiff computes it to {@code <= 1e-9} relative; deliberately
 * wrong declarations change it by far more, so the check can fail.
 */
class TransformerSymmetriesTest {

    static final double EXACT = 1e-9;
    static final double BROKEN = 1e-3;

    static List<Fixtures.Case> cases() {
        return Fixtures.cases();
    }

    private static TransformerModel moved(TransformerModel m, SymmetryDeclaration d, Map<String, UnitTransform> t) {
        return new TransformerModel(m.architecture(), d.apply(m.parameters(), t));
    }

    /** Plants the sites passing {@code filter} with their largest exact class in {@code allowed}; returns the error. */
    private static double planted(TransformerModel m, SequenceData data, Predicate<String> filter,
            Set<SymmetryClass> allowed, long seed) {
        SymmetryDeclaration d = TransformerSymmetries.declaration(m.architecture());
        Map<String, UnitTransform> t = PlantedTransforms.atEverySite(d, filter, allowed, seed);
        assertTrue(!t.isEmpty(), "something was planted");
        TransformerModel b = moved(m, d, t);
        double moved = m.parameters().distance(b.parameters());
        double size = m.parameters().distance(scaled(m.parameters(), 0));
        assertTrue(moved > 0.05 * size, "the planted transform moved the weights: " + moved + " of " + size);
        return FunctionalEquivalence.relativeError(m, b, data);
    }

    private static ParameterSet scaled(ParameterSet p, double s) {
        java.util.LinkedHashMap<String, io.symsweep.params.Tensor> m = new java.util.LinkedHashMap<>();
        p.tensors().forEach((k, v) -> {
            double[] x = v.data();
            for (int i = 0; i < x.length; i++) {
                x[i] *= s;
            }
            m.put(k, new io.symsweep.params.Tensor(v.shape(), x));
        });
        return new ParameterSet(m);
    }

    /**
     * One class planted at the sites {@code sites} picks, into the random model of {@code modelSeed}.
     *
     * @param what      the planted maps, for the messages
     * @param plantSeed the seed of the planted transforms
     */
    record Planting(String what, Predicate<String> sites, SymmetryClass symmetryClass, long modelSeed,
            long plantSeed) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Arguments> plantings() {
        List<Planting> plantings = List.of(
                new Planting("MLP permutations", s -> s.endsWith(".mlp"), SymmetryClass.PERMUTATION, 21, 1),
                new Planting("head permutations", s -> s.endsWith(".attn.heads"), SymmetryClass.PERMUTATION, 22, 4),
                new Planting("QK maps", s -> s.endsWith(".qk"), SymmetryClass.INVERTIBLE, 23, 5),
                new Planting("OV maps", s -> s.endsWith(".ov"), SymmetryClass.INVERTIBLE, 23, 6));
        return cases().stream().flatMap(c -> plantings.stream().map(p -> Arguments.of(c, p)));
    }

    /** MLP and head permutations, and the per-head invertible maps on the QK and OV circuits. */
    @ParameterizedTest
    @MethodSource("plantings")
    void plantedPermutationsAndPerHeadMapsAreExact(Fixtures.Case c, Planting p) {
        TransformerModel m = new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), p.modelSeed()));
        double e = planted(m, c.data(), p.sites(), Set.of(p.symmetryClass()), p.plantSeed());
        assertTrue(e <= EXACT, p.what() + ": " + e);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reluScalingsAreExactAndGeluScalingsAreNot(Fixtures.Case c) {
        TransformerModel m = new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 21));
        if (c.arch().nonlinearity() == TransformerArchitecture.Nonlinearity.RELU) {
            double s = planted(m, c.data(), n -> n.endsWith(".mlp"), Set.of(SymmetryClass.PERMUTATION_SCALING), 2);
            assertTrue(s <= EXACT, "ReLU permutation-scalings: " + s);
        } else {
            // a positive scaling across GELU is not a symmetry: forcing one through breaks the function
            SymmetryDeclaration d = TransformerSymmetries.declaration(c.arch());
            TransformerModel b = moved(m, d, Map.of(TransformerSymmetries.mlp(0),
                    PlantedTransforms.permutationScaling(c.arch().dMlp(), new SplittableRandom(3))));
            assertTrue(FunctionalEquivalence.relativeError(m, b, c.data()) > BROKEN);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void anOrthogonalResidualMapIsExactOnceTheNormsAreFolded(Fixtures.Case c) {
        TransformerModel m = new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 24));
        TransformerModel folded = NormFolding.fold(m);
        double foldError = FunctionalEquivalence.relativeError(m, folded, c.data());
        assertTrue(foldError <= EXACT, "folding " + c.arch().norm() + ": " + foldError);
        double e = planted(folded, c.data(), s -> s.equals(TransformerSymmetries.RESIDUAL),
                Set.of(SymmetryClass.ORTHOGONAL), 7);
        assertTrue(e <= EXACT, "orthogonal residual map: " + e);
        // a permutation of the residual stream is exact before folding (gains and biases move with it)
        double p = planted(m, c.data(), s -> s.equals(TransformerSymmetries.RESIDUAL), Set.of(SymmetryClass.PERMUTATION), 8);
        assertTrue(p <= EXACT, "residual permutation of the unfolded model: " + p);
        // ... but an orthogonal map of the unfolded model is not a symmetry (its norms have gains)
        SymmetryDeclaration d = TransformerSymmetries.declaration(c.arch());
        assertTrue(!d.site(TransformerSymmetries.RESIDUAL).isExact(SymmetryClass.ORTHOGONAL));
        TransformerModel rotated = moved(m, d, Map.of(TransformerSymmetries.RESIDUAL,
                PlantedTransforms.orthogonal(c.arch().dModel(), new SplittableRandom(9))));
        assertTrue(FunctionalEquivalence.relativeError(m, rotated, c.data()) > BROKEN);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void allClassesAtOnceAreExact(Fixtures.Case c) {
        TransformerModel folded = NormFolding.fold(new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 25)));
        double e = planted(folded, c.data(), s -> true, Set.of(SymmetryClass.PERMUTATION, SymmetryClass.ORTHOGONAL,
                SymmetryClass.INVERTIBLE), 10);
        assertTrue(e <= EXACT, "every class at once: " + e);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void mergedCircuitsComputeTheSameFunctionAndKeepTheirOwnSymmetries(Fixtures.Case c) {
        TransformerModel m = NormFolding.fold(new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 26)));
        TransformerModel merged = CircuitMerging.merge(m);
        double e = FunctionalEquivalence.relativeError(m, merged, c.data());
        assertTrue(e <= EXACT, "merging circuits: " + e);
        double s = planted(merged, c.data(), n -> true, Set.of(SymmetryClass.PERMUTATION, SymmetryClass.ORTHOGONAL), 11);
        assertTrue(s <= EXACT, "head permutations, MLP permutations and a residual rotation of the merged model: " + s);
        // the circuits are invariant under the per-head maps of the factorised model
        SymmetryDeclaration d = TransformerSymmetries.declaration(m.architecture());
        TransformerModel gl = moved(m, d, PlantedTransforms.atEverySite(d, n -> n.endsWith(".qk") || n.endsWith(".ov"),
                Set.of(SymmetryClass.INVERTIBLE), 12));
        double circuitChange = CircuitMerging.merge(gl).parameters().distance(merged.parameters());
        assertTrue(circuitChange <= 1e-10 * Math.sqrt(merged.parameters().size()), "circuits moved by " + circuitChange);
    }

    /** The declaration with one use of one site dropped. */
    private static SymmetryDeclaration without(SymmetryDeclaration d, String site, Predicate<AxisUse> drop) {
        List<Site> sites = new ArrayList<>();
        for (Site s : d.sites()) {
            if (s.name().equals(site)) {
                List<AxisUse> kept = s.uses().stream().filter(drop.negate()).toList();
                assertTrue(kept.size() < s.uses().size(), "dropped a use of " + site);
                sites.add(new Site(s.name(), s.size(), kept, s.exact()));
            } else {
                sites.add(s);
            }
        }
        return new SymmetryDeclaration(d.architecture() + " (wrong)", sites);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void wrongDeclarationsFailTheCheck(Fixtures.Case c) {
        TransformerModel m = NormFolding.fold(new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 27)));
        SymmetryDeclaration d = TransformerSymmetries.declaration(m.architecture());
        SplittableRandom rng = new SplittableRandom(13);
        int dh = c.arch().dHead();
        // a map applied to W_Q but not to W_K
        SymmetryDeclaration noKey = without(d, TransformerSymmetries.queryKey(0, 0), u -> u.tensor().contains("attn.k."));
        assertTrue(FunctionalEquivalence.relativeError(m, moved(m, noKey,
                Map.of(TransformerSymmetries.queryKey(0, 0), PlantedTransforms.invertible(dh, rng))), c.data()) > BROKEN);
        // a value map without its inverse on W_O
        SymmetryDeclaration noOut = without(d, TransformerSymmetries.valueOutput(0, 0), u -> u.tensor().contains("attn.o."));
        assertTrue(FunctionalEquivalence.relativeError(m, moved(m, noOut,
                Map.of(TransformerSymmetries.valueOutput(0, 0), PlantedTransforms.invertible(dh, rng))), c.data()) > BROKEN);
        // heads permuted in W_Q, W_K, W_V but not in W_O
        SymmetryDeclaration headsNoOut = without(d, TransformerSymmetries.heads(0), u -> u.tensor().contains("attn.o."));
        int[] swap = new int[c.arch().heads()];
        for (int h = 0; h < swap.length; h++) {
            swap[h] = (h + 1) % swap.length;
        }
        assertTrue(FunctionalEquivalence.relativeError(m, moved(m, headsNoOut,
                Map.of(TransformerSymmetries.heads(0), UnitTransform.permutation(swap))), c.data()) > BROKEN);
        // MLP units permuted where they are computed but not where they are read
        SymmetryDeclaration mlpNoOut = without(d, TransformerSymmetries.mlp(0), u -> u.tensor().contains("mlp.out."));
        assertTrue(FunctionalEquivalence.relativeError(m, moved(m, mlpNoOut, Map.of(TransformerSymmetries.mlp(0),
                PlantedTransforms.permutation(c.arch().dMlp(), rng))), c.data()) > BROKEN);
        // the residual rotation forgotten on the head
        SymmetryDeclaration noHead = without(d, TransformerSymmetries.RESIDUAL,
                u -> u.tensor().equals(TransformerParameters.HEAD_WEIGHT));
        assertTrue(FunctionalEquivalence.relativeError(m, moved(m, noHead, Map.of(TransformerSymmetries.RESIDUAL,
                PlantedTransforms.orthogonal(c.arch().dModel(), rng))), c.data()) > BROKEN);
    }
}
