package io.symsweep.experiment;

import io.symsweep.BuildInfo;
import io.symsweep.probe.OrbitDistanceProbe;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.ConfigIds;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SpecField;
import io.symsweep.table.OrbitRow;
import io.symsweep.table.OrbitsTable;
import io.symsweep.table.Table;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code orbit-distance}: Proposition 5.5 (Zhao et al. 2025). For {@code S = {(W_1, W_2) : W_1 W_2 = A}}, the point
 * {@code M} at weight {@code alpha} between {@code W' = (W_1 / beta, beta W_2)} and
 * {@code W'' = (beta W_1, W_2 / beta)}, both in {@code S}, is at a distance from {@code S} that grows without bound
 * in {@code beta} ({@link OrbitDistanceProbe}). One configuration is one {@code (W_1, W_2)} (from the seed and
 * {@code n}), one {@code beta} and one {@code alpha}; no training.
 */
public final class OrbitDistance implements IndependentExperiment {

    private static final long serialVersionUID = 1L;

    public static final String NAME = "orbit-distance";
    /** Largest {@code n}: each Newton step factors an {@code n^2 x n^2} Hessian, {@code n^6 / 3} flops. */
    public static final int MAX_N = 16;
    /** Relative slack of {@code within_bounds}. */
    public static final double BOUND_TOLERANCE = 1e-9;

    private static final List<SpecField> FIELDS = List.of(
            SpecField.integer("orbit.n", "W_1, W_2 and A = W_1 W_2 are n x n, W_i i.i.d. N(0, 1) from the seed")
                    .defaultsTo(4L).checked(Check.between(1, MAX_N)),
            SpecField.number("orbit.betas", "beta: g_1 = beta I, g_2 = I / beta (each one a configuration)")
                    .key("orbit.beta").required().checked(Check.greaterThan(0)),
            SpecField.number("orbit.alpha", "interpolation weight: M = (1-alpha) W' + alpha W''")
                    .defaultsTo(0.5).checked(Check.between(0, 1)),
            SpecField.integer("optimizer.max_iterations", "Newton steps per start (six starts)")
                    .defaultsTo(5000L).checked(Check.between(0, 10_000_000)),
            SpecField.number("optimizer.relative_tolerance",
                    "converged when the Newton decrement lambda^2/2 <= this times |f|")
                    .defaultsTo(1e-12).checked(Check.greaterThan(0)));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SpecField> fields() {
        return FIELDS;
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(OrbitsTable.INSTANCE);
    }

    /** {@code W_1} and {@code W_2}, i.i.d. N(0, 1), from the seed and {@code n} only ({@code W_1} first, row-major). */
    public static DMatrixRMaj[] factors(Configuration c) {
        int n = c.getInt("orbit.n");
        SplittableRandom rng = new SplittableRandom(ConfigIds.seed("gaussian/" + c.getLong("seed") + "/" + n + "x" + n
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
    public List<TableRows<?>> run(Configuration c, String sweep) {
        return List.of(TableRows.of(OrbitsTable.INSTANCE, measure(c, sweep)));
    }

    /** The distance of {@code c}'s interpolated point to {@code S}, with its bounds. */
    public OrbitRow measure(Configuration c, String sweep) {
        DMatrixRMaj[] w = factors(c);
        int n = c.getInt("orbit.n");
        double beta = c.getDouble("orbit.beta");
        double alpha = c.getDouble("orbit.alpha");
        OrbitDistanceProbe.OrbitDistance d = OrbitDistanceProbe.midpoint(w[0], w[1], beta, alpha,
                c.getInt("optimizer.max_iterations"), c.getDouble("optimizer.relative_tolerance"));
        double slack = 1e-12 * (normSquared(w[0]) + normSquared(w[1]));
        double d2 = d.distanceSquared();
        boolean within = d.lowerBoundSquared() <= d2 * (1 + BOUND_TOLERANCE) + slack
                && d2 <= d.scalarBoundSquared() * (1 + BOUND_TOLERANCE) + slack;
        return new OrbitRow(c.id(), sweep, c.getLong("seed"), n, beta, alpha, d.c(), d.e(), d.distance(), d2,
                d.lowerBoundSquared(), d.scalarBoundSquared(), d.scalarFactor(), within, d.iterations(),
                d.totalIterations(), d.bestStart(), d.gradientNorm(), d.status().name(), d.midpointOffset(),
                d.endpointDistance(), Arrays.copyOf(w[0].data, n * n), Arrays.copyOf(w[1].data, n * n), d.g(),
                c.canonicalForm(), BuildInfo.version());
    }

    private static double normSquared(DMatrixRMaj m) {
        double s = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            s += m.data[i] * m.data[i];
        }
        return s;
    }
}
