package io.symsweep.align;

import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.UnitTransform;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * General invertible maps by least squares, site by site: {@code T = argmin ||X_A - X_B T^T||_F^2
 * = X_A^T X_B (X_B^T X_B)^-1}, with {@code X} the hidden activations on the training inputs
 * ({@link AlignmentMethod#ACTIVATION_MATCHING}: each layer on its own, B's activations being B's function) or the
 * units' incoming weights and biases, given the earlier sites' maps ({@link AlignmentMethod#WEIGHT_MATCHING}; a
 * forward pass, exact on square full-rank layers). Solved by a QR least-squares solver (EJML); {@code T^-1} by LU.
 * A rank-deficient {@code X_B} or a nearly singular {@code T} ({@code sigma_min / sigma_max < 1e-12}, from EJML's SVD) is {@link
 * AlignmentStatus#SINGULAR}. B' keeps B's function up to rounding amplified by {@code cond(T)}: about
 * {@code 1e-16 cond(T)} relative (the detail reports the largest condition number). On two minima of one full-rank deep linear problem, whose end-to-end maps are equal,
 * the activation fit takes B onto A exactly (Proposition 4.1 of Zhao et al. 2025: the minimum is one
 * {@code GL} orbit).
 */
final class InvertibleLeastSquares extends SiteBySiteAligner {

    /** Below this {@code sigma_min / sigma_max} a matrix counts as singular. */
    private static final double MIN_RCOND = 1e-12;

    InvertibleLeastSquares(AlignmentMethod method) {
        super(SymmetryClass.INVERTIBLE, method, "invertible least squares");
    }

    @Override
    Fit fit(AlignmentProblem p, boolean fromActivations) {
        return new Fit() {
            double residual;
            double norm;
            double worstCondition = 1;

            @Override
            public UnitTransform site(Site s, int l, SiteVectors sv) throws SiteFailure {
                int h = s.size();
                DMatrixRMaj xa = sv.aColumns();
                DMatrixRMaj xb = sv.bColumns();
                // X_B T^T = X_A in the least-squares sense
                LinearSolverDense<DMatrixRMaj> ls = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
                if (xb.numRows < h || reciprocalCondition(xb) < MIN_RCOND || !ls.setA(xb.copy())) {
                    throw new SiteFailure(AlignmentStatus.SINGULAR, "B's "
                            + (fromActivations ? "activations" : "incoming weights") + " at " + s.name()
                            + " are rank-deficient");
                }
                DMatrixRMaj tt = new DMatrixRMaj(h, h);
                ls.solve(xa.copy(), tt);
                DMatrixRMaj forward = CommonOps_DDRM.transpose(tt, null);
                LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(h);
                DMatrixRMaj inverse = new DMatrixRMaj(h, h);
                double rcond = finite(forward) ? reciprocalCondition(forward) : 0;
                worstCondition = Math.max(worstCondition, 1 / rcond);
                if (rcond < MIN_RCOND || !lu.setA(forward.copy())) {
                    throw new SiteFailure(AlignmentStatus.SINGULAR, "the fitted map at " + s.name() + " is singular");
                }
                lu.invert(inverse);
                if (!finite(forward) || !finite(inverse)) {
                    throw new SiteFailure(AlignmentStatus.NOT_FINITE,
                            "the fitted map at " + s.name() + " is not finite");
                }
                DMatrixRMaj fit = new DMatrixRMaj(xb.numRows, h);
                CommonOps_DDRM.mult(xb, tt, fit);
                for (int i = 0; i < fit.getNumElements(); i++) {
                    double d = xa.get(i) - fit.get(i);
                    residual += d * d;
                    norm += xa.get(i) * xa.get(i);
                }
                return new UnitTransform(SymmetryClass.INVERTIBLE, UnitVectors.array(forward),
                        UnitVectors.array(inverse));
            }

            @Override
            public double objective() {
                return norm > 0 ? residual / norm : 0;
            }

            @Override
            public String detail() {
                return String.format(java.util.Locale.ROOT, "largest condition number %.3g", worstCondition);
            }
        };
    }

    /** {@code sigma_min / sigma_max}, 0 when the SVD fails. */
    static double reciprocalCondition(DMatrixRMaj m) {
        org.ejml.interfaces.decomposition.SingularValueDecomposition_F64<DMatrixRMaj> svd =
                org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(m.numRows, m.numCols, false, false, true);
        if (!svd.decompose(m.copy())) {
            return 0;
        }
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double s : svd.getSingularValues()) {
            max = Math.max(max, s);
            min = Math.min(min, s);
        }
        return max > 0 ? min / max : 0;
    }

    private static boolean finite(DMatrixRMaj m) {
        for (int i = 0; i < m.getNumElements(); i++) {
            if (!Double.isFinite(m.get(i))) {
                return false;
            }
        }
        return true;
    }
}
