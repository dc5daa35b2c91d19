package io.symsweep.table;

import io.symsweep.train.TrainingStatus;
import java.io.Serializable;
import java.util.Map;

/**
 * One network of Figure 3(a): a trained two-layer net {@code U s(V X)}, a random invertible {@code g}, and what
 * the approximate action of Eq. (6) does to its output (Proposition 6.1, Zhao et al. 2025). A row of {@link #TABLE}.
 */
public record ApproximateActionRow(Provenance provenance,
        @ColumnDoc("m: outputs, U is m x h, Y is m x k") int outputs,
        @ColumnDoc("h: hidden units, V is h x n") int hidden,
        @ColumnDoc("n: input features, X is n x k") int inputs,
        @ColumnDoc("k: samples, the columns of X and Y") int samples,
        @ColumnDoc("the network, e.g. mlp[n,h,m]/sigmoid") String architecture,
        @ColumnDoc("h >= k: s(g V X) generically has full column rank and Eq. (6) keeps the output exactly") boolean hAtLeastK,
        @ColumnDoc("how g was drawn: gaussian (i.i.d. N(0, 1/h) entries) or exp (exp(B), ||B||_F = "
                + "probe.magnitude)") String groupElement,
        @ColumnDoc("the group element g, h x h row-major") double[] g,
        @ColumnDoc("sigma_max(g) / sigma_min(g)") double gConditionNumber,
        @ColumnDoc("sign of det g (0: singular)") int gDeterminantSign,
        @ColumnDoc("gradient-descent updates applied") long trainSteps,
        @ColumnDoc("step size used: training.relative_step / L0, L0 the Gauss-Newton curvature bound at the "
                + "initial weights") double learningRate,
        @ColumnDoc("||U s(V X) - Y||_F^2 at the initial weights") double initialLoss,
        @ColumnDoc("||U s(V X) - Y||_F^2 at the trained weights") double lossBefore,
        @ColumnDoc("CONVERGED (below the tolerance), NOT_CONVERGED or DIVERGED") TrainingStatus trainStatus,
        @ColumnDoc("wall-clock training time (the only non-reproducible column)") double trainSeconds,
        @ColumnDoc("||U s(V X)||_F, Prop 6.1's bound") double outputNorm,
        @ColumnDoc("||U s(V X) - U' s(V' X)||_F, (U', V') = g . (U, V) by Eq. (6)") double outputChange,
        @ColumnDoc("output_change / output_norm (Prop 6.1: at most 1)") double relativeChange,
        @ColumnDoc("output_change <= output_norm, compared without tolerance") boolean boundHolds,
        @ColumnDoc("numerical rank of s(g V X) (h x k)") int featureRank,
        @ColumnDoc("feature_rank = k: the output, hence the loss, is kept") boolean exactOnOutput,
        @ColumnDoc("||U' s(V' X) - Y||_F^2") double lossAfter,
        @ColumnDoc("trained weights [V, U], each row-major") double[][] weights,
        @ColumnDoc("X, n x k row-major (i.i.d. N(0, 1))") double[] x,
        @ColumnDoc("Y, m x k row-major (i.i.d. N(0, 1))") double[] y,
        @ColumnDoc("OK, SINGULAR (g not invertible), MINIMUM_DIVERGED or NOT_FINITE (an output is NaN or "
                + "infinite)") Status status) implements Serializable {

    /** The table of these rows. */
    public static final Table<ApproximateActionRow> TABLE = RecordTable.of("approximate_action", 2,
            "one row per trained two-layer network: its output change under Eq. (6) against Prop 6.1's bound",
            ApproximateActionRow.class, Migration.renamed(1, "status", Map.of("SINGULAR_ELEMENT", "SINGULAR")));

    /** How the measurement ended. */
    public enum Status {
        OK, SINGULAR, MINIMUM_DIVERGED, NOT_FINITE
    }
}
