package io.symsweep.table;

/**
 * One sample of a component count: a row of {@link ComponentSamplesTable}.
 *
 * @param configId    id of the configuration
 * @param sweep       the sweep's name
 * @param seed        the configuration's seed
 * @param sample      the sample's index in its configuration
 * @param status      CONVERGED, NOT_CONVERGED, DIVERGED (trained) or ON_MINIMUM, OFF_MINIMUM (drawn)
 * @param steps       gradient-descent updates (0 when drawn)
 * @param polishSteps Gauss-Newton polishing steps after gradient descent (0 when drawn)
 * @param loss        the loss at {@code weights}
 * @param signPattern the class, e.g. {@code +-+}; {@code null} when not on the minimum
 * @param component   the component it was joined to (0-based); {@code null} when it joined none
 * @param permutation up to permutation: 1 where {@code P_i} is the transposition of units 1 and 2; else {@code null}
 * @param weights     {@code weights[i-1]} is {@code W_i}, row-major ({@code h x h}; 1 x 1 for the residual net)
 * @param config      canonical form of the configuration
 * @param codeVersion symsweep version that computed the row
 */
public record ComponentSampleRow(String configId, String sweep, long seed, int sample, String status, long steps,
        int polishSteps, double loss, String signPattern, Integer component, int[] permutation, double[][] weights,
        String config, String codeVersion) implements java.io.Serializable {
}
