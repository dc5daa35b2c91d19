package io.symsweep.table;

/**
 * The distance from a point between two points of the orbit {@code S = {W_1 W_2 = A}} to {@code S}, Proposition 5.5
 * (Zhao et al. 2025): a row of {@link OrbitsTable}.
 *
 * @param configId           id of the configuration
 * @param sweep              the sweep's name
 * @param seed               the configuration's seed ({@code W_1, W_2} derive from it and {@code n})
 * @param n                  {@code W_1, W_2, A} are {@code n x n}
 * @param beta               {@code g_1 = beta I}, {@code g_2 = I / beta}
 * @param alpha              the interpolation weight: {@code M = (1-alpha) W' + alpha W''}
 * @param c                  {@code (1-alpha)/beta + alpha beta}: {@code M = (c W_1, e W_2)}
 * @param e                  {@code (1-alpha) beta + alpha/beta}
 * @param distance           {@code sqrt(distanceSquared)}
 * @param distanceSquared    the smallest value of Eq. (22) the optimiser found
 * @param lowerBoundSquared  {@code n min_x [s_1^2 (c - 1/x)^2 + s_2^2 (e - x)^2]}, {@code s_i = sigma_min(W_i)}
 * @param scalarBoundSquared Eq. (22) minimised over {@code g = x I} only, an upper bound
 * @param scalarFactor       that {@code x}
 * @param withinBounds       {@code lowerBoundSquared <= distanceSquared <= scalarBoundSquared} (1e-9 relative)
 * @param iterations         Newton steps of the best start
 * @param totalIterations    Newton steps of all six starts
 * @param bestStart          the start that gave the minimum
 * @param gradientNorm       {@code ||grad||_F} of Eq. (22) at the minimum found
 * @param status             CONVERGED, NOT_CONVERGED or SINGULAR
 * @param midpointOffset     {@code ||M - (W_1, W_2)||}
 * @param endpointDistance   {@code ||W' - W''||}
 * @param w1                 {@code W_1}, row-major
 * @param w2                 {@code W_2}, row-major
 * @param g                  the minimising {@code g}, row-major: the nearest point of {@code S} found is
 *                           {@code (W_1 g^-1, g W_2)}
 * @param config             canonical form of the configuration
 * @param codeVersion        symsweep version that computed the row
 */
public record OrbitRow(String configId, String sweep, long seed, int n, double beta, double alpha, double c, double e,
        double distance, double distanceSquared, double lowerBoundSquared, double scalarBoundSquared,
        double scalarFactor, boolean withinBounds, int iterations, int totalIterations, String bestStart,
        double gradientNorm, String status, double midpointOffset, double endpointDistance, double[] w1, double[] w2,
        double[] g, String config, String codeVersion) implements java.io.Serializable {
}
