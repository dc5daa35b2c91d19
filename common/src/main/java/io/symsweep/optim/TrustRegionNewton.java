package io.symsweep.optim;

import io.symsweep.linalg.Vectors;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Minimisation of a twice-differentiable function by Newton's method in a trust region, along a retraction: the
 * Riemannian trust-region method (Absil, Mahony and Sepulchre 2008, Algorithm 10) with the trust-region subproblem
 * solved exactly from an eigendecomposition (Nocedal and Wright 2006, Algorithm 4.1 and Section 4.3, the hard case
 * included). At the current point {@code p} the objective supplies the gradient {@code g} and Hessian {@code H} of
 * {@code x -> f(R_p(x))} at {@code x = 0}; the step minimises {@code g'x + x'Hx/2} over {@code ||x|| <= Delta}, is
 * accepted when the actual decrease is at least a tenth of a percent of the predicted one, and {@code Delta} shrinks
 * or grows with that ratio. With {@code R_p(x) = p + x} this is the Euclidean method; a curved retraction such as
 * {@code g exp(X)} on {@code GL(n)} keeps steps inside the region where the quadratic model holds when {@code f}
 * involves {@code g^-1}. Unlike a line search along a modified Newton direction, the trust region follows narrow,
 * curved valleys whose Hessian is nearly singular or indefinite.
 *
 * <p>Convergence: {@code H} positive definite (its smallest eigenvalue above {@code -1e-9} times the largest, a
 * rounding-level negative counting as zero) and the Newton decrement {@code g'|H|^-1 g / 2}, the predicted remaining
 * decrease, at most {@code relativeTolerance |f|} (zero at a zero gradient). A saddle point, zero gradient and an
 * indefinite Hessian, is left along the most negative curvature (the hard case). Cost per iteration: one evaluation
 * with derivatives and a {@code d x d} symmetric eigendecomposition; rejected steps cost one value each.
 */
public final class TrustRegionNewton {

    /** Initial trust-region radius, in local coordinates. */
    static final double INITIAL_RADIUS = 1;
    /** Largest radius. */
    static final double MAX_RADIUS = 1e3;
    /** Smallest radius before the run counts as stalled. */
    static final double MIN_RADIUS = 1e-14;
    /** Acceptance threshold on actual / predicted decrease. */
    static final double ACCEPT = 1e-3;
    /** Eigenvalues above {@code -PSD_TOLERANCE} times the largest count as non-negative. */
    static final double PSD_TOLERANCE = 1e-9;

    private TrustRegionNewton() {
    }

    /**
     * A function on points {@code P} with local coordinates: a retraction {@code R_p} from {@code R^d} to points
     * near {@code p}, {@code R_p(0) = p}, and the derivatives of {@code f o R_p} at 0.
     *
     * @param <P> a point
     */
    public interface Objective<P> {
        /** {@code f(p)}; NaN or infinity outside the domain. */
        double value(P p);

        /** {@code f(p)}, with the gradient and Hessian of {@code x -> f(R_p(x))} at {@code x = 0} written out. */
        double derivatives(P p, double[] gradient, double[][] hessian);

        /** {@code R_p(x)}. */
        P move(P p, double[] x);

        /** The number of local coordinates {@code d}. */
        int dimension();
    }

    /** How a run ended. */
    public enum Status {
        /** The Newton decrement fell below the tolerance at a positive (semi)definite Hessian. */
        CONVERGED,
        /** The iteration budget ran out, or the trust region shrank to nothing. */
        NOT_CONVERGED,
        /** {@code f}, its gradient or its Hessian is NaN or infinite at the start. */
        NOT_FINITE
    }

    /**
     * The end of a run.
     *
     * @param point        the last accepted point
     * @param value        {@code f(point)}
     * @param gradientNorm {@code ||g||_2} in the local coordinates at {@code point}
     * @param decrement    {@code g'|H|^-1 g / 2} at {@code point}: the predicted remaining decrease
     * @param iterations   iterations (trust-region subproblems solved)
     * @param status       how the run ended
     * @param <P>          a point
     */
    public record Result<P>(P point, double value, double gradientNorm, double decrement, int iterations,
            Status status) {
    }

    /**
     * Minimises {@code f} from {@code start}.
     *
     * @param maxIterations     the budget of iterations, {@code >= 0}
     * @param relativeTolerance stop when the Newton decrement is at most {@code relativeTolerance |f|}
     */
    public static <P> Result<P> minimize(Objective<P> f, P start, int maxIterations, double relativeTolerance) {
        int d = f.dimension();
        P p = start;
        double[] g = new double[d];
        double[][] h = new double[d][d];
        double fx = f.derivatives(p, g, h);
        if (!Double.isFinite(fx) || !Vectors.allFinite(g) || !Vectors.allFinite(h)) {
            return new Result<>(p, fx, norm(g), Double.NaN, 0, Status.NOT_FINITE);
        }
        double radius = INITIAL_RADIUS;
        Eigen eig = Eigen.of(h);
        for (int iteration = 0; ; iteration++) {
            double gn = norm(g);
            double decrement = eig == null ? Double.NaN : eig.decrement(g);
            if (eig != null && eig.positiveDefinite() && (gn == 0 || decrement <= relativeTolerance * Math.abs(fx))) {
                return new Result<>(p, fx, gn, gn == 0 ? 0 : decrement, iteration, Status.CONVERGED);
            }
            if (iteration == maxIterations || eig == null || radius < MIN_RADIUS) {
                return new Result<>(p, fx, gn, decrement, iteration, Status.NOT_CONVERGED);
            }
            double[] x = eig.step(g, radius);
            double predicted = -(Vectors.dot(g, x) + 0.5 * quadratic(h, x));
            P candidate = f.move(p, x);
            double value = f.value(candidate);
            double ratio = (fx - value) / predicted;
            double length = norm(x);
            if (!(ratio >= 0.25)) {
                radius = 0.25 * length;
            } else if (ratio > 0.75 && length >= 0.99 * radius) {
                radius = Math.min(2 * radius, MAX_RADIUS);
            }
            if (ratio > ACCEPT && Double.isFinite(value)) {
                double[] gNext = new double[d];
                double[][] hNext = new double[d][d];
                double fNext = f.derivatives(candidate, gNext, hNext);
                if (Double.isFinite(fNext) && Vectors.allFinite(gNext) && Vectors.allFinite(hNext)) {
                    p = candidate;
                    fx = fNext;
                    g = gNext;
                    h = hNext;
                    eig = Eigen.of(h);
                } else {
                    radius = 0.25 * length;
                }
            }
        }
    }

    /** The eigendecomposition of a Hessian and the trust-region steps it gives. */
    private record Eigen(double[] values, double[][] vectors) {

        /** Null when the decomposition fails. */
        static Eigen of(double[][] h) {
            int d = h.length;
            EigenDecomposition_F64<DMatrixRMaj> e = DecompositionFactory_DDRM.eig(d, true, true);
            if (!e.decompose(new DMatrixRMaj(h))) {
                return null;
            }
            double[] values = new double[d];
            double[][] vectors = new double[d][];
            for (int i = 0; i < d; i++) {
                values[i] = e.getEigenvalue(i).getReal();
                vectors[i] = e.getEigenVector(i).data.clone();
            }
            return new Eigen(values, vectors);
        }

        double largest() {
            double m = 0;
            for (double v : values) {
                m = Math.max(m, Math.abs(v));
            }
            return m;
        }

        double smallest() {
            double m = Double.POSITIVE_INFINITY;
            for (double v : values) {
                m = Math.min(m, v);
            }
            return m;
        }

        boolean positiveDefinite() {
            return smallest() > -PSD_TOLERANCE * largest();
        }

        /** {@code g'|H|^-1 g / 2}, eigenvalues floored at {@code 1e-300}. */
        double decrement(double[] g) {
            double s = 0;
            for (int i = 0; i < values.length; i++) {
                double c = Vectors.dot(vectors[i], g);
                s += c * c / Math.max(Math.abs(values[i]), 1e-300);
            }
            return 0.5 * s;
        }

        /** {@code argmin g'x + x'Hx/2} over {@code ||x|| <= radius} (Moré-Sorensen via the eigenbasis). */
        double[] step(double[] g, double radius) {
            int d = values.length;
            double[] c = new double[d];
            for (int i = 0; i < d; i++) {
                c[i] = Vectors.dot(vectors[i], g);
            }
            double lowest = smallest();
            if (lowest > 0) {
                double[] newton = combine(c, 0);
                if (norm(newton) <= radius) {
                    return newton;
                }
            }
            // ||x(mu)|| = radius for mu > max(0, -lowest): ||x(mu)|| decreases in mu.
            double lo = Math.max(0, -lowest);
            double scale = Math.max(largest(), Double.MIN_NORMAL);
            double hi = lo + norm(g) / radius + scale;
            double[] atLo = combineSafe(c, lo);
            if (atLo == null || norm(atLo) > radius) {
                for (int k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
                    double mid = 0.5 * (lo + hi);
                    double[] x = combine(c, mid);
                    if (norm(x) > radius) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                return combine(c, hi);
            }
            // Hard case: even at mu = -lowest the step is inside; add the lowest eigenvector to reach the boundary.
            int k = 0;
            for (int i = 1; i < d; i++) {
                if (values[i] < values[k]) {
                    k = i;
                }
            }
            double inside = norm(atLo);
            double tau = Math.sqrt(Math.max(0, radius * radius - inside * inside));
            double[] x = atLo.clone();
            Vectors.addScaled(x, tau, vectors[k]);
            return x;
        }

        /** {@code -sum_i c_i / (lambda_i + mu) q_i}. */
        private double[] combine(double[] c, double mu) {
            int d = values.length;
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                Vectors.addScaled(x, -c[i] / (values[i] + mu), vectors[i]);
            }
            return x;
        }

        /**
         * {@link #combine} leaving out the components whose {@code lambda_i + mu} vanishes; null if one of them has a
         * nonzero {@code c_i}.
         */
        private double[] combineSafe(double[] c, double mu) {
            int d = values.length;
            double[] x = new double[d];
            double tiny = 1e-14 * Math.max(largest(), Double.MIN_NORMAL);
            for (int i = 0; i < d; i++) {
                double denominator = values[i] + mu;
                if (Math.abs(denominator) <= tiny) {
                    if (Math.abs(c[i]) > 1e-12 * norm(c)) {
                        return null;
                    }
                    continue;
                }
                Vectors.addScaled(x, -c[i] / denominator, vectors[i]);
            }
            return x;
        }
    }

    private static double quadratic(double[][] h, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double v = 0;
            for (int j = 0; j < x.length; j++) {
                v += h[i][j] * x[j];
            }
            s += x[i] * v;
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(Vectors.dot(a, a));
    }

}
