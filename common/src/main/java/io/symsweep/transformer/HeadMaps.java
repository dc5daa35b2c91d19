package io.symsweep.transformer;

import static io.symsweep.transformer.TransformerParameters.attnBias;
import static io.symsweep.transformer.TransformerParameters.attnWeight;

import io.symsweep.optim.TrustRegionNewton;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.UnitTransform;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The factorised head mode: per head, the invertible maps that bring model B's factors onto model A's while keeping
 * the architecture, {@code M} for the query-key circuit ({@code W_Q M}, {@code W_K M^-T}) and {@code N} for the
 * value-output circuit ({@code W_V N}, {@code N^-1 W_O}). Each solves
 * <pre>  min_M  f(M) = ||X_B M - X_A||_F^2 + ||Y_B M^-T - Y_A||_F^2</pre>
 * ({@code X = [W_Q^h; b_Q^h]}, {@code Y = [W_K^h; b_K^h]}; for OV {@code X = [W_V^h; b_V^h]}, {@code Y = W_O^h^T}),
 * which is not convex in {@code M}. It starts from the best of the two one-sided least-squares solutions and the
 * identity, then minimises by Newton's method in a trust region ({@link TrustRegionNewton}) along the retraction
 * {@code M -> M (I + X)}: with {@code Q = X_B M}, {@code K = Y_B M^-T}, residuals {@code r_Q, r_K} and
 * {@code (I + X)^-T = I - X^T + X^T X^T + O(X^3)}, the gradient is {@code 2 (Q^T r_Q - r_K^T K)} and the Hessian
 * {@code H[(ij),(kl)] = 2 (A_ik d_jl + B_jl d_ik + d_il S_jk + d_kj S_li)} with {@code A = Q^T Q},
 * {@code B = K^T K}, {@code S = K^T r_K}. A planted map is recovered exactly (the start is then the minimiser);
 * otherwise the result is a local minimum (positive definite Hessian, Newton decrement below
 * {@code 1e-15 f}). Cost per iteration {@code O(d_head^6)} for the Hessian's eigendecomposition: negligible at
 * {@code d_head <= 16}.
 */
public final class HeadMaps {

    /** Trust-region Newton iterations at most. */
    static final int MAX_ITERATIONS = 200;
    /** A start with {@code f <= EXACT (||X_A||^2 + ||Y_A||^2)} is returned as it is (a planted map). */
    static final double EXACT = 1e-28;

    private HeadMaps() {
    }

    /**
     * The solution of one head's problem.
     *
     * @param map        {@code M}, {@code dh x dh}
     * @param inverse    {@code M^-1}
     * @param objective  {@code f(M)}
     * @param start      {@code f} at the starting point
     * @param iterations trust-region Newton iterations
     */
    public record Solution(double[][] map, double[][] inverse, double objective, double start, int iterations) {

        /** As the transform of a {@code .qk} or {@code .ov} site: forward {@code M^T}, backward {@code M^-T}. */
        public UnitTransform siteTransform() {
            return new UnitTransform(SymmetryClass.INVERTIBLE, Dense.transpose(map), Dense.transpose(inverse));
        }
    }

    /** {@code argmin_M ||xB M - xA||^2 + ||yB M^-T - yA||^2} as described above. */
    public static Solution solve(double[][] xA, double[][] yA, double[][] xB, double[][] yB) {
        int n = xA[0].length;
        double[][] best = null;
        double bestF = Double.POSITIVE_INFINITY;
        for (double[][] candidate : new double[][][] {leastSquares(xB, xA), invertTransposed(leastSquares(yB, yA)),
                Dense.identity(n)}) {
            if (candidate == null) {
                continue;
            }
            double f = objective(candidate, xA, yA, xB, yB);
            if (f < bestF) {
                bestF = f;
                best = candidate;
            }
        }
        double scale = Dense.squaredNorm(xA) + Dense.squaredNorm(yA);
        if (bestF <= EXACT * scale) {
            return new Solution(best, Dense.inverse(best), bestF, bestF, 0);
        }
        TrustRegionNewton.Result<double[][]> r = TrustRegionNewton.minimize(new Objective(xA, yA, xB, yB), best,
                MAX_ITERATIONS, 1e-15);
        double[][] m = r.value() < bestF ? r.point() : best;
        return new Solution(m, Dense.inverse(m), Math.min(r.value(), bestF), bestF, r.iterations());
    }

