package io.symsweep.table;

import io.symsweep.train.TrainingStatus;
import java.io.Serializable;
import java.util.Map;

/**
 * The loss along the straight line between a minimum and its rescaled copy: a row of {@link #TABLE}.
 */
@Columns("""
        minimum_id: config_id of the probed row in minima
        factor: rescaling factor m
        rescaled_layer: i: W' multiplies W_i by m and W_{i+1} by m^-k (default the last two layers, i = l-1)
        permutation: identity (W' = m . W) or best (W' = P (m . W), P the permutation of layer i's units found with
            the lowest barrier, Prop 5.4)
        alphas: interpolation grid from 0 to 1 (includes 0.5)
        losses: loss at (1-a) W + a W' for each alpha (W' permuted for best)
        barrier: max over alphas of L(a) - ((1-a) L(0) + a L(1))
        midpoint_loss: loss at alpha = 0.5
        closed_form_midpoint_loss: Proposition 5.3: (1 - (1-a+a m^-k)(1-a+a m)^k)^2 ||Y||_F^2 at a = 0.5
        endpoint_distance: ||W' - W|| over all weights
        search: none (identity only), exhaustive (all h! permutations, h <= 7) or matching (the identity and the
            optimal linear-assignment weight matching, h > 7)
        candidates: permutations evaluated
        best_permutation: the permutation P found, as the images of units 0..h-1 (the identity for search none)
        identity_barrier: barrier with P = I (equals barrier when permutation is identity)
        factor_range: c of Prop 5.6's bounded orbit: factors in [1/c, c]; null when unrestricted
        range_loss_bound: max of Eq. (14) over a in [0, 1] and m in [1/c, c]: ((c + 1/c - 2)/4)^2 ||Y||_F^2 (k = 1);
            null when unrestricted
        status: OK, NOT_FINITE (a loss is NaN or infinite) or MINIMUM_DIVERGED (the minimum's training diverged)
        minimum_status: training status of the probed minimum: CONVERGED, NOT_CONVERGED or DIVERGED
        """)
public record BarrierRow(Provenance provenance, String minimumId, double factor, int rescaledLayer,
        String permutation, double[] alphas, double[] losses, double barrier, double midpointLoss,
        double closedFormMidpointLoss, double endpointDistance, String search, int candidates, int[] bestPermutation,
        double identityBarrier, Double factorRange, Double rangeLossBound, Status status,
        TrainingStatus minimumStatus) implements Serializable {

    /** The table of these rows. */
    public static final Table<BarrierRow> TABLE = RecordTable.of("barriers", 3,
            "one row per minimum and probe setting: the loss along the line to the rescaled (and permuted) minimum",
            BarrierRow.class, Migration.renamed(2, "status", Map.of("NONFINITE", "NOT_FINITE")));

    /** How the probe ended. */
    public enum Status {
        OK, NOT_FINITE, MINIMUM_DIVERGED
    }
}
