package io.symsweep.topology;

import io.symsweep.linalg.MatrixFunctions;
import io.symsweep.linalg.MatrixLog;
import io.symsweep.linalg.PolarDecomposition;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * A path in {@code GL_h} from {@code A} to {@code B}, two matrices whose determinants have the same sign, that
 * keeps that sign at every point: with the polar decompositions {@code A = Q_A S_A}, {@code B = Q_B S_B}
 * (Higham 2008, Thm 8.1),
 * <pre>
 *   g(t) = Q(t) S(t),   Q(t) = Q_A exp(t K),  K = log(Q_A^T Q_B),   S(t) = (1 - t) S_A + t S_B.
 * </pre>
 * (In floating point {@code exp(K)} misses {@code Q_A^T Q_B} by the logarithm's error, large for angles near
 * pi; the leg therefore carries the correction {@code C = log(exp(-K) Q_A^T Q_B)}, a rotation next to the
 * identity whose logarithm is accurate, and runs {@code Q_A exp(t K) exp(t C)}: still in the rotation's
 * component, and ending at {@code Q_B} to rounding.)
 * {@code Q_A^T Q_B} is in {@code SO(h)} (both factors have determinant {@code sign det A}), so {@code K} is
 * skew-symmetric and {@code Q(t)} runs along a geodesic of the orthogonal group with {@code det Q(t) =
 * det Q_A}; {@code S(t)} stays symmetric positive definite (a convex cone); hence {@code sign det g(t) =
 * sign det A} for every {@code t}. This is the path that shows each sign class of {@code GL_h} is connected.
 *
 * <p>When {@code Q_A^T Q_B} has the eigenvalue {@code -1} (a half-turn) it has no principal logarithm; then the
 * rotation part goes through one intermediate rotation {@code Q_A V}, {@code V = exp(K_1)}, in two geodesic
 * legs ({@code t <= 1/2} and {@code t >= 1/2}). Cost per point: one or two {@code h x h} exponentials.
 */
public final class PolarPath {

    /**
     * Largest {@code ||exp(K) - R||_F / sqrt(h)} accepted from a computed logarithm {@code K} of a rotation
     * {@code R}; what remains is removed by the correction.
     */
    static final double ROTATION_ENDPOINT_TOLERANCE = 1e-6;
    /** Intermediate rotations tried when a direct geodesic is not available. */
    private static final int VIA_CANDIDATES = 16;

    private final DMatrixRMaj qStart;
    private final DMatrixRMaj sStart;
    private final DMatrixRMaj sEnd;
    /** The first leg, or the only one. */
    private final Leg k1;
    /** {@code Q_A V} and the second leg, or null for a single geodesic. */
    private final DMatrixRMaj qVia;
    private final Leg k2;

    private PolarPath(DMatrixRMaj qStart, DMatrixRMaj sStart, DMatrixRMaj sEnd, Leg k1, DMatrixRMaj qVia,
            Leg k2) {
        this.qStart = qStart;
        this.sStart = sStart;
        this.sEnd = sEnd;
        this.k1 = k1;
        this.qVia = qVia;
        this.k2 = k2;
    }

    /**
     * The path from {@code a} to {@code b}. Throws {@link IllegalArgumentException} when either is singular or
     * their determinants have opposite signs (no such path exists: {@code GL_h} has two components).
     */
    public static PolarPath between(DMatrixRMaj a, DMatrixRMaj b) {
        return between(PolarDecomposition.of(a), PolarDecomposition.of(b), a, b);
    }

    /** The path between two matrices whose polar decompositions are already known. */
    public static PolarPath between(PolarDecomposition pa, PolarDecomposition pb, DMatrixRMaj a, DMatrixRMaj b) {
        int sa = MatrixFunctions.determinantSign(a);
        int sb = MatrixFunctions.determinantSign(b);
        if (sa == 0 || sb == 0 || sa != sb) {
            throw new IllegalArgumentException("a path in GL_h that keeps the determinant's sign needs two invertible "
                    + "matrices with determinants of one sign, found signs " + sa + " and " + sb);
        }
        DMatrixRMaj qa = pa.q();
        DMatrixRMaj qb = pb.q();
        DMatrixRMaj r = CommonOps_DDRM.multTransA(qa, qb, null);
        Leg k = Leg.to(r);
        if (k != null) {
            return new PolarPath(qa, pa.s(), pb.s(), k, null, null);
        }
        for (int j = 1; j <= VIA_CANDIDATES; j++) {
            DMatrixRMaj kv = viaGenerator(r.numRows, j);
            DMatrixRMaj v = MatrixFunctions.exp(kv);
            Leg first = Leg.to(v);
            Leg second = Leg.to(CommonOps_DDRM.multTransA(v, r, null));
            if (first != null && second != null) {
                return new PolarPath(qa, pa.s(), pb.s(), first, CommonOps_DDRM.mult(qa, v, null), second);
            }
        }
        throw new ArithmeticException("no geodesic leg found between the rotation factors");
    }

