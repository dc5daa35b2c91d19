package io.symsweep.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Identities and closed forms of {@link MatrixFunctions} and {@link PolarDecomposition}. */
class MatrixFunctionsTest {

    /** {@code ||exp(log g) - g||_F / ||g||_F} on well-conditioned g (cond_2 <= ~60). */
    private static final double ROUND_TRIP_TOL = 1e-12;
    /** Entrywise absolute tolerance of closed forms with O(1) entries. */
    private static final double CLOSED_FORM_TOL = 1e-14;

    @Test
    void expOfLogRecoversRandomGroupElements() {
        // g = exp(B) with spectral radius of B about 2: eigenvalue arguments up to ~2 rad, cond(g) ~ e^4.
        forRandomGroupElements(1, 60, 2, 7, g -> {
            assertEquals(1, MatrixFunctions.determinantSign(g));
            MatrixLog log = MatrixFunctions.log(g);
            assertEquals(MatrixLog.Status.OK, log.status());
            double err = relativeError(MatrixFunctions.exp(log.value()), g);
            assertTrue(err <= ROUND_TRIP_TOL, g.numRows + " x " + g.numRows + ": " + err);
        });
    }

    @Test
    void expOfLogRecoversGaussianMatricesWithPositiveSpectrumOffTheNegativeAxis() {
        SplittableRandom rng = new SplittableRandom(2);
        int ok = 0;
        for (int trial = 0; trial < 80; trial++) {
            int n = 2 + trial % 6;
            DMatrixRMaj g = gaussian(rng, n, n, 1.0);
            CommonOps_DDRM.addEquals(g, 2.0, CommonOps_DDRM.identity(n)); // I-centred: mostly no negative eigenvalues
            if (MatrixFunctions.determinantSign(g) < 0 || conditionNumber(g) > 100) {
                continue;
            }
            MatrixLog log = MatrixFunctions.log(g);
            if (log.status() != MatrixLog.Status.OK) {
                assertTrue(log.status() == MatrixLog.Status.NOT_PRINCIPAL
                        || log.status() == MatrixLog.Status.NO_REAL_LOGARITHM, log.status().toString());
                continue;
            }
            ok++;
            double err = relativeError(MatrixFunctions.exp(log.value()), g);
            assertTrue(err <= ROUND_TRIP_TOL, "trial " + trial + ": " + err);
        }
        assertTrue(ok >= 40, "too few testable matrices: " + ok);
    }

