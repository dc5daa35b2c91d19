package io.symsweep.symmetry;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A linear map of {@code R^h}, the space of one layer's hidden units, in the form cheapest to apply: a scalar
 * {@code c I}, a permutation matrix, or a dense matrix. {@link HiddenUnits#apply} multiplies weights by it along
 * a {@link WeightAxis}. Never mutates its argument; returns a fresh matrix.
 */
public sealed interface UnitMap permits UnitMap.Scalar, UnitMap.Permuted, UnitMap.Dense {

    /** {@code M W}: {@code W}'s rows are indexed by the units. */
    DMatrixRMaj leftMultiply(DMatrixRMaj w);

    /** {@code W M}: {@code W}'s columns are indexed by the units. */
    DMatrixRMaj rightMultiply(DMatrixRMaj w);

    /** {@code c I}. Cost {@code O(size of W)}. */
    record Scalar(double factor) implements UnitMap {
        @Override
        public DMatrixRMaj leftMultiply(DMatrixRMaj w) {
            DMatrixRMaj out = w.copy();
            CommonOps_DDRM.scale(factor, out);
            return out;
        }

        @Override
        public DMatrixRMaj rightMultiply(DMatrixRMaj w) {
            return leftMultiply(w);
        }
    }

    /**
     * The permutation matrix {@code P} of {@code p}, {@code P e_j = e_{p(j)}}: {@code P W} moves row {@code j} to
     * row {@code p(j)}; {@code W P} puts column {@code p(j)} of {@code W} at column {@code j}. Cost
     * {@code O(size of W)}, no arithmetic, so exact.
     */
    record Permuted(Permutation permutation) implements UnitMap {
        public Permuted {
            if (permutation == null) {
                throw new IllegalArgumentException("permutation is null");
            }
        }

        @Override
        public DMatrixRMaj leftMultiply(DMatrixRMaj w) {
            requireSize(w.numRows, "rows");
            DMatrixRMaj out = new DMatrixRMaj(w.numRows, w.numCols);
            for (int j = 0; j < w.numRows; j++) {
                System.arraycopy(w.data, j * w.numCols, out.data, permutation.image(j) * w.numCols, w.numCols);
            }
            return out;
        }

        @Override
        public DMatrixRMaj rightMultiply(DMatrixRMaj w) {
            requireSize(w.numCols, "columns");
            DMatrixRMaj out = new DMatrixRMaj(w.numRows, w.numCols);
            for (int r = 0; r < w.numRows; r++) {
                for (int j = 0; j < w.numCols; j++) {
                    out.data[r * w.numCols + j] = w.data[r * w.numCols + permutation.image(j)];
                }
            }
            return out;
        }

        private void requireSize(int n, String what) {
            if (n != permutation.size()) {
                throw new IllegalArgumentException("a permutation of " + permutation.size() + " units cannot act on "
                        + n + " " + what);
            }
        }
    }

    /** A dense {@code h x h} matrix (copied). Cost {@code O(h x size of W)}. */
    record Dense(DMatrixRMaj matrix) implements UnitMap {
        public Dense {
            if (matrix == null || matrix.numRows != matrix.numCols) {
                throw new IllegalArgumentException("a unit map must be a square matrix, found "
                        + (matrix == null ? "null" : matrix.numRows + "x" + matrix.numCols));
            }
            matrix = matrix.copy();
        }

        @Override
        public DMatrixRMaj matrix() {
            return matrix.copy();
        }

        @Override
        public DMatrixRMaj leftMultiply(DMatrixRMaj w) {
            return CommonOps_DDRM.mult(matrix, w, null);
        }

        @Override
        public DMatrixRMaj rightMultiply(DMatrixRMaj w) {
            return CommonOps_DDRM.mult(w, matrix, null);
        }
    }
}