    /** {@code g(t)} for {@code t} in [0, 1]: {@code g(0) = A} and {@code g(1) = B} up to rounding. */
    public DMatrixRMaj at(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("t must be in [0, 1], found " + t);
        }
        DMatrixRMaj q;
        if (qVia == null) {
            q = CommonOps_DDRM.mult(qStart, k1.rotation(t), null);
        } else if (t <= 0.5) {
            q = CommonOps_DDRM.mult(qStart, k1.rotation(2 * t), null);
        } else {
            q = CommonOps_DDRM.mult(qVia, k2.rotation(2 * t - 1), null);
        }
        DMatrixRMaj s = new DMatrixRMaj(sStart.numRows, sStart.numCols);
        CommonOps_DDRM.add(1 - t, sStart, t, sEnd, s);
        return CommonOps_DDRM.mult(q, s, null);
    }

    /** True when the rotation part needed an intermediate rotation. */
    public boolean hasIntermediateRotation() {
        return qVia != null;
    }

    /**
     * The rotations {@code exp(t K) exp(t C)} from the identity to {@code R} in {@code SO(h)}: {@code K} the
     * principal logarithm, {@code C} the logarithm of the remainder {@code exp(-K) R}, both made exactly skew.
     */
    private record Leg(DMatrixRMaj k, DMatrixRMaj correction) {

        /** The leg to {@code r}, or {@code null} when {@code r} has no usable principal logarithm (angle pi). */
        static Leg to(DMatrixRMaj r) {
            DMatrixRMaj k = skewLog(r);
            if (k == null) {
                return null;
            }
            DMatrixRMaj rest = CommonOps_DDRM.mult(MatrixFunctions.exp(scaled(k, -1)), r, null);
            double miss = MatrixFunctions.distanceToIdentity(rest);
            if (!(miss <= ROTATION_ENDPOINT_TOLERANCE * Math.sqrt(r.numRows))) {
                return null;
            }
            DMatrixRMaj c = miss == 0 ? null : skewLog(rest);
            if (miss != 0 && c == null) {
                return null;
            }
            return new Leg(k, c);
        }

        DMatrixRMaj rotation(double t) {
            DMatrixRMaj q = MatrixFunctions.exp(scaled(k, t));
            return correction == null ? q : CommonOps_DDRM.mult(q, MatrixFunctions.exp(scaled(correction, t)), null);
        }
    }

    /** The principal logarithm of a rotation, made exactly skew, or {@code null} when there is none. */
    private static DMatrixRMaj skewLog(DMatrixRMaj r) {
        MatrixLog log = MatrixFunctions.log(r);
        if (!log.isOk()) {
            return null;
        }
        DMatrixRMaj k = log.value();
        // Exactly skew: the logarithm of an orthogonal matrix is skew in exact arithmetic.
        DMatrixRMaj skew = new DMatrixRMaj(k.numRows, k.numCols);
        CommonOps_DDRM.add(0.5, k, -0.5, CommonOps_DDRM.transpose(k, null), skew);
        return skew;
    }

    private static DMatrixRMaj scaled(DMatrixRMaj k, double t) {
        DMatrixRMaj out = k.copy();
        CommonOps_DDRM.scale(t, out);
        return out;
    }

    /**
     * The {@code j}-th candidate generator of an intermediate rotation: a fixed skew-symmetric matrix of norm
     * about 1 (angles well below pi), different for each {@code j}, so a bad choice is never repeated.
     */
    private static DMatrixRMaj viaGenerator(int h, int j) {
        DMatrixRMaj k = new DMatrixRMaj(h, h);
        for (int p = 0; p < h; p++) {
            for (int q = p + 1; q < h; q++) {
                double v = Math.sin(1.0 + j * 0.7 + 1.3 * p + 2.9 * q);
                k.set(p, q, v);
                k.set(q, p, -v);
            }
        }
        double norm = NormOps_DDRM.normF(k);
        if (norm > 0) {
            CommonOps_DDRM.scale(1.0 / norm, k);
        }
        return k;
    }
}
