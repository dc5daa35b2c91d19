package io.symsweep.table;

import io.symsweep.orbit.DistanceToOrbit;
import java.io.Serializable;

/**
 * The distance from a point between two points of the orbit {@code S = {W_1 W_2 = A}} to {@code S}, Proposition
 * 5.5 (Zhao et al. 2025): a row of {@link #TABLE}.
 */
@Columns("""
        n: W_1, W_2 and A = W_1 W_2 are n x n
        beta: g_1 = beta I, g_2 = I / beta
        alpha: interpolation weight: M = (1-alpha) W' + alpha W''
        c: (1-alpha)/beta + alpha beta: M = (c W_1, e W_2)
        e: (1-alpha) beta + alpha/beta
        distance: distance from M to S = {W_1 W_2 = A}: sqrt(distance_squared)
        distance_squared: Eq. (22): min over g in GL(n) of ||W_1 (c I - g^-1)||^2 + ||(e I - g) W_2||^2, the best
            local minimum the trust-region search found
        lower_bound_squared: n min_x>0 [s_1^2 (c - 1/x)^2 + s_2^2 (e - x)^2], s_i = sigma_min(W_i): a proven lower
            bound
        scalar_bound_squared: Eq. (22) minimised over g = x I only: an upper bound
        scalar_factor: the best scalar x
        within_bounds: lower_bound_squared <= distance_squared <= scalar_bound_squared, to 1e-9 relative
        iterations: Newton steps of the best start
        total_iterations: Newton steps of all six starts
        best_start: start of the best run: identity, midpoint (e I) or scalar (x I), each optionally -reflected
            (times diag(-1, 1, ..., 1), the other component of GL(n))
        gradient_norm: ||grad||_F of Eq. (22) at the minimum found
        status: CONVERGED (Newton decrement below the relative tolerance), NOT_CONVERGED or SINGULAR (A not
            invertible)
        midpoint_offset: ||M - (W_1, W_2)||
        endpoint_distance: ||W' - W''||
        w1: W_1, n x n row-major
        w2: W_2, n x n row-major
        g: the minimising g, n x n row-major: the nearest point of S found is (W_1 g^-1, g W_2)
        """)
public record OrbitRow(Provenance provenance, int n, double beta, double alpha, double c, double e, double distance,
        double distanceSquared, double lowerBoundSquared, double scalarBoundSquared, double scalarFactor,
        boolean withinBounds, int iterations, int totalIterations, String bestStart, double gradientNorm,
        DistanceToOrbit.Status status, double midpointOffset, double endpointDistance, double[] w1, double[] w2,
        double[] g) implements Serializable {

    /** The table of these rows. */
    public static final Table<OrbitRow> TABLE = RecordTable.of("orbits", 1,
            "one row per orbit and beta: the distance from the interpolated point to the orbit S (Prop 5.5)",
            OrbitRow.class);
}
