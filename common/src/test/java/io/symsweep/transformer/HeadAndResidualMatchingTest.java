package io.symsweep.transformer;

import io.symsweep.assignment.LinearAssignment;
import static io.symsweep.align.MatrixDifference.maxDifference;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.UnitTransform;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Planted head permutations, MLP permutations, per-head maps and a residual rotation are recovered: the
 * permutations exactly, the rotation to {@code 1e-8}, and {@code b} moved back onto {@code a}.
 */
class HeadAndResidualMatchingTest {

    static List<Fixtures.Case> cases() {
        return Fixtures.cases();
    }

    private static int[] inverse(int[] images) {
        int[] inv = new int[images.length];
        for (int j = 0; j < images.length; j++) {
            inv[images[j]] = j;
        }
        return inv;
    }

    private static void assertRecovered(TransformerModel a, Map<String, UnitTransform> planted,
            HeadAndResidualMatching.Match match, boolean invertible) {
        TransformerArchitecture arch = a.architecture();
        SymmetryDeclaration d = TransformerSymmetries.declaration(arch);
        TransformerModel b = new TransformerModel(arch, d.apply(a.parameters(), planted));
        double back = a.parameters().distance(d.apply(b.parameters(), match.transforms()));
        assertTrue(back <= 1e-8 * Math.sqrt(a.parameters().size()), "||a - T b|| = " + back);
        for (int l = 0; l < arch.layers(); l++) {
            String mlp = TransformerSymmetries.mlp(l);
            assertArrayEquals(inverse(HeadAndResidualMatching.imagesOf(planted.get(mlp))),
                    HeadAndResidualMatching.imagesOf(match.transforms().get(mlp)), "MLP units of layer " + l);
            String heads = TransformerSymmetries.heads(l);
            assertArrayEquals(inverse(HeadAndResidualMatching.imagesOf(planted.get(heads))),
                    HeadAndResidualMatching.imagesOf(match.transforms().get(heads)), "heads of layer " + l);
        }
        double[][] r = planted.get(TransformerSymmetries.RESIDUAL).forward();
        double err = maxDifference(Dense.transpose(r), match.transforms().get(TransformerSymmetries.RESIDUAL).forward());
        assertTrue(err <= 1e-8, "R recovered as the planted R^T to " + err);
        assertEquals(invertible, match.transforms().containsKey(TransformerSymmetries.queryKey(0, 0)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void plantedPermutationsAndResidualRotationAreRecovered(Fixtures.Case c) {
        TransformerModel a = NormFolding.fold(new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 41)));
        SymmetryDeclaration d = TransformerSymmetries.declaration(a.architecture());
        Map<String, UnitTransform> planted = PlantedTransforms.atEverySite(d,
                n -> n.endsWith(".mlp") || n.endsWith(".heads") || n.equals(TransformerSymmetries.RESIDUAL),
                Set.of(SymmetryClass.PERMUTATION, SymmetryClass.ORTHOGONAL), 42);
        TransformerModel b = new TransformerModel(a.architecture(), d.apply(a.parameters(), planted));
        var match = HeadAndResidualMatching.match(a, b, new HeadAndResidualMatching.Options(false, 5));
        assertRecovered(a, planted, match, false);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void plantedPerHeadMapsAreRecoveredToo(Fixtures.Case c) {
        TransformerModel a = NormFolding.fold(new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 43)));
        SymmetryDeclaration d = TransformerSymmetries.declaration(a.architecture());
        Map<String, UnitTransform> planted = PlantedTransforms.atEverySite(d, n -> true,
                Set.of(SymmetryClass.PERMUTATION, SymmetryClass.ORTHOGONAL, SymmetryClass.INVERTIBLE), 44);
        TransformerModel b = new TransformerModel(a.architecture(), d.apply(a.parameters(), planted));
        var match = HeadAndResidualMatching.match(a, b, new HeadAndResidualMatching.Options(true, 5));
        assertRecovered(a, planted, match, true);
        assertTrue(FunctionalEquivalence.relativeError(b,
                new TransformerModel(a.architecture(), d.apply(b.parameters(), match.transforms())), c.data()) <= 1e-9);
    }

    @Test
    void headCostsVanishOnTheMatchedPairsOnly() {
        Fixtures.Case c = Fixtures.cases().get(3);
        TransformerModel a = new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 45));
        SymmetryDeclaration d = TransformerSymmetries.declaration(c.arch());
        int[] images = {2, 0, 3, 1};
        Map<String, UnitTransform> planted = new java.util.LinkedHashMap<>(PlantedTransforms.atEverySite(d,
                n -> n.startsWith("block1.") && (n.endsWith(".qk") || n.endsWith(".ov")), Set.of(SymmetryClass.INVERTIBLE), 46));
        planted.put(TransformerSymmetries.heads(1), UnitTransform.permutation(images));
        TransformerModel b = new TransformerModel(c.arch(), d.apply(a.parameters(), planted));
        double[][] cost = HeadAndResidualMatching.headCosts(a, b, 1);
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 4; i++) {
                // a's head i is b's head images[i]: the per-head maps leave its circuits unchanged
                if (images[i] == j) {
                    assertTrue(cost[i][j] <= 1e-20, "matched pair (" + i + ", " + j + "): " + cost[i][j]);
                } else {
                    assertTrue(cost[i][j] > 1e-2, "unmatched pair (" + i + ", " + j + "): " + cost[i][j]);
                }
            }
        }
        assertArrayEquals(inverse(images), HeadAndResidualMatching.imagesOf(HeadAndResidualMatching.permutationOf(cost)));
    }

    @Test
    void procrustesRecoversAPlantedRotation() {
        Fixtures.Case c = Fixtures.cases().get(7);
        TransformerModel a = NormFolding.fold(new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 47)));
        SymmetryDeclaration d = TransformerSymmetries.declaration(a.architecture());
        UnitTransform r = PlantedTransforms.orthogonal(c.arch().dModel(), new SplittableRandom(48));
        var b = d.apply(a.parameters(), Map.of(TransformerSymmetries.RESIDUAL, r));
        UnitTransform found = HeadAndResidualMatching.residualProcrustes(d, TransformerSymmetries.RESIDUAL,
                a.parameters(), b, n -> true);
        assertTrue(maxDifference(Dense.transpose(r.forward()), found.forward()) <= 1e-12);
    }

    @Test
    void theAssignmentIsOptimalAgainstBruteForce() {
        SplittableRandom rng = new SplittableRandom(49);
        for (int trial = 0; trial < 20; trial++) {
            int n = 6;
            double[][] cost = new double[n][n];
            for (double[] row : cost) {
                for (int j = 0; j < n; j++) {
                    row[j] = rng.nextDouble();
                }
            }
            int[] col = LinearAssignment.minimise(cost);
            double got = 0;
            for (int i = 0; i < n; i++) {
                got += cost[i][col[i]];
            }
            assertEquals(bruteForce(cost, new int[n], new boolean[n], 0), got, 1e-12);
        }
    }

    private static double bruteForce(double[][] c, int[] col, boolean[] used, int row) {
        if (row == c.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, c[row][j] + bruteForce(c, col, used, row + 1));
                used[j] = false;
            }
        }
        return best;
    }
}
