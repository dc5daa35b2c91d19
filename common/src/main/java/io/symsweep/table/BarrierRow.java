package io.symsweep.table;

import io.symsweep.train.TrainingStatus;
import java.io.Serializable;
import java.util.Map;

/**
 * The loss along the straight line between a minimum and its rescaled copy: a row of {@link #TABLE}.
 */
public record BarrierRow(Provenance provenance,
        @ColumnDoc("config_id of the probed row in minima") String minimumId,
        @ColumnDoc("rescaling factor m") double factor,
        @ColumnDoc("i: W' multiplies W_i by m and W_{i+1} by m^-k (default the last two layers, i = l-1)") int rescaledLayer,
        @ColumnDoc("identity (W' = m . W) or best (W' = P (m . W), P the permutation of layer i's units found "
                + "with the lowest barrier, Prop 5.4)") String permutation,
        @ColumnDoc("interpolation grid from 0 to 1 (includes 0.5)") double[] alphas,
        @ColumnDoc("loss at (1-a) W + a W' for each alpha (W' permuted for best)") double[] losses,
        @ColumnDoc("max over alphas of L(a) - ((1-a) L(0) + a L(1))") double barrier,
        @ColumnDoc("loss at alpha = 0.5") double midpointLoss,
        @ColumnDoc("Proposition 5.3: (1 - (1-a+a m^-k)(1-a+a m)^k)^2 ||Y||_F^2 at a = 0.5") double closedFormMidpointLoss,
        @ColumnDoc("||W' - W|| over all weights") double endpointDistance,
        @ColumnDoc("none (identity only), exhaustive (all h! permutations, h <= 7) or matching (the identity "
                + "and the Kuhn-Munkres weight matching, h > 7)") String search,
        @ColumnDoc("permutations evaluated") int candidates,
        @ColumnDoc("the permutation P found, as the images of units 0..h-1 (the identity for search none)") int[] bestPermutation,
        @ColumnDoc("barrier with P = I (equals barrier when permutation is identity)") double identityBarrier,
        @ColumnDoc("c of Prop 5.6's bounded orbit: factors in [1/c, c]; null when unrestricted") Double factorRange,
        @ColumnDoc("max of Eq. (14) over a in [0, 1] and m in [1/c, c]: ((c + 1/c - 2)/4)^2 ||Y||_F^2 (k = 1); "
                + "null when unrestricted") Double rangeLossBound,
        @ColumnDoc("OK, NOT_FINITE (a loss is NaN or infinite) or MINIMUM_DIVERGED (the minimum's training "
                + "diverged)") Status status,
        @ColumnDoc("training status of the probed minimum: CONVERGED, NOT_CONVERGED or DIVERGED") TrainingStatus minimumStatus) implements Serializable {

    /** The table of these rows. */
    public static final Table<BarrierRow> TABLE = RecordTable.of("barriers", 3,
            "one row per minimum and probe setting: the loss along the line to the rescaled (and permuted) minimum",
            BarrierRow.class, Migration.renamed(2, "status", Map.of("NONFINITE", "NOT_FINITE")));

    /** How the probe ended. */
    public enum Status {
        OK, NOT_FINITE, MINIMUM_DIVERGED
    }
}
