package io.symsweep.params;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The generic apply on a hand-declared two-hidden-layer MLP with biases, against a forward pass written here
 * (independent of any model class): each declared class keeps the function, and {@link Tensor#along} agrees with
 * an index-by-index evaluation of {@code (T (x) I_block)} on a rank-3 tensor.
 */
class SymmetryDeclarationTest {

    private static final int IN = 4;
    private static final int H1 = 3;
    private static final int H2 = 5;
    private static final int OUT = 2;

    private static ParameterSet mlp(SplittableRandom rng, int h1) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("w1", Tensor.matrix(h1, IN, gaussian(rng, h1 * IN)));
        m.put("b1", Tensor.vector(gaussian(rng, h1)));
        m.put("w2", Tensor.matrix(H2, h1, gaussian(rng, H2 * h1)));
        m.put("b2", Tensor.vector(gaussian(rng, H2)));
        m.put("w3", Tensor.matrix(OUT, H2, gaussian(rng, OUT * H2)));
        m.put("b3", Tensor.vector(gaussian(rng, OUT)));
        return new ParameterSet(m);
    }

    private static SymmetryDeclaration declaration(int h1, Set<SymmetryClass> exact) {
        return new SymmetryDeclaration("test-mlp", List.of(
                new Site("hidden1", h1, List.of(AxisUse.output("w1", 0), AxisUse.output("b1", 0), AxisUse.input("w2", 1)),
                        exact),
                new Site("hidden2", H2, List.of(AxisUse.output("w2", 0), AxisUse.output("b2", 0), AxisUse.input("w3", 1)),
                        exact)));
    }

    private static double[] gaussian(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u1 = rng.nextDouble();
            double u2 = rng.nextDouble();
            v[i] = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        }
        return v;
    }

    /** {@code relu} or the identity between layers; the weights as the test built them. */
    private static double[] forward(ParameterSet p, double[] x, boolean relu) {
        double[] h = x;
        for (int l = 1; l <= 3; l++) {
            Tensor w = p.get("w" + l);
            Tensor b = p.get("b" + l);
            double[] z = new double[w.dim(0)];
            for (int i = 0; i < z.length; i++) {
                double s = b.at(i);
                for (int j = 0; j < w.dim(1); j++) {
                    s += w.at(i * w.dim(1) + j) * h[j];
                }
                z[i] = l < 3 && relu ? Math.max(0, s) : s;
            }
            h = z;
        }
        return h;
    }

    private static double worstRelativeChange(ParameterSet a, ParameterSet b, boolean relu, SplittableRandom rng) {
        double worst = 0;
        for (int s = 0; s < 20; s++) {
            double[] x = gaussian(rng, IN);
            double[] ya = forward(a, x, relu);
            double[] yb = forward(b, x, relu);
            double num = 0;
            double den = 0;
            for (int i = 0; i < ya.length; i++) {
                num += (ya[i] - yb[i]) * (ya[i] - yb[i]);
                den += ya[i] * ya[i];
            }
            worst = Math.max(worst, Math.sqrt(num / den));
        }
        return worst;
    }

    @Test
    void permutationKeepsTheFunctionAndMovesTheWeights() {
        SplittableRandom rng = new SplittableRandom(1);
        ParameterSet p = mlp(rng, H1);
        SymmetryDeclaration d = declaration(H1, Set.of(SymmetryClass.PERMUTATION));
        ParameterSet q = d.apply(p, Map.of("hidden1", UnitTransform.permutation(new int[] {2, 0, 1}),
                "hidden2", UnitTransform.permutation(new int[] {4, 3, 0, 1, 2})));
        // unit 0 of hidden1 moved to position 2: its incoming row and bias moved, bit for bit
        for (int c = 0; c < IN; c++) {
            assertEquals(p.get("w1").at(c), q.get("w1").at(2 * IN + c), 0.0);
        }
        assertEquals(p.get("b1").at(1), q.get("b1").at(0), 0.0);
        assertTrue(p.distance(q) > 0.5, "a non-identity permutation moves the weights");
        assertTrue(worstRelativeChange(p, q, true, rng) <= 1e-14);
    }

    @Test
    void positiveScalingKeepsAReluNetAndGeneralLinearMapsKeepALinearNet() {
        SplittableRandom rng = new SplittableRandom(2);
        ParameterSet p = mlp(rng, H1);
        double[][] pd = {{0, 3.0, 0}, {0.25, 0, 0}, {0, 0, 7.5}};
        double[][] pdInv = {{0, 4.0, 0}, {1 / 3.0, 0, 0}, {0, 0, 1 / 7.5}};
        ParameterSet scaled = declaration(H1, Set.of(SymmetryClass.PERMUTATION_SCALING)).apply(p,
                Map.of("hidden1", new UnitTransform(SymmetryClass.PERMUTATION_SCALING, pd, pdInv)));
        assertTrue(worstRelativeChange(p, scaled, true, rng) <= 1e-14);

        double[][] g = {{1, 2, 0}, {0, 1, -1}, {3, 0, 1}};   // det = -5; the inverse is the adjugate over -5
        double[][] gInv = {{-1 / 5.0, 2 / 5.0, 2 / 5.0}, {3 / 5.0, -1 / 5.0, -1 / 5.0}, {3 / 5.0, -6 / 5.0, -1 / 5.0}};
        ParameterSet moved = declaration(H1, Set.of(SymmetryClass.INVERTIBLE)).apply(p,
                Map.of("hidden1", new UnitTransform(SymmetryClass.INVERTIBLE, g, gInv)));
        assertTrue(worstRelativeChange(p, moved, false, rng) <= 1e-13);
        // ... and the same map across a ReLU changes the function: the check can fail
        assertTrue(worstRelativeChange(p, moved, true, rng) > 1e-3);
    }

    @Test
    void aSemiPermutationWidensAReluLayerKeepingTheFunction() {
        SplittableRandom rng = new SplittableRandom(3);
        ParameterSet p = mlp(rng, H1);
        // 5 x 3: columns non-negative summing to 1, at most one positive entry per row
        double[][] s = {{0.25, 0, 0}, {0, 1, 0}, {0.75, 0, 0}, {0, 0, 0.5}, {0, 0, 0.5}};
        // (S^T S)^-1 S^T: S^T S = diag(0.625, 1, 0.5)
        double[][] b = {{0.25 / 0.625, 0, 0.75 / 0.625, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 0, 1, 1}};
        ParameterSet wide = declaration(H1, Set.of(SymmetryClass.SEMI_PERMUTATION)).apply(p,
                Map.of("hidden1", new UnitTransform(SymmetryClass.SEMI_PERMUTATION, s, b)));
        assertArrayEquals(new int[] {5, IN}, wide.get("w1").shape());
        assertArrayEquals(new int[] {H2, 5}, wide.get("w2").shape());
        assertTrue(worstRelativeChange(p, wide, true, rng) <= 1e-14);
    }

    @Test
    void alongIsTheKroneckerProductOnTheRange() {
        SplittableRandom rng = new SplittableRandom(4);
        int[] shape = {2, 9, 3};    // axis 1: one kept index, then 2 blocks of 4 indices
        Tensor t = new Tensor(shape, gaussian(rng, 2 * 9 * 3));
        double[][] map = {{0.5, -2}, {1, 0}, {0, 3}};  // 3 x 2: the range grows from 8 to 12 indices
        Tensor u = t.along(1, 1, 4, map);
        assertArrayEquals(new int[] {2, 13, 3}, u.shape());
        for (int a = 0; a < 2; a++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(t.at((a * 9) * 3 + k), u.at((a * 13) * 3 + k), 0.0, "index before the range kept");
                for (int i = 0; i < 3; i++) {
                    for (int r = 0; r < 4; r++) {
                        double expected = 0;
                        for (int j = 0; j < 2; j++) {
                            expected += map[i][j] * t.at((a * 9 + 1 + j * 4 + r) * 3 + k);
                        }
                        assertEquals(expected, u.at((a * 13 + 1 + i * 4 + r) * 3 + k), 1e-15);
                    }
                }
            }
        }
    }

    @Test
    void misfitsAreRefused() {
        ParameterSet p = mlp(new SplittableRandom(5), H1);
        SymmetryDeclaration wrong = declaration(H1 + 1, Set.of(SymmetryClass.PERMUTATION));
        assertThrows(IllegalArgumentException.class, () -> wrong.requireFits(p));
        SymmetryDeclaration d = declaration(H1, Set.of(SymmetryClass.PERMUTATION));
        assertThrows(IllegalArgumentException.class,
                () -> d.apply(p, Map.of("hidden1", UnitTransform.permutation(new int[] {1, 0}))));
        assertThrows(IllegalArgumentException.class, () -> UnitTransform.permutation(new int[] {0, 0, 1}));
        assertTrue(d.site("hidden1").isExact(SymmetryClass.PERMUTATION));
        assertTrue(!d.site("hidden1").isExact(SymmetryClass.ORTHOGONAL));
    }
}
