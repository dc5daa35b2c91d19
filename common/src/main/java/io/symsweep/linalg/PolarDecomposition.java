package io.symsweep.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The polar decomposition {@code A = Q S} of an {@code m x n} matrix with {@code m >= n}: {@code Q} has
 * orthonormal columns ({@code m x n}; orthogonal when {@code A} is square) and {@code S = (A^T A)^(1/2)} is
 * symmetric positive semi-definite ({@code n x n}; definite when {@code A} has full column rank). Computed from
 * the thin SVD {@code A = U Sigma V^T}: {@code Q = U V^T}, {@code S = V Sigma V^T} (Higham, Functions of
 * Matrices, Thm 8.1). {@code Q} is the orthogonal matrix nearest to {@code A} in every unitarily invariant norm;
 * it is unique when {@code A} has full column rank.
 *
 * @param q the orthonormal factor
 * @param s the symmetric positive semi-definite factor
 */
public record PolarDecomposition(DMatrixRMaj q, DMatrixRMaj s) {

    public PolarDecomposition {
        if (q == null || s == null) {
            throw new IllegalArgumentException("both polar factors are required");
        }
        if (q.numCols != s.numRows || s.numRows != s.numCols) {
            throw new IllegalArgumentException("polar factors must be m x n and n x n, found " + q.numRows + "x"
                    + q.numCols + " and " + s.numRows + "x" + s.numCols);
        }
        q = q.copy();
        s = s.copy();
    }

    /** The polar decomposition of {@code a} ({@code m x n}, {@code m >= n}). Cost: one SVD, {@code O(m n^2)}. */
    public static PolarDecomposition of(DMatrixRMaj a) {
        if (a.numRows < a.numCols) {
            throw new IllegalArgumentException(
                    "the polar decomposition A = Q S needs rows >= columns, found " + a.numRows + "x" + a.numCols);
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(a.numRows, a.numCols, true, true, true);
        if (!svd.decompose(a.copy())) {
            throw new ArithmeticException("SVD failed for a " + a.numRows + "x" + a.numCols + " matrix");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        DMatrixRMaj sigma = svd.getW(null);
        DMatrixRMaj q = CommonOps_DDRM.multTransB(u, v, null);
        DMatrixRMaj vSigma = CommonOps_DDRM.mult(v, sigma, null);
        DMatrixRMaj s = CommonOps_DDRM.multTransB(vSigma, v, null);
        // Symmetrise exactly: S is symmetric in exact arithmetic, and rounding should not say otherwise.
        for (int i = 0; i < s.numRows; i++) {
            for (int j = i + 1; j < s.numCols; j++) {
                double m = 0.5 * (s.get(i, j) + s.get(j, i));
                s.set(i, j, m);
                s.set(j, i, m);
            }
        }
        return new PolarDecomposition(q, s);
    }

    @Override
    public DMatrixRMaj q() {
        return q.copy();
    }

    @Override
    public DMatrixRMaj s() {
        return s.copy();
    }
}
