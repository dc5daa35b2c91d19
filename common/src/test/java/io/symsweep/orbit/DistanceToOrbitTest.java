package io.symsweep.orbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Proposition 5.5's orbit distance: Eq. (22)'s derivatives, its two bounds, and its growth in beta. */
class DistanceToOrbitTest {

    private static DMatrixRMaj gaussian(SplittableRandom rng, int n, double shift) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            m.data[i] = rng.nextGaussian() + (i % (n + 1) == 0 ? shift : 0);
        }
        return m;
    }

    @Test
    void gradientAndHessianMatchFiniteDifferences() {
        // Central differences with h = 1e-6: truncation ~1e-12, rounding ~1e-16 f / h; tolerance 1e-7 relative to
        // the largest entry.
        int n = 3;
        SplittableRandom rng = new SplittableRandom(1);
        DMatrixRMaj w1 = gaussian(rng, n, 0);
        DMatrixRMaj w2 = gaussian(rng, n, 0);
        DMatrixRMaj g = gaussian(rng, n, 2);
        DistanceToOrbit.Objective f = new DistanceToOrbit.Objective(w1, w2, 1.7, 2.3);
        int d = n * n;
        double[] grad = new double[d];
        double[][] hess = new double[d][d];
        f.euclidean(g, grad, hess);
        double h = 1e-6;
        double gradError = 0;
        double hessError = 0;
        double hessScale = 0;
        for (int a = 0; a < d; a++) {
            DMatrixRMaj plus = g.copy();
            plus.data[a] += h;
            DMatrixRMaj minus = g.copy();
            minus.data[a] -= h;
            double[] gp = new double[d];
            double[] gm = new double[d];
            double fp = f.euclidean(plus, gp, null);
            double fm = f.euclidean(minus, gm, null);
            gradError = Math.max(gradError, Math.abs((fp - fm) / (2 * h) - grad[a]));
            for (int b = 0; b < d; b++) {
                hessError = Math.max(hessError, Math.abs((gp[b] - gm[b]) / (2 * h) - hess[b][a]));
                hessScale = Math.max(hessScale, Math.abs(hess[b][a]));
            }
        }
        assertTrue(gradError <= 1e-7, "gradient error " + gradError);
        assertTrue(hessError <= 1e-7 * hessScale, "Hessian error " + hessError + " of " + hessScale);
        // In the coordinates X -> g exp(X), the gradient is g' G: check it against differences along exp.
        double[] local = new double[d];
        f.derivatives(g, local, new double[d][d]);
        for (int a = 0; a < d; a++) {
            double[] x = new double[d];
            x[a] = h;
            double fp = f.value(f.move(g, x));
            x[a] = -h;
            double fm = f.value(f.move(g, x));
            assertEquals((fp - fm) / (2 * h), local[a], 1e-6, "local gradient " + a);
        }
    }

    @Test
    void withIdentityFactorsTheBoundsCoincideAndTheSearchAttainsThem() {
        // W_1 = W_2 = I: sigma_min = 1 and ||W||_F^2 = n, so the lower bound n min [(c-1/x)^2 + (e-x)^2] equals the
        // scalar bound, and Eq. (22) must equal both.
        int n = 3;
        for (double beta : new double[] {1.5, 4, 20}) {
            DistanceToOrbit.OrbitDistance d = DistanceToOrbit.midpoint(CommonOps_DDRM.identity(n),
                    CommonOps_DDRM.identity(n), beta, 0.5, 2000, 1e-12);
            assertEquals(d.lowerBoundSquared(), d.scalarBoundSquared(), 1e-12 * d.scalarBoundSquared());
            assertEquals(d.scalarBoundSquared(), d.distanceSquared(), 1e-9 * d.scalarBoundSquared(), "beta " + beta);
            assertEquals(DistanceToOrbit.Status.CONVERGED, d.status());
        }
    }

    @Test
    void theDistanceIsZeroAtBetaOneAndGrowsWithoutBound() {
        SplittableRandom rng = new SplittableRandom(7);
        DMatrixRMaj w1 = gaussian(rng, 3, 0);
        DMatrixRMaj w2 = gaussian(rng, 3, 0);
        DistanceToOrbit.OrbitDistance same = DistanceToOrbit.midpoint(w1, w2, 1, 0.5, 100, 1e-12);
        assertEquals(0.0, same.distanceSquared(), 0.0, "beta = 1: W' = W'' = W, whose g = I is exact");
        double previous = 0;
        double previousLower = 0;
        for (double beta : new double[] {2, 4, 8, 16, 32, 64}) {
            DistanceToOrbit.OrbitDistance d = DistanceToOrbit.midpoint(w1, w2, beta, 0.5, 2000, 1e-10);
            assertEquals(DistanceToOrbit.Status.CONVERGED, d.status(), "beta " + beta);
            assertTrue(d.lowerBoundSquared() <= d.distanceSquared() && d.distanceSquared() <= d.scalarBoundSquared(),
                    "beta " + beta + ": " + d);
            assertTrue(d.distance() > 1.5 * previous, "beta " + beta + ": " + d.distance() + " after " + previous);
            assertTrue(d.lowerBoundSquared() > 3 * previousLower, "the proven bound grows like beta^2");
            previous = d.distance();
            previousLower = d.lowerBoundSquared();
        }
    }

    @Test
    void theScalarMinimumIsTheMinimumOverAFineGrid() {
        double[] m = DistanceToOrbit.scalarMinimum(2.5, 0.7, 12.0, 9.0);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 1; i <= 2_000_000; i++) {
            double x = i * 1e-5;
            best = Math.min(best, 2.5 * Math.pow(12 - 1 / x, 2) + 0.7 * Math.pow(9 - x, 2));
        }
        assertTrue(m[1] <= best + 1e-12 * best, m[1] + " vs grid " + best);
        assertEquals(2.5 * Math.pow(12 - 1 / m[0], 2) + 0.7 * Math.pow(9 - m[0], 2), m[1], 1e-12 * m[1]);
    }
}
