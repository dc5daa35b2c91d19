package io.symsweep.table;

/**
 * One network of Figure 3(a): a trained two-layer net {@code U s(V X)}, a random invertible {@code g}, and what the
 * approximate action of Eq. (6) does to its output (Proposition 6.1, Zhao et al. 2025). A row of
 * {@link ApproximateActionTable}.
 *
 * @param configId         id of the configuration
 * @param sweep            the sweep's name
 * @param seed             the configuration's seed (the dimensions, data and weights derive from it)
 * @param outputs          {@code m}: rows of {@code U} and of {@code Y}
 * @param hidden           {@code h}: hidden units, rows of {@code V}
 * @param inputs           {@code n}: columns of {@code V}, rows of {@code X}
 * @param samples          {@code k}: columns of {@code X} and {@code Y}
 * @param architecture     {@code mlp[n,h,m]/sigmoid}
 * @param hAtLeastK        {@code h >= k}, where Eq. (6) keeps the output exactly (generically)
 * @param groupElement     how {@code g} was drawn: {@code gaussian} or {@code exp}
 * @param g                {@code g}, {@code h x h} row-major
 * @param gConditionNumber {@code sigma_max(g) / sigma_min(g)}
 * @param gDeterminantSign the sign of {@code det g}
 * @param trainSteps       gradient-descent updates applied
 * @param learningRate     the step size used: {@code relative_step / L0}
 * @param initialLoss      the loss at the initial weights
 * @param lossBefore       {@code ||U s(V X) - Y||^2} at the trained weights
 * @param trainStatus      CONVERGED, NOT_CONVERGED or DIVERGED
 * @param trainSeconds     wall-clock training time
 * @param outputNorm       {@code ||U s(V X)||_F}
 * @param outputChange     {@code ||U s(V X) - U' s(V' X)||_F}
 * @param relativeChange   {@code outputChange / outputNorm}
 * @param boundHolds       {@code outputChange <= outputNorm}, Proposition 6.1, with no tolerance
 * @param featureRank      numerical rank of {@code s(g V X)}
 * @param exactOnOutput    {@code featureRank == k}: the map keeps the output exactly
 * @param lossAfter        {@code ||U' s(V' X) - Y||^2}
 * @param weights          the trained {@code [V, U]}, each row-major
 * @param x                {@code X}, {@code n x k} row-major
 * @param y                {@code Y}, {@code m x k} row-major
 * @param status           OK, SINGULAR_ELEMENT, MINIMUM_DIVERGED or NOT_FINITE
 * @param config           canonical form of the configuration
 * @param codeVersion      symsweep version that computed the row
 */
public record ApproximateActionRow(String configId, String sweep, long seed, int outputs, int hidden, int inputs,
        int samples, String architecture, boolean hAtLeastK, String groupElement, double[] g, double gConditionNumber,
        int gDeterminantSign, long trainSteps, double learningRate, double initialLoss, double lossBefore,
        String trainStatus, double trainSeconds, double outputNorm, double outputChange, double relativeChange,
        boolean boundHolds, int featureRank, boolean exactOnOutput, double lossAfter, double[][] weights, double[] x,
        double[] y, String status, String config, String codeVersion) implements java.io.Serializable {
}
