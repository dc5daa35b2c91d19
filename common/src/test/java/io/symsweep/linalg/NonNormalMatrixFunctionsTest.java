package io.symsweep.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * exp and log of non-normal matrices held to closed forms (nilpotent, Jordan blocks, rotation-scaling, triangular with
 * distinct eigenvalues) and to golden values of an independent implementation (SciPy's {@code expm} and {@code logm};
 * generator {@code golden/matrix_functions.py} beside {@code golden/matrix_functions.txt}), not only to each other.
 */
class NonNormalMatrixFunctionsTest {

    /** Relative Frobenius error allowed against a closed form (entries O(1), condition O(10)). */
    private static final double CLOSED_FORM_TOL = 1e-14;
    /** Relative Frobenius error allowed against SciPy: two backward-stable algorithms, condition up to ~1e2. */
    private static final double GOLDEN_TOL = 1e-12;

    @Test
    void expOfNilpotentIsItsFiniteSeries() {
        // N^3 = 0: exp(N) = I + N + N^2 / 2 exactly.
        DMatrixRMaj n = new DMatrixRMaj(new double[][] {{0, 2, -3}, {0, 0, 5}, {0, 0, 0}});
        DMatrixRMaj expected = new DMatrixRMaj(new double[][] {{1, 2, -3 + 5}, {0, 1, 5}, {0, 0, 1}});
        assertClose(expected, MatrixFunctions.exp(n), CLOSED_FORM_TOL);
    }

    @Test
    void expAndLogOfAJordanBlock() {
        // J = l I + N, N the 3x3 shift: exp(J) = e^l (I + N + N^2/2), log(J) = log(l) I + N/l - N^2/(2 l^2).
        double l = 1.7;
        DMatrixRMaj j = new DMatrixRMaj(new double[][] {{l, 1, 0}, {0, l, 1}, {0, 0, l}});
        double e = Math.exp(l);
        assertClose(new DMatrixRMaj(new double[][] {{e, e, e / 2}, {0, e, e}, {0, 0, e}}), MatrixFunctions.exp(j),
                CLOSED_FORM_TOL);
        MatrixLog log = MatrixFunctions.log(j);
        assertEquals(MatrixLog.Status.OK, log.status());
        double ln = Math.log(l);
        assertClose(new DMatrixRMaj(new double[][] {{ln, 1 / l, -1 / (2 * l * l)}, {0, ln, 1 / l}, {0, 0, ln}}),
                log.value(), CLOSED_FORM_TOL);
    }

    @Test
    void expAndLogOfRotationScaling() {
        // A = [[a, -b], [b, a]]: exp(A) = e^a R(b); log(r R(t)) = [[log r, -t], [t, log r]] for |t| < pi.
        double a = -0.4;
        double b = 2.9;
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{a, -b}, {b, a}});
        DMatrixRMaj expected = MatrixFunctionsTest.rotation(b);
        CommonOps_DDRM.scale(Math.exp(a), expected);
        assertClose(expected, MatrixFunctions.exp(m), CLOSED_FORM_TOL);
        MatrixLog log = MatrixFunctions.log(expected);
        assertEquals(MatrixLog.Status.OK, log.status());
        assertClose(m, log.value(), CLOSED_FORM_TOL);
    }

    @Test
    void expAndLogOfATriangularMatrixWithDistinctEigenvalues() {
        // [[p, q], [0, s]]: f = [[f(p), q (f(p) - f(s)) / (p - s)], [0, f(s)]] (divided difference).
        double p = 0.3;
        double q = 7.5;
        double s = -1.1;
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{p, q}, {0, s}});
        assertClose(new DMatrixRMaj(new double[][] {{Math.exp(p), q * (Math.exp(p) - Math.exp(s)) / (p - s)},
            {0, Math.exp(s)}}), MatrixFunctions.exp(t), CLOSED_FORM_TOL);
        double gp = 2.5;
        double gs = 0.2;
        MatrixLog log = MatrixFunctions.log(new DMatrixRMaj(new double[][] {{gp, q}, {0, gs}}));
        assertEquals(MatrixLog.Status.OK, log.status());
        assertClose(new DMatrixRMaj(new double[][] {{Math.log(gp), q * (Math.log(gp) - Math.log(gs)) / (gp - gs)},
            {0, Math.log(gs)}}), log.value(), CLOSED_FORM_TOL);
    }

    /** One golden case: {@code f(a)} by SciPy. */
    record Golden(String name, DMatrixRMaj a, DMatrixRMaj f) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Golden> golden() throws IOException {
        List<String> lines;
        try (InputStream in = NonNormalMatrixFunctionsTest.class.getResourceAsStream("/golden/matrix_functions.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .toList();
        }
        List<Golden> out = new ArrayList<>();
        for (int i = 0; i + 3 < lines.size(); i += 4) {
            int n = Integer.parseInt(lines.get(i + 1));
            out.add(new Golden(lines.get(i), matrix(n, lines.get(i + 2)), matrix(n, lines.get(i + 3))));
        }
        assertEquals(7, out.size(), "the golden file's cases");
        return out.stream();
    }

    private static DMatrixRMaj matrix(int n, String line) {
        return new DMatrixRMaj(n, n, true, Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble)
                .toArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void agreesWithScipy(Golden g) {
        DMatrixRMaj actual;
        if (g.name().startsWith("exp/")) {
            actual = MatrixFunctions.exp(g.a());
        } else {
            MatrixLog log = MatrixFunctions.log(g.a());
            assertEquals(MatrixLog.Status.OK, log.status(), g.name());
            actual = log.value();
        }
        assertClose(g.f(), actual, GOLDEN_TOL);
        // Non-normal indeed: A A^T != A^T A by far more than rounding.
        DMatrixRMaj aat = CommonOps_DDRM.multTransB(g.a(), g.a(), null);
        DMatrixRMaj ata = CommonOps_DDRM.multTransA(g.a(), g.a(), null);
        assertTrue(NormOps_DDRM.normF(CommonOps_DDRM.subtract(aat, ata, null)) > 0.1 * NormOps_DDRM.normF(aat),
                g.name() + " is (nearly) normal");
    }

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, double tol) {
        double err = MatrixFunctionsTest.relativeError(actual, expected);
        assertTrue(err <= tol, "relative error " + err + " > " + tol + "\nexpected " + expected + "actual " + actual);
    }
}
