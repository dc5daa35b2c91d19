package io.symsweep.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.UnitTransform;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The factorised head mode's solver, and the eigen-angle spectrum. */
class HeadMapsTest {

    private static double[][] gaussian(int r, int c, SplittableRandom rng) {
        double[][] m = new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                m[i][j] = TransformerParameters.gaussian(rng);
            }
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8, 16})
    void aPlantedMapIsRecovered(int dh) {
        SplittableRandom rng = new SplittableRandom(dh);
        int rows = 3 * dh + 1;
        double[][] xA = gaussian(rows, dh, rng);
        double[][] yA = gaussian(rows, dh, rng);
        UnitTransform g = PlantedTransforms.invertible(dh, rng);
        double[][] gm = g.forward();
        double[][] gInvT = Dense.transpose(g.backward());
        double[][] xB = Dense.multiply(xA, gm);
        double[][] yB = Dense.multiply(yA, gInvT);
        HeadMaps.Solution s = HeadMaps.solve(xA, yA, xB, yB);
        double[][] expected = g.backward();   // G^-1
        assertTrue(Dense.squaredDistance(s.map(), expected) <= 1e-16 * Dense.squaredNorm(expected),
                "M = G^-1 to 1e-8: " + Math.sqrt(Dense.squaredDistance(s.map(), expected)));
        assertTrue(s.objective() <= 1e-20 * (Dense.squaredNorm(xA) + Dense.squaredNorm(yA)));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void onUnrelatedFactorsTheSolutionIsStationary(int dh) {
        SplittableRandom rng = new SplittableRandom(100 + dh);
        int rows = 2 * dh + 1;
        double[][] xA = gaussian(rows, dh, rng);
        double[][] yA = gaussian(rows, dh, rng);
        double[][] xB = gaussian(rows, dh, rng);
        double[][] yB = gaussian(rows, dh, rng);
        HeadMaps.Solution s = HeadMaps.solve(xA, yA, xB, yB);
        assertTrue(s.objective() < s.start(), "Newton improved on the least-squares start: " + s.start() + " -> "
                + s.objective());
        double g = gradientNorm(s.map(), xA, yA, xB, yB);
        double g0 = gradientNorm(HeadMaps.leastSquares(xB, xA), xA, yA, xB, yB);
        assertTrue(g <= 1e-6 * g0, "|grad f| at the solution " + g + " vs at the one-sided start " + g0);
        assertEquals(HeadMaps.objective(s.map(), xA, yA, xB, yB), s.objective(), 1e-12 * s.objective());
    }

    /** Central differences of {@code f} in every entry of {@code m}. */
    private static double gradientNorm(double[][] m, double[][] xA, double[][] yA, double[][] xB, double[][] yB) {
        double h = 1e-6;
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                double[][] p = copy(m);
                double[][] q = copy(m);
                p[i][j] += h;
                q[i][j] -= h;
                double d = (HeadMaps.objective(p, xA, yA, xB, yB) - HeadMaps.objective(q, xA, yA, xB, yB)) / (2 * h);
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Test
    void theFactorisedModeUndoesPlantedPerHeadMapsOnAModel() {
        Fixtures.Case c = Fixtures.cases().get(3);
        TransformerModel a = new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 31));
        SymmetryDeclaration d = TransformerSymmetries.declaration(c.arch());
        TransformerModel b = new TransformerModel(c.arch(), d.apply(a.parameters(), PlantedTransforms.atEverySite(d,
                n -> n.endsWith(".qk") || n.endsWith(".ov"), Set.of(SymmetryClass.INVERTIBLE), 32)));
        assertTrue(a.parameters().distance(b.parameters()) > 1);
        Map<String, UnitTransform> maps = HeadMaps.align(a, b);
        TransformerModel aligned = new TransformerModel(c.arch(), d.apply(b.parameters(), maps));
        double dist = a.parameters().distance(aligned.parameters());
        assertTrue(dist <= 1e-8, "B' = A to 1e-8: " + dist);
        assertTrue(FunctionalEquivalence.relativeError(b, aligned, c.data()) <= 1e-9);
    }

    @Test
    void eigenAnglesOfAConjugatedBlockRotation() {
        SplittableRandom rng = new SplittableRandom(8);
        double[] theta = {0.3, 1.2, 2.9};
        int n = 2 * theta.length + 2;
        double[][] r = new double[n][n];
        for (int k = 0; k < theta.length; k++) {
            r[2 * k][2 * k] = Math.cos(theta[k]);
            r[2 * k][2 * k + 1] = -Math.sin(theta[k]);
            r[2 * k + 1][2 * k] = Math.sin(theta[k]);
            r[2 * k + 1][2 * k + 1] = Math.cos(theta[k]);
        }
        r[n - 2][n - 2] = 1;
        r[n - 1][n - 1] = -1;
        double[][] q = PlantedTransforms.haar(n, rng);
        double[][] conj = Dense.multiply(Dense.multiply(q, r), Dense.transpose(q));
        double[] expected = {-2.9, -1.2, -0.3, 0, 0.3, 1.2, 2.9, Math.PI};
        assertArrayEquals(expected, OrthogonalSpectrum.eigenAngles(conj), 1e-10);
        assertArrayEquals(new double[4], OrthogonalSpectrum.eigenAngles(Dense.identity(4)), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> OrthogonalSpectrum.eigenAngles(new double[][] {{1, 0.1}, {0, 1}}));
    }
}
