package io.symsweep.table;

import java.io.Serializable;

/**
 * One sample of a component count: a row of {@link #TABLE}.
 */
@Columns("""
        sample: the sample's index in its configuration (its initialisation seed derives from it)
        status: CONVERGED, NOT_CONVERGED, DIVERGED (trained) or ON_MINIMUM, OFF_MINIMUM (drawn)
        steps: gradient-descent updates applied (0 when drawn)
        polish_steps: Gauss-Newton polishing steps after gradient descent (0 when drawn or not polished)
        loss: loss at weights
        sign_pattern?: the class: signs of det(W_1 X), det W_2, ..., det W_{l-1}; residual: of w1 and w1 w2 + eps;
            null when not on the minimum
        component: the component it was joined to (0-based, numbered by first sample); null when it joined none
        permutation?: up to permutation: element i-1 is 1 where P_i is the transposition of units 1 and 2
            (Proposition 5.2), 0 where the identity; null otherwise
        weights: element i-1 is W_i row-major (h x h; the residual net's [[w1], [w2], [w3]])
        """)
public record ComponentSampleRow(Provenance provenance, int sample, Status status, long steps, int polishSteps,
        double loss, String signPattern, Integer component, int[] permutation, double[][] weights) implements Serializable {

    /** The table of these rows. */
    public static final Table<ComponentSampleRow> TABLE = RecordTable.of("component_samples", 1,
            "one row per sample of a components configuration: trained minima or drawn points, with class and component",
            ComponentSampleRow.class);

    /** How the sample ended: trained ({@code TrainingStatus}) or drawn on or off the minimum. */
    public enum Status {
        CONVERGED, NOT_CONVERGED, DIVERGED, ON_MINIMUM, OFF_MINIMUM
    }
}
