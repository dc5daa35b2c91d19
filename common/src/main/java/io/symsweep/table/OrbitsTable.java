package io.symsweep.table;

import java.util.List;
import java.util.Map;

/** {@code orbits}: one row per (W_1, W_2, beta, alpha) of an orbit-distance sweep (Proposition 5.5). */
public final class OrbitsTable extends DeclaredTable<OrbitRow> {

    public static final String NAME = "orbits";
    public static final int SCHEMA_VERSION = 1;

    private static final List<Column<OrbitRow>> COLUMNS = withProvenance(SCHEMA_VERSION, OrbitRow::config,
            OrbitRow::codeVersion,
            Column.of("config_id", ColumnType.STRING, "id of the configuration (hash of its canonical form)",
                    OrbitRow::configId),
            Column.of("sweep", ColumnType.STRING, "name of the sweep that wrote the row", OrbitRow::sweep),
            Column.of("seed", ColumnType.LONG, "the configuration's seed: W_1, W_2 i.i.d. N(0, 1) derive from it and n",
                    OrbitRow::seed),
            Column.of("n", ColumnType.INT, "W_1, W_2 and A = W_1 W_2 are n x n", OrbitRow::n),
            Column.of("beta", ColumnType.DOUBLE, "g_1 = beta I, g_2 = I / beta", OrbitRow::beta),
            Column.of("alpha", ColumnType.DOUBLE, "interpolation weight: M = (1-alpha) W' + alpha W''",
                    OrbitRow::alpha),
            Column.of("c", ColumnType.DOUBLE, "(1-alpha)/beta + alpha beta: M = (c W_1, e W_2)", OrbitRow::c),
            Column.of("e", ColumnType.DOUBLE, "(1-alpha) beta + alpha/beta", OrbitRow::e),
            Column.of("distance", ColumnType.DOUBLE, "distance from M to S = {W_1 W_2 = A}: sqrt(distance_squared)",
                    OrbitRow::distance),
            Column.of("distance_squared", ColumnType.DOUBLE,
                    "Eq. (22): min over g in GL(n) of ||W_1 (c I - g^-1)||^2 + ||(e I - g) W_2||^2, the best local "
                    + "minimum the trust-region search found",
                    OrbitRow::distanceSquared),
            Column.of("lower_bound_squared", ColumnType.DOUBLE,
                    "n min_x>0 [s_1^2 (c - 1/x)^2 + s_2^2 (e - x)^2], s_i = sigma_min(W_i): a proven lower bound",
                    OrbitRow::lowerBoundSquared),
            Column.of("scalar_bound_squared", ColumnType.DOUBLE, "Eq. (22) minimised over g = x I only: an upper bound",
                    OrbitRow::scalarBoundSquared),
            Column.of("scalar_factor", ColumnType.DOUBLE, "the best scalar x", OrbitRow::scalarFactor),
            Column.of("within_bounds", ColumnType.BOOLEAN,
                    "lower_bound_squared <= distance_squared <= scalar_bound_squared, to 1e-9 relative",
                    OrbitRow::withinBounds),
            Column.of("iterations", ColumnType.INT, "Newton steps of the best start", OrbitRow::iterations),
            Column.of("total_iterations", ColumnType.INT, "Newton steps of all six starts", OrbitRow::totalIterations),
            Column.of("best_start", ColumnType.STRING,
                    "start of the best run: identity, midpoint (e I) or scalar (x I), each optionally -reflected "
                    + "(times diag(-1, 1, ..., 1), the other component of GL(n))", OrbitRow::bestStart),
            Column.of("gradient_norm", ColumnType.DOUBLE, "||grad||_F of Eq. (22) at the minimum found",
                    OrbitRow::gradientNorm),
            Column.of("status", ColumnType.STRING,
                    "CONVERGED (Newton decrement below the relative tolerance), NOT_CONVERGED or SINGULAR (A not "
                    + "invertible)",
                    OrbitRow::status),
            Column.of("midpoint_offset", ColumnType.DOUBLE, "||M - (W_1, W_2)||", OrbitRow::midpointOffset),
            Column.of("endpoint_distance", ColumnType.DOUBLE, "||W' - W''||", OrbitRow::endpointDistance),
            Column.of("w1", ColumnType.DOUBLE_ARRAY, "W_1, n x n row-major", OrbitRow::w1),
            Column.of("w2", ColumnType.DOUBLE_ARRAY, "W_2, n x n row-major", OrbitRow::w2),
            Column.of("g", ColumnType.DOUBLE_ARRAY,
                    "the minimising g, n x n row-major: the nearest point of S found is (W_1 g^-1, g W_2)",
                    OrbitRow::g));

    /** The declaration (after COLUMNS: static fields initialise in order). */
    public static final OrbitsTable INSTANCE = new OrbitsTable();

    private OrbitsTable() {
        super(NAME, SCHEMA_VERSION, "one row per orbit and beta: the distance from the interpolated point to the orbit S (Prop 5.5)", COLUMNS);
    }

    @Override
    public OrbitRow fromValues(Map<String, Object> v) {
        return new OrbitRow((String) v.get("config_id"), (String) v.get("sweep"), (Long) v.get("seed"),
                (Integer) v.get("n"), (Double) v.get("beta"), (Double) v.get("alpha"), (Double) v.get("c"),
                (Double) v.get("e"), (Double) v.get("distance"), (Double) v.get("distance_squared"),
                (Double) v.get("lower_bound_squared"), (Double) v.get("scalar_bound_squared"),
                (Double) v.get("scalar_factor"), (Boolean) v.get("within_bounds"), (Integer) v.get("iterations"),
                (Integer) v.get("total_iterations"), (String) v.get("best_start"), (Double) v.get("gradient_norm"),
                (String) v.get("status"), (Double) v.get("midpoint_offset"), (Double) v.get("endpoint_distance"),
                (double[]) v.get("w1"), (double[]) v.get("w2"), (double[]) v.get("g"), (String) v.get("config"),
                (String) v.get("code_version"));
    }
}
