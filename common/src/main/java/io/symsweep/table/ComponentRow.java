package io.symsweep.table;

import io.symsweep.topology.SurveyStatus;
import java.io.Serializable;

/**
 * One component count: a row of {@link #TABLE}.
 */
public record ComponentRow(Provenance provenance,
        @ColumnDoc("linear: ||Y - W_l ... W_1 X||^2 with h x h weights; residual: the 1-D net (Y - W3 (W2 W1 X "
                + "+ eps X))^2 of Proposition 4.3") String architecture,
        @ColumnDoc("number of weight matrices") int l,
        @ColumnDoc("width of every layer") int h,
        @ColumnDoc("skip-connection weight (0 for the linear net)") double eps,
        @ColumnDoc("components counted up to permutations of hidden units (Proposition 5.2)") boolean upToPermutation,
        @ColumnDoc("initialisations trained (linear) or points drawn on the minimum (residual)") int samples,
        @ColumnDoc("samples on the minimum: runs that reached the loss tolerance, or drawn points whose loss is "
                + "rounding") int converged,
        @ColumnDoc("distinct sign patterns among them: (sign det(W_1 X), sign det W_2, ..., sign det W_{l-1}); "
                + "residual: (sign w1, sign(w1 w2 + eps))") int classesFound,
        @ColumnDoc("measured number of connected components; null when status says it was not measured (e.g. "
                + "INCOMPLETE_SAMPLING)") Integer componentsMeasured,
        @ColumnDoc("components whose connectivity was verified in full (every member joined, every crossing "
                + "certified); a lower bound when not measured") int componentsVerified,
        @ColumnDoc("the theory: 2^(l-1) (Corollary 4.2), 1 up to permutation (Proposition 5.2), 4 for eps = 0 "
                + "and 3 otherwise (Proposition 4.3)") int componentsPredicted,
        @ColumnDoc("paths within a component whose loss stayed within path_tolerance (linear: symmetry paths to "
                + "the class representative; residual: joining segments)") int pathsVerified,
        @ColumnDoc("paths tried that did not (linear: a failure; residual: segments too high to join two points)") int pathsFailed,
        @ColumnDoc("largest loss on the paths within components (linear: all tried; residual: joining "
                + "segments); NaN when none") double maxLossWithinPaths,
        @ColumnDoc("least loss where a straight segment between components crosses a vanishing determinant "
                + "(residual: output); >= crossing_bound; NaN when none") double minLossAtCrossings,
        @ColumnDoc("pairs of components whose crossing loss met crossing_bound") int crossingsCertified,
        @ColumnDoc("pairs whose crossing did not, or had no crossing") int crossingsFailed,
        @ColumnDoc("sigma_min(Y)^2: by Eckart-Young the least loss where W_l ... W_1 X is singular, so the "
                + "barrier of every path between components") double crossingBound,
        @ColumnDoc("largest loss allowed on a path within a component (absolute)") double pathTolerance,
        @ColumnDoc("||Y||_F^2") double yNorm2,
        @ColumnDoc("OK, MISMATCH, INCOMPLETE_SAMPLING, PATH_FAILED, CROSSING_FAILED, TOLERANCE_ABOVE_BARRIER, "
                + "NO_MINIMA or DATA_REJECTED") SurveyStatus status,
        @ColumnDoc(value = "X row-major (linear: h x h; residual: [x]); null in rows of schema version 1", nullable = true) double[] x,
        @ColumnDoc(value = "Y row-major (linear: h x h; residual: [y]); null in rows of schema version 1", nullable = true) double[] y) implements Serializable {

    /** The table of these rows. */
    public static final Table<ComponentRow> TABLE = RecordTable.of("components", 2,
            "one row per configuration: the connected components of the minimum, measured and predicted",
            ComponentRow.class, Migration.added(1, "x", "y"));
}
