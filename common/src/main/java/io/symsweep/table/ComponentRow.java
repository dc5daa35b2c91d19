package io.symsweep.table;

/**
 * One component count: a row of {@link ComponentsTable}.
 *
 * @param configId            id of the configuration
 * @param sweep               the sweep's name
 * @param seed                the configuration's seed
 * @param architecture        {@code linear} or {@code residual}
 * @param l                   layers
 * @param h                   width
 * @param eps                 skip-connection weight (0 for the linear net)
 * @param upToPermutation     components counted up to permutation of hidden units
 * @param samples             initialisations trained, or points drawn
 * @param converged           of them on the minimum
 * @param classesFound        distinct sign patterns among them
 * @param componentsMeasured  the measured count, or {@code null} when the status says it was not measured
 * @param componentsVerified  components whose connectivity was verified in full (a lower bound when not measured)
 * @param componentsPredicted the theory's count
 * @param pathsVerified       paths within a component below the tolerance
 * @param pathsFailed         paths tried that were not
 * @param maxLossWithinPaths  largest loss on the paths within components
 * @param minLossAtCrossings  least loss at a crossing between components
 * @param crossingsCertified  crossings at or above the bound
 * @param crossingsFailed     crossings below it, or segments without one
 * @param crossingBound       {@code sigma_min(Y)^2}
 * @param pathTolerance       the largest loss allowed within a path (absolute)
 * @param yNorm2              {@code ||Y||_F^2}
 * @param status              a {@code SurveyStatus} name, or DATA_REJECTED
 * @param config              canonical form of the configuration
 * @param codeVersion         symsweep version that computed the row
 */
public record ComponentRow(String configId, String sweep, long seed, String architecture, int l, int h, double eps,
        boolean upToPermutation, int samples, int converged, int classesFound, Integer componentsMeasured,
        int componentsVerified, int componentsPredicted, int pathsVerified, int pathsFailed,
        double maxLossWithinPaths, double minLossAtCrossings, int crossingsCertified, int crossingsFailed,
        double crossingBound, double pathTolerance, double yNorm2, String status, String config,
        String codeVersion) implements java.io.Serializable {
}
