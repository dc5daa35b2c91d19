package io.symsweep.symmetry;

import io.symsweep.linalg.MatrixFunctions;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/** Element checks and sampling shared by the matrix groups GL(h) and O(h). */
final class MatrixGroups {

    /** Largest entry of {@code |g^T g - I|} accepted for an element of O(h). */
    static final double ORTHOGONALITY_TOLERANCE = 1e-10;

    private MatrixGroups() {
    }

    /** Throws unless {@code g} is {@code h x h} and invertible. */
    static void requireInvertible(DMatrixRMaj g, HiddenUnits site) {
        requireShape(g, site);
        if (MatrixFunctions.determinantSign(g) == 0) {
            throw new IllegalArgumentException("g is singular: not an element of GL(" + site.width() + ")");
        }
    }

    /** Throws unless {@code g} is {@code h x h} and orthogonal to {@link #ORTHOGONALITY_TOLERANCE}. */
    static void requireOrthogonal(DMatrixRMaj g, HiddenUnits site) {
        requireShape(g, site);
        DMatrixRMaj gtg = CommonOps_DDRM.multTransA(g, g, null);
        double worst = maxDeviationFromIdentity(gtg);
        if (!(worst <= ORTHOGONALITY_TOLERANCE)) {
            throw new IllegalArgumentException("g is not orthogonal: max |g^T g - I| = " + worst + " > "
                    + ORTHOGONALITY_TOLERANCE);
        }
    }

    static void requireShape(DMatrixRMaj g, HiddenUnits site) {
        if (g == null || g.numRows != site.width() || g.numCols != site.width()) {
            throw new IllegalArgumentException("g must be " + site.width() + "x" + site.width() + " (the width of hidden layer "
                    + site.layer() + "), found " + (g == null ? "null" : g.numRows + "x" + g.numCols));
        }
    }

    static void requireSampling(double magnitude, int determinantSign) {
        if (!(magnitude >= 0) || !Double.isFinite(magnitude)) {
            throw new IllegalArgumentException("magnitude must be finite and >= 0, found " + magnitude);
        }
        if (determinantSign != 1 && determinantSign != -1) {
            throw new IllegalArgumentException("determinantSign must be +1 or -1, found " + determinantSign);
        }
    }

    /**
     * {@code exp(B) R}: {@code B} has i.i.d. normal entries (antisymmetrised when {@code skew}) rescaled to
     * {@code ||B||_F = magnitude}; {@code R = diag(-1, 1, ..., 1)} when {@code determinantSign < 0}, else I.
     * So {@code det = determinantSign}, and for {@code determinantSign = +1} and {@code magnitude < pi} the
     * principal logarithm of the result is {@code B} (every eigenvalue of {@code B} then has {@code |Im| < pi}).
     */
    static DMatrixRMaj sample(SplittableRandom rng, int h, double magnitude, int determinantSign, boolean skew) {
        requireSampling(magnitude, determinantSign);
        DMatrixRMaj b = new DMatrixRMaj(h, h);
        for (int i = 0; i < b.data.length; i++) {
            b.data[i] = rng.nextGaussian();
        }
        if (skew) {
            DMatrixRMaj t = CommonOps_DDRM.transpose(b, null);
            CommonOps_DDRM.subtractEquals(b, t);
        }
        double norm = NormOps_DDRM.normF(b);
        if (norm > 0) {
            CommonOps_DDRM.scale(magnitude / norm, b);
        }
        DMatrixRMaj g = MatrixFunctions.exp(b);
        if (determinantSign < 0) {
            for (int r = 0; r < h; r++) {
                g.set(r, 0, -g.get(r, 0));
            }
        }
        return g;
    }

    private static double maxDeviationFromIdentity(DMatrixRMaj a) {
        double worst = 0;
        for (int r = 0; r < a.numRows; r++) {
            for (int c = 0; c < a.numCols; c++) {
                double d = Math.abs(a.get(r, c) - (r == c ? 1 : 0));
                if (!(d <= worst)) {
                    worst = d;
                }
            }
        }
        return worst;
    }
}
