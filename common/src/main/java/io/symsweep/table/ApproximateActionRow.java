package io.symsweep.table;

import io.symsweep.train.TrainingStatus;
import java.io.Serializable;
import java.util.Map;

/**
 * One network of Figure 3(a): a trained two-layer net {@code U s(V X)}, a random invertible {@code g}, and what
 * the approximate action of Eq. (6) does to its output (Proposition 6.1, Zhao et al. 2025). A row of {@link #TABLE}.
 */
@Columns("""
        outputs: m: outputs, U is m x h, Y is m x k
        hidden: h: hidden units, V is h x n
        inputs: n: input features, X is n x k
        samples: k: samples, the columns of X and Y
        architecture: the network, e.g. mlp[n,h,m]/sigmoid
        h_at_least_k: h >= k: s(g V X) generically has full column rank and Eq. (6) keeps the output exactly
        group_element: how g was drawn: gaussian (i.i.d. N(0, 1/h) entries) or exp (exp(B), ||B||_F =
            probe.magnitude)
        g: the group element g, h x h row-major
        g_condition_number: sigma_max(g) / sigma_min(g)
        g_determinant_sign: sign of det g (0: singular)
        train_steps: gradient-descent updates applied
        learning_rate: step size used: training.relative_step / L0, L0 the Gauss-Newton curvature bound at the
            initial weights
        initial_loss: ||U s(V X) - Y||_F^2 at the initial weights
        loss_before: ||U s(V X) - Y||_F^2 at the trained weights
        train_status: CONVERGED (below the tolerance), NOT_CONVERGED or DIVERGED
        train_seconds: wall-clock training time (the only non-reproducible column)
        output_norm: ||U s(V X)||_F, Prop 6.1's bound
        output_change: ||U s(V X) - U' s(V' X)||_F, (U', V') = g . (U, V) by Eq. (6)
        relative_change: output_change / output_norm (Prop 6.1: at most 1)
        bound_holds: output_change <= output_norm, compared without tolerance
        feature_rank: numerical rank of s(g V X) (h x k)
        exact_on_output: feature_rank = k: the output, hence the loss, is kept
        loss_after: ||U' s(V' X) - Y||_F^2
        weights: trained weights [V, U], each row-major
        x: X, n x k row-major (i.i.d. N(0, 1))
        y: Y, m x k row-major (i.i.d. N(0, 1))
        status: OK, SINGULAR (g not invertible), MINIMUM_DIVERGED or NOT_FINITE (an output is NaN or infinite)
        """)
public record ApproximateActionRow(Provenance provenance, int outputs, int hidden, int inputs, int samples,
        String architecture, boolean hAtLeastK, String groupElement, double[] g, double gConditionNumber,
        int gDeterminantSign, long trainSteps, double learningRate, double initialLoss, double lossBefore,
        TrainingStatus trainStatus, double trainSeconds, double outputNorm, double outputChange,
        double relativeChange, boolean boundHolds, int featureRank, boolean exactOnOutput, double lossAfter,
        double[][] weights, double[] x, double[] y, Status status) implements Serializable {

    /** The table of these rows. */
    public static final Table<ApproximateActionRow> TABLE = RecordTable.of("approximate_action", 2,
            "one row per trained two-layer network: its output change under Eq. (6) against Prop 6.1's bound",
            ApproximateActionRow.class, Migration.renamed(1, "status", Map.of("SINGULAR_ELEMENT", "SINGULAR")));

    /** How the measurement ended. */
    public enum Status {
        OK, SINGULAR, MINIMUM_DIVERGED, NOT_FINITE
    }
}
