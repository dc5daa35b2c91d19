package io.symsweep.experiment;

import io.symsweep.orbit.DistanceToOrbit;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.ConfigIds;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.sweep.SpecField;
import io.symsweep.table.OrbitRow;
import io.symsweep.table.Provenance;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code orbit-distance}: Proposition 5.5 (Zhao et al. 2025). For {@code S = {(W_1, W_2) : W_1 W_2 = A}}, the point
 * {@code M} at weight {@code alpha} between {@code W' = (W_1 / beta, beta W_2)} and
 * {@code W'' = (beta W_1, W_2 / beta)}, both in {@code S}, is at a distance from {@code S} that grows without bound
 * in {@code beta} ({@link DistanceToOrbit}). One configuration is one {@code (W_1, W_2)} (from the seed and
 * {@code n}), one {@code beta} and one {@code alpha}; no training.
 */
public final class OrbitDistance extends DeclaredExperiment implements IndependentExperiment {

    private static final long serialVersionUID = 1L;

    public static final String NAME = "orbit-distance";
    /** Largest {@code n}: each Newton step factors an {@code n^2 x n^2} Hessian, {@code n^6 / 3} flops. */
    public static final int MAX_N = 16;
    /** Relative slack of {@code within_bounds}. */
    public static final double BOUND_TOLERANCE = 1e-9;

    static final SpecField N = SpecField.integer("orbit.n",
                    "W_1, W_2 and A = W_1 W_2 are n x n, W_i i.i.d. N(0, 1) from the seed")
            .defaultsTo(4L).checked(Check.between(1, MAX_N));
    static final SpecField BETAS = SpecField.number("orbit.betas",
                    "beta: g_1 = beta I, g_2 = I / beta (each one a configuration)")
            .key("orbit.beta").required().checked(Check.greaterThan(0));
    static final SpecField ALPHA = SpecField.number("orbit.alpha", "interpolation weight: M = (1-alpha) W' + alpha W''")
            .defaultsTo(0.5).checked(Check.between(0, 1));
    static final SpecField MAX_ITERATIONS = SpecField.integer("optimizer.max_iterations",
                    "Newton steps per start (six starts)")
            .defaultsTo(5000L).checked(Check.between(0, 10_000_000));
    static final SpecField RELATIVE_TOLERANCE = SpecField.number("optimizer.relative_tolerance",
                    "converged when the Newton decrement lambda^2/2 <= this times |f|")
            .defaultsTo(1e-12).checked(Check.greaterThan(0));

    private static final List<SpecField> FIELDS = List.of(N, BETAS, ALPHA, MAX_ITERATIONS, RELATIVE_TOLERANCE);

    /**
     * One configuration, parsed once.
     *
     * @param seed              draws {@code W_1}, {@code W_2} with {@code n}
     * @param n                 the matrices are {@code n x n}
     * @param beta              {@code g_1 = beta I}
     * @param alpha             the interpolation weight
     * @param maxIterations     Newton steps per start
     * @param relativeTolerance the convergence threshold
     */
    public record Settings(long seed, int n, double beta, double alpha, int maxIterations, double relativeTolerance) {

        public static Settings parse(Configuration c) {
            return new Settings(c.seed(), c.smallInteger(N), c.number(BETAS), c.number(ALPHA),
                    c.smallInteger(MAX_ITERATIONS), c.number(RELATIVE_TOLERANCE));
        }
    }

    public OrbitDistance() {
        super(NAME, FIELDS, List.of(OrbitRow.TABLE));
    }

    /** Nothing is normalised and there is no cross-field rule. */
    @Override
    public java.util.Optional<io.symsweep.sweep.KeyDependencies> dependencies() {
        return java.util.Optional.of(new io.symsweep.sweep.KeyDependencies(java.util.Set.of(), List.of()));
    }

    /** {@code W_1} and {@code W_2}, i.i.d. N(0, 1), from the seed and {@code n} only ({@code W_1} first, row-major). */
    public static DMatrixRMaj[] factors(Settings s) {
        int n = s.n();
        SplittableRandom rng = new SplittableRandom(ConfigIds.seed("gaussian/" + s.seed() + "/" + n + "x" + n
                + "x2", "factors"));
        DMatrixRMaj[] w = {new DMatrixRMaj(n, n), new DMatrixRMaj(n, n)};
        for (DMatrixRMaj m : w) {
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = rng.nextGaussian();
            }
        }
        return w;
    }

    @Override
    public List<TableRows<?>> run(Configuration c, String sweep, ExecutionSettings execution) {
        return List.of(TableRows.of(OrbitRow.TABLE, measure(c, sweep)));
    }

    /** The distance of {@code c}'s interpolated point to {@code S}, with its bounds. */
    public OrbitRow measure(Configuration c, String sweep) {
        Settings s = Settings.parse(c);
        DMatrixRMaj[] w = factors(s);
        int n = s.n();
        double beta = s.beta();
        double alpha = s.alpha();
        DistanceToOrbit.OrbitDistance d = DistanceToOrbit.midpoint(w[0], w[1], beta, alpha, s.maxIterations(),
                s.relativeTolerance());
        double slack = 1e-12 * (normSquared(w[0]) + normSquared(w[1]));
        double d2 = d.distanceSquared();
        boolean within = d.lowerBoundSquared() <= d2 * (1 + BOUND_TOLERANCE) + slack
                && d2 <= d.scalarBoundSquared() * (1 + BOUND_TOLERANCE) + slack;
        return new OrbitRow(Provenance.of(c, sweep), n, beta, alpha, d.c(), d.e(), d.distance(), d2,
                d.lowerBoundSquared(), d.scalarBoundSquared(), d.scalarFactor(), within, d.iterations(),
                d.totalIterations(), d.bestStart(), d.gradientNorm(), d.status(), d.midpointOffset(),
                d.endpointDistance(), Arrays.copyOf(w[0].data, n * n), Arrays.copyOf(w[1].data, n * n), d.g().toArray());
    }

    private static double normSquared(DMatrixRMaj m) {
        double s = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            s += m.data[i] * m.data[i];
        }
        return s;
    }
}
