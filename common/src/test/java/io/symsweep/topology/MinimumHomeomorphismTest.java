package io.symsweep.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.model.MlpParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proposition 4.1: f maps GL_h^(l-1) onto the minimum, f^-1 inverts it, and the class is the sign pattern. */
class MinimumHomeomorphismTest {

    /** Loss of f(g), relative to ||Y||^2: rounding of one h x h solve. */
    private static final double ON_MINIMUM = 1e-24;
    /** f^-1(f(g)) = g, entrywise, relative to the entries' size. */
    private static final double ROUND_TRIP = 1e-12;

    @ParameterizedTest(name = "l={0}, h={1}")
    @CsvSource({"2, 1", "2, 3", "3, 2", "4, 4", "6, 3"})
    void everyGroupElementMapsToTheMinimumAndBack(int l, int h) {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(h, 11L * l + h), l);
        SplittableRandom rng = new SplittableRandom(l * 100L + h);
        for (SignPattern p : Fixtures.allPatterns(l - 1)) {
            List<DMatrixRMaj> g = new ArrayList<>();
            for (int i = 0; i < l - 1; i++) {
                g.add(Fixtures.groupElement(h, p.sign(i), rng));
            }
            MlpParameters w = f.toMinimum(g);
            assertTrue(f.loss(w) <= ON_MINIMUM * f.yNorm2(), "loss " + f.loss(w));
            List<DMatrixRMaj> back = f.groupCoordinates(w);
            for (int i = 0; i < g.size(); i++) {
                assertTrue(MatrixFeatures_DDRM.isIdentical(g.get(i), back.get(i), ROUND_TRIP * 10),
                        "g_" + (i + 1) + " changed");
            }
            assertEquals(p, f.signPattern(w));
        }
    }

    /** X = Y = I, l = 3, h = 2: the classes of hand-built minima, read off the determinants. */
    @Test
    void handBuiltMinimaHaveTheirClasses() {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(2, new double[] {1, 0, 0, 1},
                new double[] {1, 0, 0, 1}), 3);
        // W3 W2 W1 = I with det W1 > 0, det W2 < 0.
        MlpParameters plusMinus = weights(f, new double[] {2, 0, 0, 1}, new double[] {0, 1, 1, 0},
                new double[] {0, 0.5, 1, 0});
        assertEquals(0.0, f.loss(plusMinus));
        assertEquals("+-", f.signPattern(plusMinus).label());
        // W1 a reflection, W2 a rotation by pi/2.
        MlpParameters minusPlus = weights(f, new double[] {1, 0, 0, -1}, new double[] {0, -1, 1, 0},
                new double[] {0, 1, 1, 0});
        assertEquals(0.0, f.loss(minusPlus));
        assertEquals("-+", f.signPattern(minusPlus).label());
        // Both negative: W1 = W2 = diag(-1, 1), W3 = I.
        MlpParameters minusMinus = weights(f, new double[] {-1, 0, 0, 1}, new double[] {-1, 0, 0, 1},
                new double[] {1, 0, 0, 1});
        assertEquals("--", f.signPattern(minusMinus).label());
        assertEquals(3, f.signPattern(minusMinus).index());
    }

    /** With X != I the first sign is that of det(W_1 X), not det W_1. */
    @Test
    void theFirstSignIsThatOfW1TimesX() {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(1, new double[] {-2}, new double[] {3}), 2);
        MlpParameters w = weights(f, new double[] {1}, new double[] {-1.5});
        assertEquals(0.0, f.loss(w));
        assertEquals("-", f.signPattern(w).label());
        assertEquals(9.0, f.singularLossBound(), 1e-15);
    }

    @Test
    void aSingularWeightHasNoClass() {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(2, 3), 3);
        MlpParameters w = weights(f, new double[] {1, 1, 1, 1}, new double[] {1, 0, 0, 1}, new double[] {1, 0, 0, 1});
        assertNull(f.signPattern(w));
        assertTrue(f.loss(w) >= f.singularLossBound(), "Eckart-Young");
    }

    @Test
    void rejectsNonSquareOrSingularData() {
        assertThrows(IllegalArgumentException.class, () -> new MinimumHomeomorphism(
                io.symsweep.model.RegressionData.gaussian(2, 2, 3, 1), 3));
        assertThrows(IllegalArgumentException.class, () -> new MinimumHomeomorphism(
                Fixtures.data(2, new double[] {1, 2, 2, 4}, new double[] {1, 0, 0, 1}), 3));
    }

    private static MlpParameters weights(MinimumHomeomorphism f, double[]... layers) {
        return new MlpParameters(f.architecture(), layers);
    }
}
