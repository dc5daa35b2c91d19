package io.symsweep.topology;

import java.util.List;

/**
 * A count of the connected components of a set of minima, with its evidence.
 *
 * @param samples             points sampled: initialisations trained, or points drawn on the minimum
 * @param converged           samples on the minimum (training reached the loss tolerance)
 * @param classesFound        distinct sign patterns among them
 * @param componentsVerified  components whose connectivity was verified in full (a class with every member
 *                            joined to its representative and every crossing to another class certified; up to
 *                            permutation, the single class after alignment; for the 1-D residual net, the
 *                            union-find sets)
 * @param componentsPredicted the theory's number: {@code 2^(l-1)}, 1 up to permutation, 4 or 3 for Prop 4.3
 * @param pathsVerified       paths within a component found below the loss tolerance
 * @param pathsFailed         paths tried that were not (for the residual net: segments too high to join)
 * @param maxLossWithinPaths  the largest loss on any path within a component (NaN when none was tried)
 * @param minLossAtCrossings  the least loss at any certified or failed crossing (NaN when none was tried)
 * @param crossingsCertified  crossings whose loss met the bound
 * @param crossingsFailed     crossings that did not, or (residual net) segments with no crossing at all
 * @param crossingBound       the loss every crossing must reach: {@code sigma_min(Y)^2}
 * @param pathTolerance       the largest loss a path within a component may have
 * @param status              whether the count is measured, and why not
 * @param outcomes            one per sample, in sample order
 */
public record ComponentSurvey(int samples, int converged, int classesFound, int componentsVerified,
        int componentsPredicted, int pathsVerified, int pathsFailed, double maxLossWithinPaths,
        double minLossAtCrossings, int crossingsCertified, int crossingsFailed, double crossingBound,
        double pathTolerance, SurveyStatus status, List<SampleOutcome> outcomes) {

    public ComponentSurvey {
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
        outcomes = List.copyOf(outcomes);
    }

    /** The measured number of components, or {@code null} when the status says it was not measured. */
    public Integer componentsMeasured() {
        return status.measured() ? componentsVerified : null;
    }

    /**
     * What became of one sample.
     *
     * @param weights     the sample's weights (as trained or drawn)
     * @param loss        its loss
     * @param onMinimum   true when it counts as a point of the minimum
     * @param pattern     its class, or {@code null} when not on the minimum
     * @param component   its component (0-based, numbered by first sample), or {@code null} when it joined none
     * @param permutation up to permutation: element {@code i-1} is 1 when {@code P_i} is the transposition of
     *                    units 1 and 2; {@code null} otherwise
     */
    public record SampleOutcome(double[][] weights, double loss, boolean onMinimum, SignPattern pattern,
            Integer component, int[] permutation) {
    }
}
