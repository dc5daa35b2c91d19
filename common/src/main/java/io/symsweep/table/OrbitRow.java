package io.symsweep.table;

import io.symsweep.orbit.DistanceToOrbit;
import java.io.Serializable;

/**
 * The distance from a point between two points of the orbit {@code S = {W_1 W_2 = A}} to {@code S}, Proposition
 * 5.5 (Zhao et al. 2025): a row of {@link #TABLE}.
 */
public record OrbitRow(Provenance provenance,
        @ColumnDoc("W_1, W_2 and A = W_1 W_2 are n x n") int n,
        @ColumnDoc("g_1 = beta I, g_2 = I / beta") double beta,
        @ColumnDoc("interpolation weight: M = (1-alpha) W' + alpha W''") double alpha,
        @ColumnDoc("(1-alpha)/beta + alpha beta: M = (c W_1, e W_2)") double c,
        @ColumnDoc("(1-alpha) beta + alpha/beta") double e,
        @ColumnDoc("distance from M to S = {W_1 W_2 = A}: sqrt(distance_squared)") double distance,
        @ColumnDoc("Eq. (22): min over g in GL(n) of ||W_1 (c I - g^-1)||^2 + ||(e I - g) W_2||^2, the best "
                + "local minimum the trust-region search found") double distanceSquared,
        @ColumnDoc("n min_x>0 [s_1^2 (c - 1/x)^2 + s_2^2 (e - x)^2], s_i = sigma_min(W_i): a proven lower bound") double lowerBoundSquared,
        @ColumnDoc("Eq. (22) minimised over g = x I only: an upper bound") double scalarBoundSquared,
        @ColumnDoc("the best scalar x") double scalarFactor,
        @ColumnDoc("lower_bound_squared <= distance_squared <= scalar_bound_squared, to 1e-9 relative") boolean withinBounds,
        @ColumnDoc("Newton steps of the best start") int iterations,
        @ColumnDoc("Newton steps of all six starts") int totalIterations,
        @ColumnDoc("start of the best run: identity, midpoint (e I) or scalar (x I), each optionally -reflected "
                + "(times diag(-1, 1, ..., 1), the other component of GL(n))") String bestStart,
        @ColumnDoc("||grad||_F of Eq. (22) at the minimum found") double gradientNorm,
        @ColumnDoc("CONVERGED (Newton decrement below the relative tolerance), NOT_CONVERGED or SINGULAR (A not "
                + "invertible)") DistanceToOrbit.Status status,
        @ColumnDoc("||M - (W_1, W_2)||") double midpointOffset,
        @ColumnDoc("||W' - W''||") double endpointDistance,
        @ColumnDoc("W_1, n x n row-major") double[] w1,
        @ColumnDoc("W_2, n x n row-major") double[] w2,
        @ColumnDoc("the minimising g, n x n row-major: the nearest point of S found is (W_1 g^-1, g W_2)") double[] g) implements Serializable {

    /** The table of these rows. */
    public static final Table<OrbitRow> TABLE = RecordTable.of("orbits", 1,
            "one row per orbit and beta: the distance from the interpolated point to the orbit S (Prop 5.5)",
            OrbitRow.class);
}
