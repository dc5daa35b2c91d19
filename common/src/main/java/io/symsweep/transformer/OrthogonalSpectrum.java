package io.symsweep.transformer;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigen-angle spectrum of an orthogonal matrix (Theus et al. 2025, Fig. 5): its eigenvalues lie on the unit
 * circle, {@code e^{i theta}}, in conjugate pairs; the angles {@code theta in (-pi, pi]}, sorted ascending, say how
 * far the map is from the identity (all 0) or from a permutation-like map. One angle per eigenvalue, so a rotation by
 * {@code theta} in one plane contributes {@code -theta} and {@code theta}; a reflection contributes {@code pi}.
 * Cost: one dense nonsymmetric eigendecomposition (EJML), {@code O(n^3)}.
 */
public final class OrthogonalSpectrum {

    /** How far from orthogonal ({@code max |R^T R - I|}) the input may be. */
    public static final double ORTHOGONALITY_TOLERANCE = 1e-8;

    private OrthogonalSpectrum() {
    }

    /** The sorted eigen-angles of the orthogonal {@code r}. */
    public static double[] eigenAngles(double[][] r) {
        int n = r.length;
        double[][] rtr = Dense.multiply(Dense.transpose(r), r);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dev = Math.abs(rtr[i][j] - (i == j ? 1 : 0));
                if (!(dev <= ORTHOGONALITY_TOLERANCE)) {
                    throw new IllegalArgumentException("not orthogonal: |R^T R - I| = " + dev + " at (" + i + ", " + j + ")");
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(Dense.ejml(r))) {
            throw new ArithmeticException("eigendecomposition failed");
        }
        double[] angles = new double[n];
        for (int k = 0; k < n; k++) {
            Complex_F64 v = eig.getEigenvalue(k);
            double a = Math.atan2(v.imaginary, v.real);
            // a real eigenvalue -1 is the angle pi, whatever the sign of a rounding-level imaginary part
            angles[k] = a <= -Math.PI + 1e-12 ? Math.PI : a;
        }
        java.util.Arrays.sort(angles);
        return angles;
    }
}
