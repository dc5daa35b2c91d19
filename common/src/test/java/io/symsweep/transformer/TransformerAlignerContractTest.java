package io.symsweep.transformer;

import static io.symsweep.align.MatrixDifference.maxDifference;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentStatus;
import io.symsweep.params.AxisUse;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.UnitTransform;
import io.symsweep.transformer.TransformerArchitecture.Attention;
import io.symsweep.transformer.TransformerArchitecture.Nonlinearity;
import io.symsweep.transformer.TransformerArchitecture.Norm;
import io.symsweep.transformer.TransformerArchitecture.Pooling;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * The {@link TransformerAligner} contract over every (class set, method, head mode) of
 * {@link TransformerAligners#all()}, each on one small model (a LayerNorm ViT or an RMSNorm causal transformer, in
 * turn; {@code TransformerAlignerContractIT} runs every aligner on both, larger): B' computes B's function through
 * SameDiff to 1e-9 relative; every transform is of its site's class; transforms planted into a copy of A are
 * recovered (permutations exactly, maps to 1e-8) and B' is A; A aligned to itself is the identity. Then the checks
 * are shown able to fail.
 */
class TransformerAlignerContractTest {

    static final double EQUIVALENT = 1e-9;
    static final double RECOVERED = 1e-8;

    /** A small architecture and the training data the aligners read. */
    record Case(String name, TransformerArchitecture arch, SequenceData train) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A 2-block LayerNorm ViT on 4x4 patches, d 8, 2 heads of 4. */
    static Case vit(int dModel, int heads, int samples) {
        return new Case("vit-layernorm-d" + dModel, TransformerArchitecture.vit(8, 4, 10, dModel, 2, heads, 4,
                2 * dModel, Norm.LAYER_NORM, Nonlinearity.GELU, Pooling.MEAN), Fixtures.digits(4, false, samples));
    }

    /** A 2-block RMSNorm causal transformer on modular addition mod 7, d 12, 3 heads of 4. */
    static Case gpt(int dModel, int heads) {
        AlgorithmicTask task = AlgorithmicTask.modularAddition(7, 9, 5);
        return new Case("gpt-rmsnorm-d" + dModel, TransformerArchitecture.causal(9, 4, dModel, 2, heads, 4, 2 * dModel,
                Norm.RMS_NORM, Nonlinearity.GELU), SequenceData.ofTokens(task.train()));
    }

    static List<Case> smallCases() {
        return List.of(vit(8, 2, 48), gpt(12, 3));
    }

