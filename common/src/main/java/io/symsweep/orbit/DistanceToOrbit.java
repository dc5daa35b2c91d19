package io.symsweep.orbit;

import com.google.common.primitives.ImmutableDoubleArray;
import io.symsweep.linalg.MatrixFunctions;
import io.symsweep.optim.TrustRegionNewton;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Proposition 5.5 (Zhao et al. 2025): for {@code S = {(W_1, W_2) : W_1 W_2 = A}} with {@code A} invertible, two points
 * of {@code S}, {@code W' = (W_1 g_1^-1, g_1 W_2)} and {@code W'' = (W_1 g_2^-1, g_2 W_2)}, have a point
 * {@code M = (1-a) W' + a W''} between them whose squared distance to {@code S} is Eq. (22),
 * <pre>  d^2 = min over g in GL(n) of ||W_1 (C - g^-1)||_F^2 + ||(D - g) W_2||_F^2,</pre>
 * {@code C = (1-a) g_1^-1 + a g_2^-1}, {@code D = (1-a) g_1 + a g_2}, since every point of {@code S} is
 * {@code (W_1 g^-1, g W_2)}. With {@code g_1 = beta I}, {@code g_2 = I / beta}, {@code C = c I} and {@code D = e I}
 * for {@code c = (1-a)/beta + a beta}, {@code e = (1-a) beta + a/beta}.
 *
 * <p>The minimum over {@code GL(n)} is found numerically by {@link TrustRegionNewton} in the coordinates
 * {@code g exp(X)} (which keep {@code det g}'s sign, so each run stays in the component it starts in) from six starts:
 * {@code I}, {@code e I} (the midpoint's own second factor), {@code x* I} (the best scalar) and each times
 * {@code diag(-1, 1, ..., 1)} (the other component of {@code GL(n)}); and, for {@code beta} beyond 2, from the
 * minimiser continued along {@code beta^(j/J)}, {@code j = 1..J}, with ratios at most 2 (each stage starting from the
 * previous stage's best; the first from the six starts). As {@code beta} grows the minimiser has eigenvalues near
 * {@code beta} and {@code 1/beta} and sits in a narrow curved valley, which continuation follows and cold starts
 * often do not. The problem is not convex: the result is the best local minimum found, an upper bound on the
 * distance. Two bounds bracket it:
 * <ul>
 *   <li>above, the minimum over scalar {@code g = x I}: {@code ||W_1||^2 (c - 1/x)^2 + ||W_2||^2 (e - x)^2};</li>
 *   <li>below, {@code n min_{x > 0} [s_1^2 (c - 1/x)^2 + s_2^2 (e - x)^2]} with {@code s_i = sigma_min(W_i)}: since
 *       {@code ||W_1 B|| >= s_1 ||B||}, {@code ||B W_2|| >= s_2 ||B||}, and for a Schur form {@code g = Q T Q*} the
 *       diagonals of {@code T} and {@code T^-1} are the eigenvalues {@code l_i} and {@code 1/l_i}, the objective is at
 *       least {@code sum_i [s_1^2 |c - 1/l_i|^2 + s_2^2 |e - l_i|^2]}, each term smallest for real positive
 *       {@code l_i} when {@code c, e > 0}. For {@code a = 1/2} and {@code beta -> infinity} this grows like
 *       {@code beta^2}: no {@code l} is near {@code c = e = (beta + 1/beta)/2} and {@code 1/c} at once, which is the
 *       proposition.</li>
 * </ul>
 * Both one-dimensional minima are over {@code x} in {@code [min(1/c, e), max(1/c, e)]}, outside of which the
 * derivative has one sign; they are found on a log-spaced grid refined by golden-section search.
 */
public final class DistanceToOrbit {

    /** Largest ratio of successive betas on the continuation path. */
    static final double CONTINUATION_RATIO = 2;
    /** Points of the log grid that brackets a one-dimensional minimum. */
    static final int SCALAR_GRID = 4097;

    private DistanceToOrbit() {
    }

    /** How the minimisation over {@code GL(n)} ended. */
    public enum Status {
        /** The best start converged ({@link TrustRegionNewton.Status#CONVERGED}). */
        CONVERGED,
        /** The best start ran out of iterations or its line search stalled; its value is still an upper bound. */
        NOT_CONVERGED,
        /** {@code W_1} or {@code W_2} is singular ({@code A} is not invertible), or the best {@code g} is. */
        SINGULAR
    }

    /**
     * The distance from the interpolated point to {@code S}, and what the search did.
     *
     * @param c                  {@code C = c I}
     * @param e                  {@code D = e I}
     * @param distanceSquared    the smallest Eq. (22) value found
     * @param g                  the minimising {@code g}, {@code n x n} row-major
     * @param gradientNorm       {@code ||grad||_F} there
     * @param iterations         Newton steps of the best start
     * @param totalIterations    Newton steps over all starts
     * @param bestStart          which start gave it: {@code identity}, {@code midpoint}, {@code scalar}, each
     *                           optionally {@code -reflected}
     * @param status             the best start's ending
     * @param scalarFactor       {@code x*}, the best scalar {@code g = x* I}
     * @param scalarBoundSquared Eq. (22) at {@code x* I}, an upper bound
     * @param lowerBoundSquared  the singular-value lower bound
     * @param midpointOffset     {@code ||M - W||}, how far the interpolated point is from {@code W = (W_1, W_2)}
     * @param endpointDistance   {@code ||W' - W''||}
     */
    public record OrbitDistance(double c, double e, double distanceSquared, ImmutableDoubleArray g, double gradientNorm,
            int iterations, int totalIterations, String bestStart, Status status, double scalarFactor,
            double scalarBoundSquared, double lowerBoundSquared, double midpointOffset, double endpointDistance) {

        /** {@code sqrt(distanceSquared)}. */
        public double distance() {
            return Math.sqrt(distanceSquared);
        }
    }

    /**
     * Eq. (22) for {@code g_1 = beta I}, {@code g_2 = I / beta} at interpolation weight {@code alpha}.
     *
     * @param w1 {@code W_1}, {@code n x n}
     * @param w2 {@code W_2}, {@code n x n}
     */
    public static OrbitDistance midpoint(DMatrixRMaj w1, DMatrixRMaj w2, double beta, double alpha, int maxIterations,
            double relativeTolerance) {
        int n = w1.numRows;
        if (w1.numCols != n || w2.numRows != n || w2.numCols != n) {
            throw new IllegalArgumentException("W_1 and W_2 must be n x n, found " + w1.numRows + "x" + w1.numCols
                    + " and " + w2.numRows + "x" + w2.numCols);
        }
        if (!(beta > 0) || !Double.isFinite(beta) || !(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("need beta > 0 and alpha in [0, 1], found " + beta + ", " + alpha);
        }
        double c = (1 - alpha) / beta + alpha * beta;
        double e = (1 - alpha) * beta + alpha / beta;
        double p = NormOps_DDRM.normF(w1);
        double q = NormOps_DDRM.normF(w2);
        double[] scalar = scalarMinimum(p * p, q * q, c, e);
        double s1 = MatrixFunctions.smallestSingularValue(w1);
        double s2 = MatrixFunctions.smallestSingularValue(w2);
        double lower = n * scalarMinimum(s1 * s1, s2 * s2, c, e)[1];
        double midpointOffset = Math.sqrt(p * p * (c - 1) * (c - 1) + q * q * (e - 1) * (e - 1));
        double endpointDistance = Math.sqrt((p * p + q * q) * Math.pow(beta - 1 / beta, 2));
        if (MatrixFunctions.determinantSign(w1) == 0 || MatrixFunctions.determinantSign(w2) == 0) {
            double[] nan = new double[n * n];
            java.util.Arrays.fill(nan, Double.NaN);
            return new OrbitDistance(c, e, Double.NaN, ImmutableDoubleArray.copyOf(nan), Double.NaN, 0, 0, "none", Status.SINGULAR, scalar[0],
                    scalar[1], lower, midpointOffset, endpointDistance);
        }
        Search search = new Search(maxIterations, relativeTolerance);
        // Continuation: the minimiser at beta^(j/J), j = 1..J-1, starts the search at beta^((j+1)/J).
        int stages = (int) Math.ceil(Math.abs(Math.log(beta)) / Math.log(CONTINUATION_RATIO));
        DMatrixRMaj continued = null;
        for (int j = 1; j < stages; j++) {
            double b = Math.pow(beta, (double) j / stages);
            double cj = (1 - alpha) / b + alpha * b;
            double ej = (1 - alpha) * b + alpha / b;
            Search stage = new Search(maxIterations, relativeTolerance);
            Objective objective = new Objective(w1, w2, cj, ej);
            if (continued == null) {
                stage.basicStarts(objective, n, ej, scalarMinimum(p * p, q * q, cj, ej)[0]);
            } else {
                stage.run(objective, "continued", continued);
            }
            search.total += stage.total;
            continued = stage.best.point();
        }
        Objective objective = new Objective(w1, w2, c, e);
        search.basicStarts(objective, n, e, scalar[0]);
        if (continued != null) {
            search.run(objective, "continued", continued);
        }
        TrustRegionNewton.Result<DMatrixRMaj> best = search.best;
        String bestName = search.bestName;
        int total = search.total;
        Status status = MatrixFunctions.determinantSign(best.point()) == 0 ? Status.SINGULAR
                : best.status() == TrustRegionNewton.Status.CONVERGED ? Status.CONVERGED
                : best.status() == TrustRegionNewton.Status.NOT_FINITE ? Status.SINGULAR : Status.NOT_CONVERGED;
        ImmutableDoubleArray g = ImmutableDoubleArray.copyOf(best.point().data).subArray(0, n * n).trimmed();
        return new OrbitDistance(c, e, best.value(), g,
                best.gradientNorm(), best.iterations(), total, bestName, status, scalar[0], scalar[1], lower,
                midpointOffset, endpointDistance);
    }

    /**
     * {@code {x*, f(x*)}} for {@code f(x) = a (c - 1/x)^2 + b (e - x)^2} over {@code x > 0}, with {@code c, e > 0}:
     * every critical point lies in {@code [min(1/c, e), max(1/c, e)]} (below it {@code f' < 0}, above it
     * {@code f' > 0}), which a log grid of {@link #SCALAR_GRID} points searches, refined by golden-section search
     * between the neighbours of the best grid point.
     */
    public static double[] scalarMinimum(double a, double b, double c, double e) {
        double lo = Math.min(1 / c, e);
        double hi = Math.max(1 / c, e);
        java.util.function.DoubleUnaryOperator f = x -> a * (c - 1 / x) * (c - 1 / x) + b * (e - x) * (e - x);
        if (lo == hi) {
            return new double[] {lo, f.applyAsDouble(lo)};
        }
        double ratio = Math.log(hi / lo);
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i < SCALAR_GRID; i++) {
            double x = lo * Math.exp(ratio * i / (SCALAR_GRID - 1));
            double v = f.applyAsDouble(x);
            if (v < bestValue) {
                bestValue = v;
                best = i;
            }
        }
        double left = lo * Math.exp(ratio * Math.max(0, best - 1) / (SCALAR_GRID - 1));
        double right = lo * Math.exp(ratio * Math.min(SCALAR_GRID - 1, best + 1) / (SCALAR_GRID - 1));
        double golden = (Math.sqrt(5) - 1) / 2;
        double x1 = right - golden * (right - left);
        double x2 = left + golden * (right - left);
        double f1 = f.applyAsDouble(x1);
        double f2 = f.applyAsDouble(x2);
        for (int k = 0; k < 200 && right - left > 1e-15 * right; k++) {
            if (f1 <= f2) {
                right = x2;
                x2 = x1;
                f2 = f1;
                x1 = right - golden * (right - left);
                f1 = f.applyAsDouble(x1);
            } else {
                left = x1;
                x1 = x2;
                f1 = f2;
                x2 = left + golden * (right - left);
                f2 = f.applyAsDouble(x2);
            }
        }
        double x = f1 <= f2 ? x1 : x2;
        double v = Math.min(f1, f2);
        return v <= bestValue ? new double[] {x, v} : new double[] {lo * Math.exp(ratio * best / (SCALAR_GRID - 1)),
                bestValue};
    }

    /** The best of several trust-region runs on one objective. */
    private static final class Search {
        private final int maxIterations;
        private final double relativeTolerance;
        TrustRegionNewton.Result<DMatrixRMaj> best;
        String bestName;
        int total;

        Search(int maxIterations, double relativeTolerance) {
            this.maxIterations = maxIterations;
            this.relativeTolerance = relativeTolerance;
        }

        /** {@code I}, {@code e I}, {@code x* I}, and each times {@code diag(-1, 1, ..., 1)}. */
        void basicStarts(Objective objective, int n, double e, double scalar) {
            for (String name : new String[] {"identity", "midpoint", "scalar"}) {
                double x = name.equals("identity") ? 1 : name.equals("midpoint") ? e : scalar;
                for (boolean reflected : new boolean[] {false, true}) {
                    DMatrixRMaj g = new DMatrixRMaj(n, n);
                    for (int i = 0; i < n; i++) {
                        g.set(i, i, (reflected && i == 0) ? -x : x);
                    }
                    run(objective, name + (reflected ? "-reflected" : ""), g);
                }
            }
        }

        void run(Objective objective, String name, DMatrixRMaj start) {
            TrustRegionNewton.Result<DMatrixRMaj> r = TrustRegionNewton.minimize(objective, start, maxIterations,
                    relativeTolerance);
            total += r.iterations();
            if (best == null || r.value() < best.value()) {
                best = r;
                bestName = name;
            }
        }
    }

    /**
     * Eq. (22), {@code f(g) = ||W_1 (c I - H)||^2 + ||(e I - g) W_2||^2} with {@code H = g^-1}, in the local
     * coordinates {@code X -> g exp(X)} of {@code GL(n)}; infinity at a singular {@code g}.
     *
     * <p>Euclidean derivatives ({@code vec} row-major): with {@code R_1 = W_1 (c I - H)}, {@code R_2 = (e I - g) W_2}
     * and {@code dH = -H dg H}, the gradient is {@code G = 2 H' W_1' R_1 H' - 2 R_2 W_2'} and the Hessian, entry
     * {@code ((i,j),(k,l))}, is {@code 2 P_ik Q_jl - 2 (K_li H_jk + K_jk H_li) + 2 delta_ik S_jl} for
     * {@code P = (W_1 H)'(W_1 H)}, {@code Q = H H'}, {@code K = H R_1' W_1 H}, {@code S = W_2 W_2'}: the terms are
     * {@code 2 <W_1 H E_a H, W_1 H E_b H>}, {@code -2 <R_1, W_1 H (E_a H E_b + E_b H E_a) H>} (the curvature of the
     * inverse) and {@code 2 <E_a W_2, E_b W_2>}. In the coordinates {@code X},
     * {@code g exp(X) = g (I + X + X^2/2 + ...)} gives the gradient {@code M = g' G} and the Hessian
     * {@code L' H_g L + (M_il delta_jk + M_kj delta_li) / 2} with {@code L X = g X}. The multiplicative coordinates
     * matter: along {@code g + t E} the inverse changes on the scale of {@code sigma_min(g)}, tiny when {@code beta}
     * is large, while along {@code g exp(t X)} both {@code g} and {@code g^-1} change by relative amounts of order
     * {@code t}. Cost {@code O(n^5)}.
     */
    static final class Objective implements TrustRegionNewton.Objective<DMatrixRMaj> {
        private final DMatrixRMaj w1;
        private final DMatrixRMaj w2;
        private final double c;
        private final double e;
        private final int n;

        Objective(DMatrixRMaj w1, DMatrixRMaj w2, double c, double e) {
            this.w1 = w1;
            this.w2 = w2;
            this.c = c;
            this.e = e;
            this.n = w1.numRows;
        }

        @Override
        public int dimension() {
            return n * n;
        }

        @Override
        public double value(DMatrixRMaj g) {
            return euclidean(g, null, null);
        }

        @Override
        public DMatrixRMaj move(DMatrixRMaj g, double[] x) {
            return CommonOps_DDRM.mult(g, MatrixFunctions.exp(new DMatrixRMaj(n, n, true, x)), null);
        }

        @Override
        public double derivatives(DMatrixRMaj g, double[] gradient, double[][] hessian) {
            int d = n * n;
            double[] ge = new double[d];
            double[][] he = new double[d][d];
            double f = euclidean(g, ge, he);
            if (!Double.isFinite(f)) {
                return f;
            }
            DMatrixRMaj m = CommonOps_DDRM.multTransA(g, new DMatrixRMaj(n, n, true, ge), null);
            System.arraycopy(m.data, 0, gradient, 0, d);
            // L' H_g L, block (j, l): g' B_jl g with B_jl[i][k] = H_g[(i,j),(k,l)].
            DMatrixRMaj block = new DMatrixRMaj(n, n);
            DMatrixRMaj tmp = new DMatrixRMaj(n, n);
            DMatrixRMaj out = new DMatrixRMaj(n, n);
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    for (int i = 0; i < n; i++) {
                        for (int k = 0; k < n; k++) {
                            block.set(i, k, he[i * n + j][k * n + l]);
                        }
                    }
                    CommonOps_DDRM.multTransA(g, block, tmp);
                    CommonOps_DDRM.mult(tmp, g, out);
                    for (int i = 0; i < n; i++) {
                        for (int k = 0; k < n; k++) {
                            hessian[i * n + j][k * n + l] = out.get(i, k);
                        }
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < n; k++) {
                        for (int l = 0; l < n; l++) {
                            double v = (j == k ? m.get(i, l) : 0) + (l == i ? m.get(k, j) : 0);
                            hessian[i * n + j][k * n + l] += 0.5 * v;
                        }
                    }
                }
            }
            return f;
        }

        /** {@code f(g)} with its Euclidean gradient and Hessian in {@code vec(g)} when the arrays are not null. */
        double euclidean(DMatrixRMaj g, double[] gradient, double[][] hessian) {
            if (MatrixFunctions.determinantSign(g) == 0) {
                return Double.POSITIVE_INFINITY;
            }
            DMatrixRMaj inv = new DMatrixRMaj(n, n);
            if (!CommonOps_DDRM.invert(g.copy(), inv)) {
                return Double.POSITIVE_INFINITY;
            }
            DMatrixRMaj w1inv = CommonOps_DDRM.mult(w1, inv, null);
            DMatrixRMaj r1 = w1.copy();
            CommonOps_DDRM.scale(c, r1);
            CommonOps_DDRM.subtractEquals(r1, w1inv);
            DMatrixRMaj r2 = w2.copy();
            CommonOps_DDRM.scale(e, r2);
            CommonOps_DDRM.subtractEquals(r2, CommonOps_DDRM.mult(g, w2, null));
            double n1 = NormOps_DDRM.normF(r1);
            double n2 = NormOps_DDRM.normF(r2);
            if (gradient != null) {
                DMatrixRMaj b = CommonOps_DDRM.multTransA(inv, CommonOps_DDRM.multTransA(w1, r1, null), null);
                DMatrixRMaj first = CommonOps_DDRM.multTransB(b, inv, null);
                DMatrixRMaj second = CommonOps_DDRM.multTransB(r2, w2, null);
                for (int i = 0; i < n * n; i++) {
                    gradient[i] = 2 * (first.data[i] - second.data[i]);
                }
            }
            if (hessian != null) {
                DMatrixRMaj p = CommonOps_DDRM.multTransA(w1inv, w1inv, null);
                DMatrixRMaj q = CommonOps_DDRM.multTransB(inv, inv, null);
                DMatrixRMaj k = CommonOps_DDRM.mult(CommonOps_DDRM.multTransB(inv, r1, null), w1inv, null);
                DMatrixRMaj sw = CommonOps_DDRM.multTransB(w2, w2, null);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        for (int a = 0; a < n; a++) {
                            for (int b = 0; b < n; b++) {
                                double v = 2 * p.get(i, a) * q.get(j, b)
                                        - 2 * (k.get(b, i) * inv.get(j, a) + k.get(j, a) * inv.get(b, i))
                                        + (i == a ? 2 * sw.get(j, b) : 0);
                                hessian[i * n + j][a * n + b] = v;
                            }
                        }
                    }
                }
            }
            return n1 * n1 + n2 * n2;
        }
    }
}
