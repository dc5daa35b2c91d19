/**
 * Dense matrix functions on EJML {@code DMatrixRMaj}, the linear algebra the symmetry groups need beyond
 * EJML itself: the exponential (Higham 2005 scaling and squaring, {@link io.symsweep.linalg.MatrixFunctions#exp}),
 * the principal real logarithm (inverse scaling and squaring, {@link io.symsweep.linalg.MatrixFunctions#log},
 * returning a {@link io.symsweep.linalg.MatrixLog} whose status says when no real logarithm exists), the
 * polar decomposition ({@link io.symsweep.linalg.PolarDecomposition}), the sign of the determinant and the
 * pseudo-inverse; and the dot product, axpy and the finiteness check on plain {@code double[]} vectors
 * ({@link io.symsweep.linalg.Vectors}). Inputs are never modified, except axpy's target; every result is a fresh
 * matrix. No knowledge of networks here.
 */
package io.symsweep.linalg;