    static Stream<Arguments> alignerCases() {
        List<TransformerAligner> all = TransformerAligners.all();
        List<Case> cases = smallCases();
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            out.add(Arguments.of(all.get(i), cases.get(i % cases.size())));
        }
        return out.stream();
    }

    /** Few learned steps: the contract is about the transforms, not about how far the loss falls. */
    static TransformerAlignmentSettings settings(long seed) {
        return new TransformerAlignmentSettings(10, 64, 3, 1e-2, 16, seed);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("alignerCases")
    void keepsTheFunctionRecoversPlantsAndAlignsAModelToItself(TransformerAligner aligner, Case c) {
        check(aligner, c, 1);
    }

    /** Every check of the contract for one aligner on one case. */
    static void check(TransformerAligner aligner, Case c, long seed) {
        String what = aligner.label() + " on " + c.name() + " seed " + seed;
        TransformerModel a = new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 100 * seed + 1));
        TransformerModel b = new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 100 * seed + 2));

        // 1. independent models: B' is B's function, A's reference is A's function, the transforms are in the class
        TransformerAlignment r = aligner.align(new TransformerAlignmentProblem(a, b, c.train(), settings(seed)));
        assertTrue(r.status() == AlignmentStatus.OK || r.status() == AlignmentStatus.NOT_CONVERGED,
                what + ": " + r.status() + " " + r.detail());
        assertEquals(aligner.headMode() == Attention.CIRCUITS, r.aligned().architecture().attention() == Attention.CIRCUITS,
                what + ": the circuit mode interpolates merged circuits, the other modes factorised heads");
        assertKeepsFunction(b, r.aligned(), c.train(), what + ": B'");
        assertKeepsFunction(a, r.reference(), c.train(), what + ": A's reference");
        assertInClasses(aligner.classSet(), r.aligned().architecture(), r.transforms(), what);
        if (aligner.classSet() != TransformerClassSet.NONE) {
            assertTrue(r.aligned().parameters().distance(TransformerAligners.parametrised(b, aligner.headMode())
                    .parameters()) > 1e-3, what + ": independent models need a non-trivial move");
        }

        // 2. a copy of A moved by planted transforms of the class set: recovered, and B' = A
        TransformerModel folded = NormFolding.fold(a);
        Map<String, UnitTransform> planted = plant(aligner.classSet(), folded.architecture(), 100 * seed + 3);
        TransformerModel moved = new TransformerModel(folded.architecture(),
                TransformerSymmetries.declaration(folded.architecture()).apply(folded.parameters(), planted));
        // the straight-through estimator minimises the loss at the interpolated point, not a distance: at a random A
        // that loss has a non-zero gradient, so its steps move a continuous map (O, GL) off the plant by design; it is
        // checked at its start (weight matching). Learned permutations keep the plant (the projection is locally
        // constant) and are checked with their steps.
        boolean continuous = aligner.classSet() != TransformerClassSet.PERMUTATION;
        TransformerAlignmentSettings plantSettings = aligner.method() == AlignmentMethod.LEARNED && continuous
                ? settings(seed).withLearnedSteps(0) : settings(seed);
        TransformerAlignment rec = aligner.align(new TransformerAlignmentProblem(folded, moved, c.train(), plantSettings));
        assertEquals(AlignmentStatus.OK, rec.status(), what + " (plant): " + rec.detail());
        if (aligner.classSet() != TransformerClassSet.NONE) {
            assertRecovered(planted, rec.transforms(), folded.architecture(), what);
        }
        TransformerModel expected = TransformerAligners.parametrised(a, aligner.headMode());
        double back = expected.parameters().distance(rec.aligned().parameters());
        double scale = norm(expected.parameters());
        if (aligner.classSet() == TransformerClassSet.NONE) {
            assertTrue(back > 1e-3 * scale, what + ": no alignment leaves the plant in place");
        } else {
            assertTrue(back <= RECOVERED * scale, what + ": ||A - B'|| = " + back + " of " + scale + " after a plant");
        }

        // 3. A aligned to itself: the identity
        TransformerAlignmentSettings selfSettings = aligner.method() == AlignmentMethod.LEARNED && continuous
                ? settings(seed).withLearnedSteps(0) : settings(seed);
        TransformerAlignment self = aligner.align(new TransformerAlignmentProblem(a, a, c.train(), selfSettings));
        assertEquals(AlignmentStatus.OK, self.status(), what + " (self): " + self.detail());
        for (Map.Entry<String, UnitTransform> e : self.transforms().entrySet()) {
            double[][] f = e.getValue().forward();
            double tol = e.getValue().symmetryClass() == SymmetryClass.PERMUTATION ? 0 : RECOVERED;
            assertTrue(maxDifference(f, Dense.identity(f.length)) <= tol, what + ": self-alignment at " + e.getKey()
                    + " is not the identity");
        }
        assertTrue(self.reference().parameters().distance(self.aligned().parameters()) <= RECOVERED * scale, what);
    }

    /** Random transforms of {@code c}'s classes at every site of the folded architecture they act on. */
    static Map<String, UnitTransform> plant(TransformerClassSet c, TransformerArchitecture folded, long seed) {
        SymmetryDeclaration d = TransformerSymmetries.declaration(folded);
        Set<SymmetryClass> allowed = new HashSet<>();
        allowed.add(SymmetryClass.PERMUTATION);
        boolean residualPermutation = c == TransformerClassSet.PERMUTATION;
        Map<String, UnitTransform> p = new LinkedHashMap<>(PlantedTransforms.atEverySite(d, site -> c != TransformerClassSet.NONE
                && !site.equals(TransformerSymmetries.RESIDUAL) && (c.invertibleHeads() || !(site.endsWith(".qk")
                || site.endsWith(".ov"))), c.invertibleHeads() ? Set.of(SymmetryClass.PERMUTATION, SymmetryClass.INVERTIBLE)
                : allowed, seed));
        if (c == TransformerClassSet.NONE) {
            p.putAll(PlantedTransforms.atEverySite(d, site -> site.endsWith(".mlp"), allowed, seed));
            return p;
        }
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed + 1);
        p.put(TransformerSymmetries.RESIDUAL, residualPermutation ? PlantedTransforms.permutation(folded.dModel(), rng)
                : PlantedTransforms.orthogonal(folded.dModel(), rng));
        return p;
    }

    /** Logits of {@code moved} through SameDiff equal {@code original}'s to {@value #EQUIVALENT} (max-abs relative). */
    static void assertKeepsFunction(TransformerModel original, TransformerModel moved, SequenceData data, String what) {
        double err = TransformerPairProbe.maxRelativeError(new TransformerGraph(original).logits(data),
                new TransformerGraph(moved).logits(data));
        if (!(err <= EQUIVALENT)) {
            throw new AssertionFailedError(what + " changes the function by " + err + " relative");
        }
    }

    /** Each transform is of the class its site takes under {@code c} (permutation matrices, O, GL with B F = I). */
    static void assertInClasses(TransformerClassSet c, TransformerArchitecture arch, Map<String, UnitTransform> t,
            String what) {
        Map<String, SymmetryClass> expected = c == TransformerClassSet.NONE ? Map.of()
                : TransformerLearnedMatching.learnedSites(arch, c, arch.attention() == Attention.CIRCUITS
                        ? Attention.CIRCUITS : (c.invertibleHeads() ? Attention.FACTORISED : null));
        assertEquals(expected.keySet(), t.keySet(), what + ": the sites transformed");
        for (Map.Entry<String, UnitTransform> e : t.entrySet()) {
            SymmetryClass k = expected.get(e.getKey());
            double[][] f = e.getValue().forward();
            double[][] bk = e.getValue().backward();
            assertEquals(k, e.getValue().symmetryClass(), what + ": class at " + e.getKey());
            if (k == SymmetryClass.PERMUTATION) {
                for (int i = 0; i < f.length; i++) {
                    int ones = 0;
                    for (int j = 0; j < f.length; j++) {
                        assertTrue(f[i][j] == 0 || f[i][j] == 1, what + ": " + e.getKey() + " entry " + f[i][j]);
                        ones += f[i][j] == 1 ? 1 : 0;
                        assertEquals(f[i][j], bk[j][i], 0.0, what + ": " + e.getKey() + " inverse");
                    }
                    assertEquals(1, ones, what + ": " + e.getKey() + " row " + i);
                }
            } else {
                double[][] product = Dense.multiply(bk, f);
                assertTrue(maxDifference(product, Dense.identity(f.length)) <= 1e-9, what + ": " + e.getKey()
                        + " B F = I to " + maxDifference(product, Dense.identity(f.length)));
                if (k == SymmetryClass.ORTHOGONAL) {
                    assertTrue(maxDifference(bk, Dense.transpose(f)) <= 1e-12, what + ": " + e.getKey() + " B = F^T");
                }
            }
        }
    }

    /**
     * {@code found} undoes {@code planted} site by site: MLP units, heads and the residual map are the inverses
     * (permutations entry for entry, the orthogonal map to {@value #RECOVERED}); a per-head map found at B's head
     * {@code j} inverts the map planted at the head of A that the planted permutation moved to {@code j}. Sites of
     * {@code planted} that {@code found} does not name (per-head maps in circuit mode) are quotiented out.
     */
    static void assertRecovered(Map<String, UnitTransform> planted, Map<String, UnitTransform> found,
            TransformerArchitecture folded, String what) {
        for (int l = 0; l < folded.layers(); l++) {
            int[] headImages = HeadAndResidualMatching.imagesOf(planted.get(TransformerSymmetries.heads(l)));
            for (int h = 0; h < folded.heads(); h++) {
                for (String site : new String[] {TransformerSymmetries.queryKey(l, h), TransformerSymmetries.valueOutput(l, h)}) {
                    if (!planted.containsKey(site) || !found.containsKey(TransformerSymmetries.heads(l))) {
                        continue;
                    }
                    String at = site.replace("head" + h + ".", "head" + headImages[h] + ".");
                    if (!found.containsKey(at)) {
                        continue;
                    }
                    assertClose(planted.get(site).backward(), found.get(at).forward(), what + ": " + at);
                }
            }
        }
        for (Map.Entry<String, UnitTransform> e : planted.entrySet()) {
            String site = e.getKey();
            if (site.endsWith(".qk") || site.endsWith(".ov")) {
                continue;
            }
            double[][] expected = e.getValue().backward();
            double[][] got = found.get(site).forward();
            if (e.getValue().symmetryClass() == SymmetryClass.PERMUTATION) {
                for (int i = 0; i < expected.length; i++) {
                    assertArrayEquals(expected[i], got[i], 0.0, what + ": site " + site + " row " + i);
                }
            } else {
                assertClose(expected, got, what + ": site " + site);
            }
        }
    }

    private static void assertClose(double[][] expected, double[][] got, String what) {
        double scale = 0;
        for (double[] row : expected) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double diff = maxDifference(expected, got);
        if (!(diff <= RECOVERED * scale)) {
            throw new AssertionFailedError(what + " recovered to " + diff + " (entries up to " + scale + ")");
        }
    }

    static double norm(ParameterSet p) {
        double s = 0;
        for (String name : p.names()) {
            for (double v : p.get(name).data()) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    /** The declaration with every use of {@code tensor} dropped from {@code site}. */
    private static SymmetryDeclaration without(SymmetryDeclaration d, String site, String tensor) {
        List<Site> sites = new ArrayList<>();
        for (Site s : d.sites()) {
            List<AxisUse> kept = s.name().equals(site)
                    ? s.uses().stream().filter(u -> !u.tensor().equals(tensor)).toList() : s.uses();
            sites.add(new Site(s.name(), s.size(), kept, s.exact()));
        }
        return new SymmetryDeclaration(d.architecture() + " (wrong)", sites);
    }

    @Test
    void theChecksCanFail() {
        Case c = smallCases().get(1);
        TransformerModel a = new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 7));
        TransformerModel b = new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 8));
        TransformerAligner wm = TransformerAligners.of(TransformerClassSet.PERMUTATION_ORTHOGONAL_INVERTIBLE,
                AlignmentMethod.WEIGHT_MATCHING, Attention.FACTORISED);
        TransformerAlignment r = wm.align(new TransformerAlignmentProblem(a, b, c.train(), settings(7)));
        TransformerModel unmoved = NormFolding.fold(b);
        SymmetryDeclaration right = TransformerSymmetries.declaration(unmoved.architecture());
        assertKeepsFunction(b, new TransformerModel(unmoved.architecture(), right.apply(unmoved.parameters(),
                r.transforms())), c.train(), "the right declaration");
        // the same transforms through declarations that forget one reader or writer change the function
        for (String[] wrong : new String[][] {{TransformerSymmetries.RESIDUAL, TransformerParameters.HEAD_WEIGHT},
                {TransformerSymmetries.heads(1), TransformerParameters.attnWeight(1, 'o')},
                {TransformerSymmetries.queryKey(0, 1), TransformerParameters.attnWeight(0, 'k')},
                {TransformerSymmetries.mlp(0), TransformerParameters.mlpWeight(0, "out")}}) {
            SymmetryDeclaration d = without(right, wrong[0], wrong[1]);
            TransformerModel broken = new TransformerModel(unmoved.architecture(), d.apply(unmoved.parameters(),
                    r.transforms()));
            assertThrows(AssertionFailedError.class, () -> assertKeepsFunction(b, broken, c.train(), "wrong"),
                    "dropping " + wrong[1] + " from " + wrong[0] + " must break the function");
        }
        // a plant recovery that is off by one swap of MLP units, or a slightly wrong map, fails the recovery check
        TransformerModel folded = NormFolding.fold(a);
        Map<String, UnitTransform> planted = plant(TransformerClassSet.PERMUTATION_ORTHOGONAL_INVERTIBLE,
                folded.architecture(), 9);
        TransformerModel moved = new TransformerModel(folded.architecture(),
                TransformerSymmetries.declaration(folded.architecture()).apply(folded.parameters(), planted));
        Map<String, UnitTransform> found = wm.align(new TransformerAlignmentProblem(folded, moved, c.train(),
                settings(9))).transforms();
        assertRecovered(planted, found, folded.architecture(), "right");
        Map<String, UnitTransform> swapped = new LinkedHashMap<>(found);
        int[] images = HeadAndResidualMatching.imagesOf(found.get(TransformerSymmetries.mlp(1)));
        int t = images[0];
        images[0] = images[1];
        images[1] = t;
        swapped.put(TransformerSymmetries.mlp(1), UnitTransform.permutation(images));
        assertThrows(AssertionFailedError.class, () -> assertRecovered(planted, swapped, folded.architecture(), "swap"));
        Map<String, UnitTransform> perturbed = new LinkedHashMap<>(found);
        double[][] f = found.get(TransformerSymmetries.valueOutput(1, 2)).forward();
        f[0][0] += 1e-6;
        perturbed.put(TransformerSymmetries.valueOutput(1, 2), new UnitTransform(SymmetryClass.INVERTIBLE, f, Dense.inverse(f)));
        assertThrows(AssertionFailedError.class, () -> assertRecovered(planted, perturbed, folded.architecture(), "map"));
    }

    @Test
    void badCombinationsAreOneLineErrorsNamingTheField() {
        var e = assertThrows(IllegalArgumentException.class, () -> TransformerAligners.of(
                TransformerClassSet.PERMUTATION_ORTHOGONAL_INVERTIBLE, AlignmentMethod.WEIGHT_MATCHING, null));
        assertTrue(e.getMessage().startsWith("head_mode must be one of factorised, circuit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TransformerAligners.of(TransformerClassSet.PERMUTATION,
                AlignmentMethod.ACTIVATION_INNER_PRODUCT, null));
        assertTrue(e.getMessage().startsWith("method must be one of none, activation_matching"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TransformerClassSet.fromSpecName("orthogonal"));
        assertTrue(e.getMessage().startsWith("symmetry_class must be one of none, permutation"), e.getMessage());
        assertEquals(13, TransformerAligners.all().size());
        Set<String> labels = new HashSet<>();
        TransformerAligners.all().forEach(x -> labels.add(x.label()));
        assertEquals(13, labels.size());
    }
}
