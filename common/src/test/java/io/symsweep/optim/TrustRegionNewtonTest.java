package io.symsweep.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The trust-region Newton method on functions whose minima are known. */
class TrustRegionNewtonTest {

    /** {@code f(p)}, with its gradient written into {@code g} and its Hessian into {@code h}. */
    @FunctionalInterface
    private interface Derivatives {
        double at(double[] p, double[] g, double[][] h);
    }

    /** A function on R^d given by value, gradient and Hessian, with the Euclidean retraction {@code p + x}. */
    private record Euclidean(int dimension, Derivatives f) implements TrustRegionNewton.Objective<double[]> {
        @Override
        public double derivatives(double[] p, double[] g, double[][] h) {
            return f.at(p, g, h);
        }

        @Override
        public double[] move(double[] p, double[] x) {
            double[] out = p.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] += x[i];
            }
            return out;
        }

        @Override
        public double value(double[] p) {
            return derivatives(p, new double[dimension], new double[dimension][dimension]);
        }
    }

    @Test
    void rosenbrockConvergesToOneOne() {
        Euclidean f = new Euclidean(2, (p, g, h) -> {
            double x = p[0];
            double y = p[1];
            g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
            g[1] = 200 * (y - x * x);
            h[0][0] = 2 - 400 * (y - 3 * x * x);
            h[0][1] = -400 * x;
            h[1][0] = -400 * x;
            h[1][1] = 200;
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        });
        TrustRegionNewton.Result<double[]> r = TrustRegionNewton.minimize(f, new double[] {-1.2, 1}, 200, 1e-14);
        assertEquals(TrustRegionNewton.Status.CONVERGED, r.status());
        assertEquals(1, r.point()[0], 1e-7);
        assertEquals(1, r.point()[1], 1e-7);
        assertTrue(r.iterations() < 100, "iterations " + r.iterations());
    }

    @Test
    void aSaddlePointIsLeftAlongNegativeCurvature() {
        // (x^2 - 1)^2 + y^2 has a saddle at the origin (gradient zero, Hessian diag(-4, 2)) and minima at x = +-1.
        Euclidean f = new Euclidean(2, (p, g, h) -> {
            double x = p[0];
            g[0] = 4 * x * (x * x - 1);
            g[1] = 2 * p[1];
            h[0][0] = 12 * x * x - 4;
            h[0][1] = 0;
            h[1][0] = 0;
            h[1][1] = 2;
            return (x * x - 1) * (x * x - 1) + p[1] * p[1];
        });
        TrustRegionNewton.Result<double[]> r = TrustRegionNewton.minimize(f, new double[] {0, 0}, 100, 1e-14);
        assertEquals(TrustRegionNewton.Status.CONVERGED, r.status());
        assertEquals(1, Math.abs(r.point()[0]), 1e-8);
        assertEquals(0, r.value(), 1e-15);
    }

    @Test
    void aFunctionInfiniteOutsideItsDomainKeepsTheIteratesInside() {
        // x - log x on x > 0, infinite elsewhere: minimum 1 at x = 1, approached from x = 50 through big steps.
        Euclidean f = new Euclidean(1, (p, g, h) -> {
            double x = p[0];
            if (!(x > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            g[0] = 1 - 1 / x;
            h[0][0] = 1 / (x * x);
            return x - Math.log(x);
        });
        TrustRegionNewton.Result<double[]> r = TrustRegionNewton.minimize(f, new double[] {50}, 500, 1e-15);
        assertEquals(TrustRegionNewton.Status.CONVERGED, r.status());
        assertEquals(1, r.point()[0], 1e-7);
        TrustRegionNewton.Result<double[]> outside = TrustRegionNewton.minimize(f, new double[] {-1}, 10, 1e-12);
        assertEquals(TrustRegionNewton.Status.NOT_FINITE, outside.status());
        TrustRegionNewton.Result<double[]> budget = TrustRegionNewton.minimize(f, new double[] {50}, 2, 1e-15);
        assertEquals(TrustRegionNewton.Status.NOT_CONVERGED, budget.status());
        assertEquals(2, budget.iterations());
    }
}