    @Test
    void logOfExpRecoversSmallMatrices() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + trial % 8;
            DMatrixRMaj a = gaussian(rng, n, n, 0.7 / Math.sqrt(n)); // ||A||_2 about 1.4 < pi
            MatrixLog log = MatrixFunctions.log(MatrixFunctions.exp(a));
            assertEquals(MatrixLog.Status.OK, log.status());
            double err = relativeError(log.value(), a);
            assertTrue(err <= ROUND_TRIP_TOL, "trial " + trial + ": " + err);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1e-9, 0.3, 1.0, 3.0, -2.5, 10.0, 100.0})
    void expOfSkewMatrixIsRotation(double theta) {
        DMatrixRMaj skew = new DMatrixRMaj(new double[][] {{0, -theta}, {theta, 0}});
        DMatrixRMaj r = MatrixFunctions.exp(skew);
        DMatrixRMaj expected = rotation(theta);
        // Squaring s times multiplies rounding by about 2^s ~ |theta| / theta_13.
        double tol = CLOSED_FORM_TOL * Math.max(1, Math.abs(theta));
        assertArrayEquals(expected.data, r.data, tol);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-8, 0.1, 1.0, 2.0, 3.0, 3.1, -3.1})
    void logOfRotationIsSkewWithTheAngle(double theta) {
        MatrixLog log = MatrixFunctions.log(rotation(theta));
        assertEquals(MatrixLog.Status.OK, log.status());
        assertArrayEquals(new double[] {0, -theta, theta, 0}, log.value().data, CLOSED_FORM_TOL * 10);
    }

    @Test
    void logOfThreeDimensionalRotationIsItsGenerator() {
        DMatrixRMaj generator = new DMatrixRMaj(new double[][] {{0, -0.3, 1.2}, {0.3, 0, -0.5}, {-1.2, 0.5, 0}});
        MatrixLog log = MatrixFunctions.log(MatrixFunctions.exp(generator));
        assertEquals(MatrixLog.Status.OK, log.status());
        assertArrayEquals(generator.data, log.value().data, CLOSED_FORM_TOL * 10);
    }

    @Test
    void expAndLogOfDiagonalMatricesAreEntrywise() {
        double[] d = {-3.0, -0.5, 0.0, 1e-10, 0.7, 2.0, 6.0};
        DMatrixRMaj e = MatrixFunctions.exp(CommonOps_DDRM.diag(d));
        for (int i = 0; i < d.length; i++) {
            for (int j = 0; j < d.length; j++) {
                double expected = i == j ? Math.exp(d[i]) : 0;
                assertEquals(expected, e.get(i, j), 2e-15 * Math.max(1, expected));
            }
        }
        double[] positive = {1e-3, 0.5, 1.0, 2.0, 40.0, 1e4};
        MatrixLog log = MatrixFunctions.log(CommonOps_DDRM.diag(positive));
        assertEquals(MatrixLog.Status.OK, log.status());
        for (int i = 0; i < positive.length; i++) {
            for (int j = 0; j < positive.length; j++) {
                assertEquals(i == j ? Math.log(positive[i]) : 0, log.value().get(i, j), 1e-13);
            }
        }
    }

    @Test
    void logOfIdentityIsZeroAndExpOfZeroIsIdentity() {
        for (int n = 1; n <= 5; n++) {
            MatrixLog log = MatrixFunctions.log(CommonOps_DDRM.identity(n));
            assertEquals(MatrixLog.Status.OK, log.status());
            assertEquals(0.0, CommonOps_DDRM.elementMaxAbs(log.value()));
            assertArrayEquals(CommonOps_DDRM.identity(n).data, MatrixFunctions.exp(new DMatrixRMaj(n, n)).data);
        }
    }

    @Test
    void noRealLogarithmIsAStatus() {
        // det < 0: an odd number of negative eigenvalues.
        DMatrixRMaj reflection = CommonOps_DDRM.diag(-1, 2, 3);
        assertFailed(MatrixLog.Status.NO_REAL_LOGARITHM, MatrixFunctions.log(reflection));
        SplittableRandom rng = new SplittableRandom(4);
        for (int trial = 0; trial < 20; trial++) {
            DMatrixRMaj g = gaussian(rng, 4, 4, 1.0);
            if (MatrixFunctions.determinantSign(g) > 0) {
                CommonOps_DDRM.scaleRow(-1, g, 0);
            }
            assertFailed(MatrixLog.Status.NO_REAL_LOGARITHM, MatrixFunctions.log(g));
        }
        // det > 0, yet -1 and -2 each occur once: still no real logarithm (Culver 1966).
        assertFailed(MatrixLog.Status.NO_REAL_LOGARITHM, MatrixFunctions.log(CommonOps_DDRM.diag(-1, -2, 3)));
        // -I_2 is a rotation by pi: real logarithms exist, none principal.
        assertFailed(MatrixLog.Status.NOT_PRINCIPAL, MatrixFunctions.log(CommonOps_DDRM.diag(-1, -1)));
        assertFailed(MatrixLog.Status.NOT_PRINCIPAL, MatrixFunctions.log(CommonOps_DDRM.diag(-2, 5, -2)));
        assertFailed(MatrixLog.Status.SINGULAR, MatrixFunctions.log(CommonOps_DDRM.diag(1, 0, 2)));
        assertFailed(MatrixLog.Status.SINGULAR,
                MatrixFunctions.log(new DMatrixRMaj(new double[][] {{1, 2}, {2, 4}})));
        assertFailed(MatrixLog.Status.NOT_FINITE, MatrixFunctions.log(CommonOps_DDRM.diag(1, Double.NaN)));
    }

    @Test
    void principalSquareRootSquaresBack() {
        forRandomGroupElements(5, 20, 1, 6, a -> {
            DMatrixRMaj root = MatrixFunctions.principalSquareRoot(a);
            assertTrue(relativeError(CommonOps_DDRM.mult(root, root, null), a) <= ROUND_TRIP_TOL);
        });
        DMatrixRMaj root = MatrixFunctions.principalSquareRoot(CommonOps_DDRM.diag(4, 9, 1e-4));
        assertArrayEquals(CommonOps_DDRM.diag(2, 3, 1e-2).data, root.data, CLOSED_FORM_TOL);
    }

    @Test
    void polarFactorsAreOrthogonalAndSymmetricPositiveDefiniteAndReproduceA() {
        SplittableRandom rng = new SplittableRandom(6);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + trial % 6;
            int m = n + trial % 3; // square and tall
            DMatrixRMaj a = gaussian(rng, m, n, 1.0);
            PolarDecomposition p = PolarDecomposition.of(a);
            DMatrixRMaj qtq = CommonOps_DDRM.multTransA(p.q(), p.q(), null);
            assertArrayEquals(CommonOps_DDRM.identity(n).data, qtq.data, 1e-14);
            assertTrue(MatrixFeatures_DDRM.isSymmetric(p.s(), 0.0));
            assertTrue(MatrixFeatures_DDRM.isPositiveDefinite(p.s()));
            assertTrue(relativeError(CommonOps_DDRM.mult(p.q(), p.s(), null), a) <= 1e-14);
            if (m == n) {
                assertEquals(MatrixFunctions.determinantSign(a), MatrixFunctions.determinantSign(p.q()));
            }
        }
    }

    @Test
    void polarDecompositionOfRotationTimesSpdRecoversBoth() {
        DMatrixRMaj q = rotation(0.8);
        DMatrixRMaj s = new DMatrixRMaj(new double[][] {{2, 0.5}, {0.5, 1}});
        PolarDecomposition p = PolarDecomposition.of(CommonOps_DDRM.mult(q, s, null));
        assertArrayEquals(q.data, p.q().data, CLOSED_FORM_TOL * 10);
        assertArrayEquals(s.data, p.s().data, CLOSED_FORM_TOL * 10);
    }

    @Test
    void determinantSignSurvivesOverflowAndUnderflow() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            DMatrixRMaj a = gaussian(rng, 5, 5, 1.0);
            assertEquals((int) Math.signum(CommonOps_DDRM.det(a)), MatrixFunctions.determinantSign(a));
        }
        DMatrixRMaj huge = CommonOps_DDRM.diag(1e200, 1e200, -1e200);
        DMatrixRMaj tiny = CommonOps_DDRM.diag(1e-200, 1e-200, 1e-200);
        assertEquals(-1, MatrixFunctions.determinantSign(huge));
        assertEquals(1, MatrixFunctions.determinantSign(tiny));
        assertEquals(0, MatrixFunctions.determinantSign(new DMatrixRMaj(new double[][] {{1, 2}, {2, 4}})));
        assertEquals(-1, MatrixFunctions.determinantSign(new DMatrixRMaj(new double[][] {{0, 1}, {1, 0}})));
    }

    @Test
    void pseudoInverseSatisfiesThePenroseConditions() {
        SplittableRandom rng = new SplittableRandom(8);
        // Rank 2, 4 x 5.
        DMatrixRMaj a = CommonOps_DDRM.mult(gaussian(rng, 4, 2, 1.0), gaussian(rng, 2, 5, 1.0), null);
        DMatrixRMaj p = MatrixFunctions.pseudoInverse(a);
        DMatrixRMaj ap = CommonOps_DDRM.mult(a, p, null);
        DMatrixRMaj pa = CommonOps_DDRM.mult(p, a, null);
        assertTrue(relativeError(CommonOps_DDRM.mult(ap, a, null), a) <= 1e-13);
        assertTrue(relativeError(CommonOps_DDRM.mult(pa, p, null), p) <= 1e-13);
        assertTrue(MatrixFeatures_DDRM.isSymmetric(ap, 1e-13));
        assertTrue(MatrixFeatures_DDRM.isSymmetric(pa, 1e-13));
    }

    @Test
    void padeCoefficientsFollowTheirGenerator() {
        for (int i = 0; i < MatrixFunctions.EXP_DEGREES.length; i++) {
            int m = MatrixFunctions.EXP_DEGREES[i];
            long[] b = new long[m + 1];
            b[m] = 1;
            for (int j = m - 1; j >= 0; j--) {
                b[j] = b[j + 1] * (j + 1) * (2L * m - j) / (m - j);
            }
            for (int j = 0; j <= m; j++) {
                assertEquals((double) b[j], MatrixFunctions.EXP_PADE[i][j], "m=" + m + " b_" + j);
            }
        }
    }

    @Test
    void gaussLegendreIntegratesPolynomialsOfDegree2mMinus1Exactly() {
        for (int m = 1; m <= MatrixFunctions.MAX_LOG_DEGREE; m++) {
            double[][] nw = MatrixFunctions.gaussLegendre(m);
            for (int degree = 0; degree <= 2 * m - 1; degree++) {
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    sum += nw[1][j] * Math.pow(nw[0][j], degree);
                }
                assertEquals(1.0 / (degree + 1), sum, 1e-15, "m=" + m + " degree " + degree);
            }
        }
    }

    @Test
    void gaussErrorBoundDominatesTheScalarPadeError() {
        for (int m = 1; m <= 10; m++) {
            double[][] nw = MatrixFunctions.gaussLegendre(m);
            for (double x = 0.05; x <= 0.5; x += 0.05) {
                double r = 0;
                for (int j = 0; j < m; j++) {
                    r += nw[1][j] * (-x) / (1 - nw[0][j] * x);
                }
                double error = Math.abs(r - Math.log1p(-x));
                double bound = MatrixFunctions.gaussErrorConstant(m) * Math.pow(x / (1 - x), 2 * m + 1);
                assertTrue(error <= bound + 4e-16 * Math.abs(Math.log1p(-x)), "m=" + m + " x=" + x);
            }
        }
        assertEquals(8, MatrixFunctions.logPadeDegree(0.25));
        assertEquals(0, MatrixFunctions.logPadeDegree(0.9));
    }

    @Test
    void expOfNonFiniteIsNaN() {
        DMatrixRMaj e = MatrixFunctions.exp(CommonOps_DDRM.diag(1, Double.POSITIVE_INFINITY));
        for (double v : e.data) {
            assertTrue(Double.isNaN(v));
        }
    }

    private static void assertFailed(MatrixLog.Status expected, MatrixLog log) {
        assertEquals(expected, log.status());
        assertNull(log.value());
    }

    static DMatrixRMaj rotation(double theta) {
        return new DMatrixRMaj(new double[][] {{Math.cos(theta), -Math.sin(theta)}, {Math.sin(theta), Math.cos(theta)}});
    }

    /**
     * {@code check} of {@code trials} matrices {@code exp(B)}, {@code B} Gaussian with spectral radius about 2, of
     * sizes {@code smallest, smallest + 1, ...} cycling through {@code sizes} of them.
     */
    private static void forRandomGroupElements(long seed, int trials, int smallest, int sizes,
            java.util.function.Consumer<DMatrixRMaj> check) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int trial = 0; trial < trials; trial++) {
            int n = smallest + trial % sizes;
            check.accept(MatrixFunctions.exp(gaussian(rng, n, n, 2.0 / Math.sqrt(n))));
        }
    }

    static DMatrixRMaj gaussian(SplittableRandom rng, int rows, int cols, double std) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = std * rng.nextGaussian();
        }
        return m;
    }

    static double relativeError(DMatrixRMaj actual, DMatrixRMaj expected) {
        return NormOps_DDRM.normF(CommonOps_DDRM.subtract(actual, expected, null)) / NormOps_DDRM.normF(expected);
    }

    private static double conditionNumber(DMatrixRMaj a) {
        return NormOps_DDRM.conditionP2(a);
    }
}