    /** {@code f} on {@code M}, in the local coordinates {@code X} of {@code M (I + X)} (row-major {@code X}). */
    private record Objective(double[][] xA, double[][] yA, double[][] xB, double[][] yB)
            implements TrustRegionNewton.Objective<double[][]> {

        @Override
        public double value(double[][] m) {
            try {
                return objective(m, xA, yA, xB, yB);
            } catch (ArithmeticException singular) {
                return Double.NaN;
            }
        }

        @Override
        public double derivatives(double[][] m, double[] gradient, double[][] hessian) {
            int n = m.length;
            double[][] minvT;
            try {
                minvT = Dense.transpose(Dense.inverse(m));
            } catch (ArithmeticException singular) {
                java.util.Arrays.fill(gradient, Double.NaN);
                return Double.NaN;
            }
            double[][] q = Dense.multiply(xB, m);
            double[][] k = Dense.multiply(yB, minvT);
            double[][] rq = subtract(q, xA);
            double[][] rk = subtract(k, yA);
            double[][] a = Dense.multiply(Dense.transpose(q), q);
            double[][] b = Dense.multiply(Dense.transpose(k), k);
            double[][] s = Dense.multiply(Dense.transpose(k), rk);
            double[][] g = subtract(Dense.multiply(Dense.transpose(q), rq), Dense.multiply(Dense.transpose(rk), k));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    gradient[i * n + j] = 2 * g[i][j];
                    for (int kk = 0; kk < n; kk++) {
                        for (int l = 0; l < n; l++) {
                            double h = 0;
                            if (j == l) {
                                h += a[i][kk];
                            }
                            if (i == kk) {
                                h += b[j][l];
                            }
                            if (i == l) {
                                h += s[j][kk];
                            }
                            if (kk == j) {
                                h += s[l][i];
                            }
                            hessian[i * n + j][kk * n + l] = 2 * h;
                        }
                    }
                }
            }
            return Dense.squaredNorm(rq) + Dense.squaredNorm(rk);
        }

        @Override
        public double[][] move(double[][] m, double[] x) {
            int n = m.length;
            double[][] step = Dense.identity(n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    step[i][j] += x[i * n + j];
                }
            }
            return Dense.multiply(m, step);
        }

        @Override
        public int dimension() {
            return xA[0].length * xA[0].length;
        }
    }

    /** {@code f(M)}. */
    public static double objective(double[][] m, double[][] xA, double[][] yA, double[][] xB, double[][] yB) {
        double[][] minvT = Dense.transpose(Dense.inverse(m));
        return Dense.squaredDistance(Dense.multiply(xB, m), xA) + Dense.squaredDistance(Dense.multiply(yB, minvT), yA);
    }

    /**
     * For every head of every layer, the maps taking {@code b}'s head {@code h} onto {@code a}'s head {@code h}
     * (heads already matched, residual stream already aligned), as transforms of the {@code .qk} and {@code .ov}
     * sites of {@link TransformerSymmetries}. Factorised heads only.
     */
    public static Map<String, UnitTransform> align(TransformerModel a, TransformerModel b) {
        TransformerArchitecture arch = a.architecture();
        if (!arch.equals(b.architecture()) || arch.attention() != TransformerArchitecture.Attention.FACTORISED) {
            throw new IllegalArgumentException("factorised models of one architecture, found " + arch.label() + " and "
                    + b.architecture().label());
        }
        Map<String, UnitTransform> out = new LinkedHashMap<>();
        for (int l = 0; l < arch.layers(); l++) {
            for (int h = 0; h < arch.heads(); h++) {
                out.put(TransformerSymmetries.queryKey(l, h), solve(queryFactor(a, l, h), keyFactor(a, l, h),
                        queryFactor(b, l, h), keyFactor(b, l, h)).siteTransform());
                out.put(TransformerSymmetries.valueOutput(l, h), solve(valueFactor(a, l, h), outputFactor(a, l, h),
                        valueFactor(b, l, h), outputFactor(b, l, h)).siteTransform());
            }
        }
        return out;
    }

    /** {@code [W_Q^h; b_Q^h]}, {@code (d+1) x dh}. */
    static double[][] queryFactor(TransformerModel m, int l, int h) {
        return factor(m, l, h, 'q');
    }

    /** {@code [W_K^h; b_K^h]}. */
    static double[][] keyFactor(TransformerModel m, int l, int h) {
        return factor(m, l, h, 'k');
    }

    /** {@code [W_V^h; b_V^h]}. */
    static double[][] valueFactor(TransformerModel m, int l, int h) {
        return factor(m, l, h, 'v');
    }

    /** {@code W_O^h^T}, {@code d x dh}. */
    static double[][] outputFactor(TransformerModel m, int l, int h) {
        TransformerArchitecture arch = m.architecture();
        return Dense.transpose(Dense.rowRange(Dense.rows(m.parameters().get(attnWeight(l, 'o'))), h * arch.dHead(),
                arch.dHead()));
    }

    private static double[][] factor(TransformerModel m, int l, int h, char which) {
        ParameterSet p = m.parameters();
        return Dense.withRow(CircuitMerging.headColumns(p.get(attnWeight(l, which)), m.architecture(), h),
                CircuitMerging.headEntries(p.get(attnBias(l, which)), m.architecture(), h));
    }

    /** {@code argmin_M ||x M - y||}, or null when {@code x} has not full column rank. */
    static double[][] leastSquares(double[][] x, double[][] y) {
        double[][] xt = Dense.transpose(x);
        try {
            return Dense.multiply(Dense.inverse(Dense.multiply(xt, x)), Dense.multiply(xt, y));
        } catch (ArithmeticException singular) {
            return null;
        }
    }

    private static double[][] invertTransposed(double[][] g) {
        if (g == null) {
            return null;
        }
        try {
            return Dense.transpose(Dense.inverse(g));
        } catch (ArithmeticException singular) {
            return null;
        }
    }

    private static double[][] subtract(double[][] a, double[][] b) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = a[i][j] - b[i][j];
            }
        }
        return c;
    }
}
