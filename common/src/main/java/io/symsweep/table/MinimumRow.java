package io.symsweep.table;

/**
 * One trained minimum: a row of {@link MinimaTable}.
 *
 * @param configId     id of the minimum's configuration (the sweep configuration without probe settings)
 * @param sweep        the sweep's name
 * @param kind         the experiment kind
 * @param seed         the configuration's seed
 * @param architecture {@code mlp[8,16,4]/leaky_relu(0.01)}
 * @param engine       {@code dense} or {@code dl4j}
 * @param steps        gradient steps taken
 * @param finalLoss    {@code ||Y - f(X)||_F^2} at the stored weights
 * @param status       CONVERGED, NOT_CONVERGED or DIVERGED
 * @param trainSeconds wall-clock training time; in a batch, the batch's wall time over its size
 * @param weights      {@code weights[i-1]} is {@code W_i}, row-major, shaped by the architecture
 * @param yNorm2       {@code ||Y||_F^2}
 * @param config       the canonical form of the configuration
 * @param codeVersion  symsweep version that computed the row
 */
public record MinimumRow(String configId, String sweep, String kind, long seed, String architecture, String engine,
        long steps, double finalLoss, String status, double trainSeconds, double[][] weights, double yNorm2,
        String config, String codeVersion) implements java.io.Serializable {
}
