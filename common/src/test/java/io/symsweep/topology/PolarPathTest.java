package io.symsweep.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.linalg.MatrixFunctions;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The path in GL_h that keeps the determinant's sign: exact ends, constant sign, continuity. */
class PolarPathTest {

    /** Ends of the path against A and B, relative Frobenius error. */
    private static final double ENDS = 1e-12;
    private static final int POINTS = 201;

    @ParameterizedTest(name = "h={0}, sign={1}")
    @CsvSource({"1, 1", "1, -1", "2, 1", "2, -1", "3, -1", "5, 1"})
    void keepsTheSignAndEndsAtBothMatrices(int h, int sign) {
        SplittableRandom rng = new SplittableRandom(h * 7L + sign);
        for (int trial = 0; trial < 10; trial++) {
            DMatrixRMaj a = Fixtures.groupElement(h, sign, rng);
            DMatrixRMaj b = Fixtures.groupElement(h, sign, rng);
            PolarPath path = PolarPath.between(a, b);
            assertTrue(relativeError(path.at(0), a) <= ENDS, "g(0) = A");
            assertTrue(relativeError(path.at(1), b) <= ENDS, "g(1) = B");
            double largestStep = 0;
            DMatrixRMaj previous = path.at(0);
            for (int k = 1; k < POINTS; k++) {
                DMatrixRMaj g = path.at((double) k / (POINTS - 1));
                assertEquals(sign, MatrixFunctions.determinantSign(g), "sign at t = " + k + "/" + (POINTS - 1));
                largestStep = Math.max(largestStep, NormOps_DDRM.normF(CommonOps_DDRM.subtract(g, previous, null)));
                previous = g;
            }
            // Lipschitz in t: |g'| <= ||K|| ||S(t)|| + ||S_B - S_A|| with ||K||_F <= pi sqrt(h) and
            // ||S(t)||_F <= ||A||_F + ||B||_F, so no step between grid points jumps.
            double sizes = NormOps_DDRM.normF(a) + NormOps_DDRM.normF(b);
            double lipschitz = Math.PI * Math.sqrt(h) * sizes + sizes;
            assertTrue(largestStep <= lipschitz / (POINTS - 1), "largest step " + largestStep);
        }
    }

    /** Rotation factors a half-turn apart have no principal logarithm: the path goes through another rotation. */
    @Test
    void aHalfTurnGoesThroughAnIntermediateRotation() {
        DMatrixRMaj a = new DMatrixRMaj(2, 2, true, 2, 0, 0, 1);
        DMatrixRMaj b = new DMatrixRMaj(2, 2, true, -1, 0, 0, -3); // -I times an SPD matrix: det > 0
        PolarPath path = PolarPath.between(a, b);
        assertTrue(path.hasIntermediateRotation());
        assertTrue(relativeError(path.at(1), b) <= ENDS);
        for (int k = 0; k < POINTS; k++) {
            assertEquals(1, MatrixFunctions.determinantSign(path.at((double) k / (POINTS - 1))));
        }
        assertFalse(PolarPath.between(a, a).hasIntermediateRotation());
    }

    @Test
    void refusesMatricesInDifferentComponents() {
        DMatrixRMaj a = new DMatrixRMaj(2, 2, true, 1, 0, 0, 1);
        DMatrixRMaj b = new DMatrixRMaj(2, 2, true, 1, 0, 0, -1);
        assertThrows(IllegalArgumentException.class, () -> PolarPath.between(a, b));
        assertThrows(IllegalArgumentException.class, () -> PolarPath.between(a, new DMatrixRMaj(2, 2)));
    }

    private static double relativeError(DMatrixRMaj actual, DMatrixRMaj expected) {
        return NormOps_DDRM.normF(CommonOps_DDRM.subtract(actual, expected, null)) / NormOps_DDRM.normF(expected);
    }
}
