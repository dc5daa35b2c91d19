package io.symsweep.table;

import io.symsweep.topology.SurveyStatus;
import java.io.Serializable;

/**
 * One component count: a row of {@link #TABLE}.
 */
@Columns("""
        architecture: linear: ||Y - W_l ... W_1 X||^2 with h x h weights; residual: the 1-D net (Y - W3 (W2 W1 X +
            eps X))^2 of Proposition 4.3
        l: number of weight matrices
        h: width of every layer
        eps: skip-connection weight (0 for the linear net)
        up_to_permutation: components counted up to permutations of hidden units (Proposition 5.2)
        samples: initialisations trained (linear) or points drawn on the minimum (residual)
        converged: samples on the minimum: runs that reached the loss tolerance, or drawn points whose loss is
            rounding
        classes_found: distinct sign patterns among them: (sign det(W_1 X), sign det W_2, ..., sign det W_{l-1});
            residual: (sign w1, sign(w1 w2 + eps))
        components_measured: measured number of connected components; null when status says it was not measured
            (e.g. INCOMPLETE_SAMPLING)
        components_verified: components whose connectivity was verified in full (every member joined, every crossing
            certified); a lower bound when not measured
        components_predicted: the theory: 2^(l-1) (Corollary 4.2), 1 up to permutation (Proposition 5.2), 4 for eps
            = 0 and 3 otherwise (Proposition 4.3)
        components_independent?: the count that uses no theory, from the same converged minima: two are joined when
            the straight segment between them, pulled back onto the minimum by Gauss-Newton retractions in small
            steps, keeps its loss within independent_path_tolerance; the sets of union-find. Linear, not up to
            permutation, connectivity.independent_count true; null otherwise and in rows of schema version 2
        independent_pullbacks?: pulled-back segments tried for components_independent (nearest pairs first, one
            failure per pair of sets until either grows)
        independent_joins?: of those, the ones that joined two sets: converged minima less components_independent
        independent_retractions?: Gauss-Newton retractions over all pull-backs (the count's work; reproducible)
        independent_max_loss?: largest loss at the checked points of the joining pulled-back paths (absolute; 0
            when none joined)
        independent_path_tolerance?: largest loss allowed on a pulled-back path: 1e-4 y_norm2 (absolute), below
            crossing_bound
        paths_verified: paths within a component whose loss stayed within path_tolerance (linear: symmetry paths to
            the class representative; residual: joining segments)
        paths_failed: paths tried that did not (linear: a failure; residual: segments too high to join two points)
        max_loss_within_paths: largest loss on the paths within components (linear: all tried; residual: joining
            segments); NaN when none
        min_loss_at_crossings: least loss where a straight segment between components crosses a vanishing
            determinant (residual: output); >= crossing_bound; NaN when none
        crossings_certified: pairs of components whose crossing loss met crossing_bound
        crossings_failed: pairs whose crossing did not, or had no crossing
        crossing_bound: sigma_min(Y)^2: by Eckart-Young the least loss where W_l ... W_1 X is singular, so the
            barrier of every path between components
        path_tolerance: largest loss allowed on a path within a component (absolute)
        y_norm2: ||Y||_F^2
        status: OK, MISMATCH, INCOMPLETE_SAMPLING, PATH_FAILED, CROSSING_FAILED, TOLERANCE_ABOVE_BARRIER, NO_MINIMA
            or DATA_REJECTED
        x?: X row-major (linear: h x h; residual: [x]); null in rows of schema version 1
        y?: Y row-major (linear: h x h; residual: [y]); null in rows of schema version 1
        """)
public record ComponentRow(Provenance provenance, String architecture, int l, int h, double eps,
        boolean upToPermutation, int samples, int converged, int classesFound, Integer componentsMeasured,
        int componentsVerified, int componentsPredicted, Integer componentsIndependent, Integer independentPullbacks,
        Integer independentJoins, Long independentRetractions, Double independentMaxLoss,
        Double independentPathTolerance, int pathsVerified, int pathsFailed,
        double maxLossWithinPaths, double minLossAtCrossings, int crossingsCertified, int crossingsFailed,
        double crossingBound, double pathTolerance, double yNorm2, SurveyStatus status, double[] x, double[] y) implements Serializable {

    /** The table of these rows. */
    public static final Table<ComponentRow> TABLE = RecordTable.of("components", 3,
            "one row per configuration: the connected components of the minimum, measured and predicted",
            ComponentRow.class, Migration.added(1, "x", "y"), Migration.added(2, "components_independent",
                    "independent_pullbacks", "independent_joins", "independent_retractions", "independent_max_loss",
                    "independent_path_tolerance"));
}
