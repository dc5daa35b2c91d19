package io.symsweep.linalg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;

/**
 * Functions of square real matrices: exponential, principal logarithm, principal square root, sign of the
 * determinant and pseudo-inverse. Stateless; inputs are never modified. Costs are {@code O(n^3)} with the
 * constants stated per method.
 */
public final class MatrixFunctions {

    /** Unit roundoff of IEEE double, {@code 2^-53}. */
    static final double UNIT_ROUNDOFF = 0x1.0p-53;

    /** Degrees {@code m} of the diagonal Padé approximants of {@code exp} that Higham 2005 (Alg. 2.3) uses. */
    static final int[] EXP_DEGREES = {3, 5, 7, 9, 13};

    /**
     * {@code theta_m} (Higham 2005, Table 2.3): the largest {@code ||A||_1} for which the degree-{@code m} Padé
     * approximant {@code r_m(A)} has backward error at most the unit roundoff.
     */
    static final double[] EXP_THETA = {1.495585217958292e-2, 2.539398330063230e-1, 9.504178996162932e-1,
        2.097847961257068e0, 5.371920351148152e0};

    /**
     * Numerator coefficients {@code b_0..b_m} of the degree-{@code m} diagonal Padé approximant
     * {@code p_m(x)/p_m(-x)} of {@code e^x} (Higham 2005, Section 2), scaled so that {@code b_m = 1}. Generator:
     * {@code b_m = 1}, {@code b_j = b_{j+1} (j+1)(2m-j)/(m-j)}, which {@code MatrixFunctionsTest} re-runs.
     */
    static final double[][] EXP_PADE = {
        {120, 60, 12, 1},
        {30240, 15120, 3360, 420, 30, 1},
        {17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1},
        {17643225600.0, 8821612800.0, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1},
        {64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0, 129060195264000.0,
            10559470521600.0, 670442572800.0, 33522128640.0, 1323241920, 40840800, 960960, 16380, 182, 1}};

    /** Largest Padé degree (Gauss-Legendre points) the logarithm uses before taking another square root. */
    static final int MAX_LOG_DEGREE = 16;
    /** The logarithm takes square roots at least until {@code ||A^(1/2^s) - I||_1 <= MAX_LOG_ARGUMENT}. */
    static final double MAX_LOG_ARGUMENT = 0.5;
    /** Beyond this many square roots the logarithm reports {@code NOT_CONVERGED}. */
    static final int MAX_SQUARE_ROOTS = 64;
    /** Iteration budget of one Denman-Beavers square root. */
    static final int MAX_DB_ITERATIONS = 100;
    /**
     * Eigenvalues within this relative distance of the negative real axis ({@code |Im| <= tol |lambda|}) count
     * as negative real; the same relative tolerance groups them into one repeated eigenvalue. It is about
     * {@code sqrt(eps)} times a safety factor, the accuracy of a computed double eigenvalue.
     */
    static final double NEGATIVE_AXIS_TOLERANCE = 1e-6;

    /** Gauss-Legendre nodes and weights on [0, 1]; {@code GAUSS_NODES[m]} has {@code m} points. */
    private static final double[][] GAUSS_NODES = new double[MAX_LOG_DEGREE + 1][];
    private static final double[][] GAUSS_WEIGHTS = new double[MAX_LOG_DEGREE + 1][];

    static {
        for (int m = 1; m <= MAX_LOG_DEGREE; m++) {
            double[][] nw = gaussLegendre(m);
            GAUSS_NODES[m] = nw[0];
            GAUSS_WEIGHTS[m] = nw[1];
        }
    }

    private MatrixFunctions() {
    }

    /**
     * {@code e^A} by scaling and squaring with a diagonal Padé approximant (Higham 2005, Algorithm 2.3): the
     * lowest degree {@code m} in {3, 5, 7, 9} with {@code ||A||_1 <= theta_m} if there is one, otherwise
     * {@code r_13(A / 2^s)^(2^s)} with the smallest {@code s} making {@code ||A / 2^s||_1 <= theta_13}. Backward
     * error at most the unit roundoff in exact arithmetic. Cost: about {@code (6 + s) n^3} flops plus one
     * {@code n x n} solve. A matrix with a NaN or infinite entry gives a matrix of NaN.
     */
    public static DMatrixRMaj exp(DMatrixRMaj a) {
        requireSquare(a, "exp");
        int n = a.numRows;
        if (MatrixFeatures_DDRM.hasUncountable(a)) {
            return filled(n, Double.NaN);
        }
        double norm = NormOps_DDRM.inducedP1(a);
        for (int i = 0; i < EXP_DEGREES.length - 1; i++) {
            if (norm <= EXP_THETA[i]) {
                return padeExp(a, EXP_DEGREES[i], EXP_PADE[i]);
            }
        }
        int s = 0;
        if (norm > EXP_THETA[EXP_THETA.length - 1]) {
            s = Math.max(0, (int) Math.ceil(log2(norm / EXP_THETA[EXP_THETA.length - 1])));
            s = Math.min(s, 1100); // beyond 2^1100 the result overflows anyway
        }
        DMatrixRMaj scaled = a.copy();
        CommonOps_DDRM.scale(Math.scalb(1.0, -s), scaled);
        DMatrixRMaj r = padeExp13(scaled);
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        for (int i = 0; i < s; i++) {
            CommonOps_DDRM.mult(r, r, tmp);
            DMatrixRMaj swap = r;
            r = tmp;
            tmp = swap;
        }
        return r;
    }

    /**
     * The principal logarithm of {@code a}: the unique real {@code L} with {@code e^L = A} whose eigenvalues have
     * imaginary parts in {@code (-pi, pi)}. It exists exactly when {@code A} has no eigenvalue on the closed
     * negative real axis; otherwise the result's status says why none is returned (see {@link MatrixLog.Status}).
     *
     * <p>Inverse scaling and squaring (Kenney and Laub 1989; Higham, Functions of Matrices, Alg. 11.9 in
     * spirit): take principal square roots {@code A_s = A^(1/2^s)} by the product form of the Denman-Beavers
     * iteration with determinantal scaling until {@code X = A_s - I} has {@code ||X||_1 <= 1/2} and a Padé
     * degree {@code m <= 16} meets the Kenney-Laub bound {@code |r_m(-||X||) - log(1 - ||X||)| <= u
     * |log(1 - ||X||)|} (u the unit roundoff), then {@code log A = 2^s r_m(X)} where the diagonal Padé
     * approximant {@code r_m} of {@code log(1 + x)} is evaluated as the {@code m}-point Gauss-Legendre rule for
     * {@code log(I + X) = int_0^1 X (I + t X)^-1 dt} (Dieci, Morini and Papini 1996). The spectrum is checked
     * first with one nonsymmetric eigenvalue decomposition. Cost: one eigen decomposition, about {@code 8}
     * inversions per square root, and {@code m} solves.
     */
    public static MatrixLog log(DMatrixRMaj a) {
        requireSquare(a, "log");
        int n = a.numRows;
        if (MatrixFeatures_DDRM.hasUncountable(a)) {
            return MatrixLog.failed(MatrixLog.Status.NOT_FINITE);
        }
        MatrixLog.Status spectrum = classifySpectrum(a);
        if (spectrum != MatrixLog.Status.OK) {
            return MatrixLog.failed(spectrum);
        }
        DMatrixRMaj identity = CommonOps_DDRM.identity(n);
        DMatrixRMaj root = a.copy();
        for (int s = 0; ; s++) {
            DMatrixRMaj x = CommonOps_DDRM.subtract(root, identity, null);
            double norm = NormOps_DDRM.inducedP1(x);
            if (norm <= MAX_LOG_ARGUMENT) {
                int m = logPadeDegree(norm);
                if (m > 0) {
                    DMatrixRMaj value = padeLog(x, m);
                    CommonOps_DDRM.scale(Math.scalb(1.0, s), value);
                    return new MatrixLog(value, MatrixLog.Status.OK, s, m);
                }
            }
            if (s == MAX_SQUARE_ROOTS) {
                return MatrixLog.failed(MatrixLog.Status.NOT_CONVERGED);
            }
            root = principalSquareRoot(root);
            if (root == null) {
                return MatrixLog.failed(MatrixLog.Status.NOT_CONVERGED);
            }
        }
    }

    /**
     * The principal square root of {@code a} (eigenvalues in the open right half-plane), or {@code null} if the
     * iteration fails. Product form of the Denman-Beavers iteration with determinantal scaling (Higham,
     * Functions of Matrices, Eq. (6.29)): {@code M_0 = Y_0 = A}, {@code mu_k = |det M_k|^(-1/(2n))},
     * {@code Y_{k+1} = (mu_k / 2) Y_k (I + mu_k^-2 M_k^-1)},
     * {@code M_{k+1} = (I + (mu_k^2 M_k + mu_k^-2 M_k^-1) / 2) / 2}; {@code M_k -> I}, {@code Y_k -> A^(1/2)}
     * quadratically. Scaling stops once {@code ||M_k - I||_1 < 1e-2}. The caller ensures {@code A} has no
     * eigenvalue on the closed negative real axis. Cost: one inversion and one LU per iteration.
     */
    static DMatrixRMaj principalSquareRoot(DMatrixRMaj a) {
        int n = a.numRows;
        DMatrixRMaj identity = CommonOps_DDRM.identity(n);
        DMatrixRMaj m = a.copy();
        DMatrixRMaj y = a.copy();
        DMatrixRMaj mInv = new DMatrixRMaj(n, n);
        DMatrixRMaj t = new DMatrixRMaj(n, n);
        DMatrixRMaj yNext = new DMatrixRMaj(n, n);
        boolean scaling = true;
        double previous = Double.POSITIVE_INFINITY;
        double tolerance = 10 * n * UNIT_ROUNDOFF;
        for (int k = 0; k < MAX_DB_ITERATIONS; k++) {
            if (!CommonOps_DDRM.invert(m, mInv) || MatrixFeatures_DDRM.hasUncountable(mInv)) {
                return null;
            }
            double mu = 1;
            if (scaling) {
                double logAbsDet = logAbsDeterminant(m);
                if (!Double.isFinite(logAbsDet)) {
                    return null;
                }
                mu = Math.exp(-logAbsDet / (2.0 * n));
            }
            double mu2 = mu * mu;
            // T = I + mu^-2 M^-1; Y <- (mu/2) Y T
            CommonOps_DDRM.add(identity, 1.0 / mu2, mInv, t);
            CommonOps_DDRM.mult(0.5 * mu, y, t, yNext);
            DMatrixRMaj swap = y;
            y = yNext;
            yNext = swap;
            // M <- I/2 + (mu^2 / 4) M + (mu^-2 / 4) M^-1
            CommonOps_DDRM.add(0.25 * mu2, m, 0.25 / mu2, mInv, t);
            CommonOps_DDRM.add(t, 0.5, identity, m);
            double distance = distanceToIdentity(m);
            if (!Double.isFinite(distance)) {
                return null;
            }
            if (distance < 1e-2) {
                scaling = false;
            }
            // Converged, or stagnating at the rounding level after the quadratic phase.
            if (distance <= tolerance || (!scaling && distance < 1e-10 && distance >= 0.5 * previous)) {
                return y;
            }
            previous = distance;
        }
        return null;
    }

    /**
     * The sign of {@code det A}: +1, -1, or 0 when an LU pivot is exactly zero. Read from the LU factors (signs
     * of {@code U}'s diagonal and the parity of the row permutation), so it never overflows or underflows as
     * {@code det} itself can. Cost: one LU, {@code 2n^3/3} flops.
     */
    public static int determinantSign(DMatrixRMaj a) {
        requireSquare(a, "determinantSign");
        int n = a.numRows;
        LUDecomposition_F64<DMatrixRMaj> lu = DecompositionFactory_DDRM.lu(n, n);
        // Not lu.isSingular(): its threshold is absolute, and would call 1e-200 I singular.
        if (!lu.decompose(a.copy())) {
            return 0;
        }
        DMatrixRMaj u = lu.getUpper(null);
        int sign = permutationParity(lu.getRowPivotV(null), n);
        for (int i = 0; i < n; i++) {
            double d = u.get(i, i);
            if (d == 0 || Double.isNaN(d)) {
                return 0;
            }
            if (d < 0) {
                sign = -sign;
            }
        }
        return sign;
    }

    /**
     * The Moore-Penrose pseudo-inverse {@code A^+} of an {@code m x n} matrix, via EJML's SVD solver: singular
     * values below {@code eps max(m, n) sigma_max} count as zero. Cost: one SVD.
     */
    public static DMatrixRMaj pseudoInverse(DMatrixRMaj a) {
        DMatrixRMaj out = new DMatrixRMaj(a.numCols, a.numRows);
        CommonOps_DDRM.pinv(a.copy(), out);
        return out;
    }

    /** The smallest singular value of {@code a} (EJML's SVD; {@code +Infinity} for an empty matrix). */
    public static double smallestSingularValue(DMatrixRMaj a) {
        double[] s = SingularOps_DDRM.singularValues(a.copy());
        double min = Double.POSITIVE_INFINITY;
        for (double v : s) {
            min = Math.min(min, v);
        }
        return min;
    }

    /** {@code ||A - I||_1}, the induced 1-norm (largest absolute column sum). */
    public static double distanceToIdentity(DMatrixRMaj a) {
        requireSquare(a, "distanceToIdentity");
        int n = a.numRows;
        double max = 0;
        for (int c = 0; c < n; c++) {
            double s = 0;
            for (int r = 0; r < n; r++) {
                s += Math.abs(a.get(r, c) - (r == c ? 1 : 0));
            }
            if (!(s <= max)) {
                max = s; // also propagates NaN
            }
        }
        return max;
    }

    /**
     * Whether {@code A} has a principal logarithm, judged from its eigenvalues: {@code SINGULAR} if some
     * {@code |lambda| <= n u ||A||_1}; else if some eigenvalue lies on the negative real axis (within
     * {@link #NEGATIVE_AXIS_TOLERANCE}), {@code NO_REAL_LOGARITHM} when some such eigenvalue, grouped with its
     * near-equal copies, has odd multiplicity and {@code NOT_PRINCIPAL} otherwise; else {@code OK}.
     */
    static MatrixLog.Status classifySpectrum(DMatrixRMaj a) {
        int n = a.numRows;
        if (determinantSign(a) == 0) {
            return MatrixLog.Status.SINGULAR;
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(a.copy())) {
            return MatrixLog.Status.NOT_CONVERGED;
        }
        double zero = n * UNIT_ROUNDOFF * NormOps_DDRM.inducedP1(a);
        List<Double> negative = new ArrayList<>();
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            Complex_F64 lambda = eig.getEigenvalue(i);
            double magnitude = lambda.getMagnitude();
            if (!Double.isFinite(magnitude)) {
                return MatrixLog.Status.NOT_CONVERGED;
            }
            if (magnitude <= zero) {
                return MatrixLog.Status.SINGULAR;
            }
            if (lambda.real < 0 && Math.abs(lambda.imaginary) <= NEGATIVE_AXIS_TOLERANCE * magnitude) {
                negative.add(lambda.real);
            }
        }
        if (negative.isEmpty()) {
            return MatrixLog.Status.OK;
        }
        double[] sorted = negative.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int run = 1;
        for (int i = 1; i <= sorted.length; i++) {
            boolean same = i < sorted.length
                    && Math.abs(sorted[i] - sorted[i - 1]) <= NEGATIVE_AXIS_TOLERANCE * Math.abs(sorted[i - 1]);
            if (same) {
                run++;
            } else {
                if (run % 2 == 1) {
                    return MatrixLog.Status.NO_REAL_LOGARITHM;
                }
                run = 1;
            }
        }
        return MatrixLog.Status.NOT_PRINCIPAL;
    }

    /**
     * The smallest Gauss-Legendre degree {@code m <= 16} whose error bound for {@code log(I + X)} with
     * {@code ||X|| = x < 1} is at most {@code u |log(1 - x)|}, or 0 if none is. The bound combines Kenney and
     * Laub 1989 ({@code ||r_m(X) - log(I + X)|| <= |r_m(-x) - log(1 - x)|}) with the Gauss-Legendre error term
     * for {@code f(t) = -x / (1 - t x)} on [0, 1] (Davis and Rabinowitz, Eq. (2.7.12)):
     * {@code |r_m(-x) - log(1 - x)| <= (m!)^4 / ((2m + 1) ((2m)!)^2) (x / (1 - x))^(2m + 1)}. Evaluated in
     * closed form, so no cancellation decides it.
     */
    static int logPadeDegree(double x) {
        if (x == 0) {
            return 1;
        }
        if (!(x < 1)) {
            return 0;
        }
        double ratio = x / (1 - x);
        double target = UNIT_ROUNDOFF * Math.abs(Math.log1p(-x));
        for (int m = 1; m <= MAX_LOG_DEGREE; m++) {
            if (gaussErrorConstant(m) * Math.pow(ratio, 2 * m + 1) <= target) {
                return m;
            }
        }
        return 0;
    }

    /** {@code (m!)^4 / ((2m + 1) ((2m)!)^2)}, the Gauss-Legendre error constant on [0, 1] without the derivative. */
    static double gaussErrorConstant(int m) {
        double c = 1.0 / (2 * m + 1);
        // (m!)^2 / (2m)! = prod_{k=1..m} k / (m + k); squared.
        double r = 1;
        for (int k = 1; k <= m; k++) {
            r *= (double) k / (m + k);
        }
        return c * r * r;
    }

    /** {@code r_m(X) = sum_j w_j X (I + t_j X)^-1}, the {@code m}-point Gauss-Legendre rule on [0, 1]. */
    private static DMatrixRMaj padeLog(DMatrixRMaj x, int m) {
        int n = x.numRows;
        DMatrixRMaj sum = new DMatrixRMaj(n, n);
        DMatrixRMaj shifted = new DMatrixRMaj(n, n);
        DMatrixRMaj term = new DMatrixRMaj(n, n);
        DMatrixRMaj identity = CommonOps_DDRM.identity(n);
        for (int j = 0; j < m; j++) {
            CommonOps_DDRM.add(identity, GAUSS_NODES[m][j], x, shifted);
            // X (I + t X)^-1 = (I + t X)^-1 X: the two commute.
            if (!CommonOps_DDRM.solve(shifted.copy(), x, term)) {
                throw new ArithmeticException("I + t X singular with ||X||_1 <= 1/2: impossible");
            }
            CommonOps_DDRM.addEquals(sum, GAUSS_WEIGHTS[m][j], term);
        }
        return sum;
    }

    /** {@code r_m(A) = (V - U)^-1 (V + U)} for {@code m} in {3, 5, 7, 9}: {@code U} odd, {@code V} even part. */
    private static DMatrixRMaj padeExp(DMatrixRMaj a, int m, double[] b) {
        int n = a.numRows;
        DMatrixRMaj a2 = CommonOps_DDRM.mult(a, a, null);
        DMatrixRMaj power = CommonOps_DDRM.identity(n);
        DMatrixRMaj oddInner = new DMatrixRMaj(n, n);
        DMatrixRMaj v = new DMatrixRMaj(n, n);
        for (int k = 0; 2 * k <= m; k++) {
            CommonOps_DDRM.addEquals(v, b[2 * k], power);
            if (2 * k + 1 <= m) {
                CommonOps_DDRM.addEquals(oddInner, b[2 * k + 1], power);
            }
            if (2 * k + 2 <= m) {
                power = CommonOps_DDRM.mult(power, a2, null);
            }
        }
        DMatrixRMaj u = CommonOps_DDRM.mult(a, oddInner, null);
        return solvePade(u, v);
    }

    /** {@code r_13(A)}, Higham 2005 Eq. (2.11)-(2.12), with six matrix products. */
    private static DMatrixRMaj padeExp13(DMatrixRMaj a) {
        double[] b = EXP_PADE[EXP_PADE.length - 1];
        int n = a.numRows;
        DMatrixRMaj identity = CommonOps_DDRM.identity(n);
        DMatrixRMaj a2 = CommonOps_DDRM.mult(a, a, null);
        DMatrixRMaj a4 = CommonOps_DDRM.mult(a2, a2, null);
        DMatrixRMaj a6 = CommonOps_DDRM.mult(a4, a2, null);
        // U = A [A6 (b13 A6 + b11 A4 + b9 A2) + b7 A6 + b5 A4 + b3 A2 + b1 I]
        DMatrixRMaj inner = combine(b[13], a6, b[11], a4, b[9], a2, 0, identity);
        DMatrixRMaj uInner = CommonOps_DDRM.mult(a6, inner, null);
        CommonOps_DDRM.addEquals(uInner, combine(b[7], a6, b[5], a4, b[3], a2, b[1], identity));
        DMatrixRMaj u = CommonOps_DDRM.mult(a, uInner, null);
        // V = A6 (b12 A6 + b10 A4 + b8 A2) + b6 A6 + b4 A4 + b2 A2 + b0 I
        DMatrixRMaj vInner = combine(b[12], a6, b[10], a4, b[8], a2, 0, identity);
        DMatrixRMaj v = CommonOps_DDRM.mult(a6, vInner, null);
        CommonOps_DDRM.addEquals(v, combine(b[6], a6, b[4], a4, b[2], a2, b[0], identity));
        return solvePade(u, v);
    }

    private static DMatrixRMaj combine(double c6, DMatrixRMaj a6, double c4, DMatrixRMaj a4, double c2,
            DMatrixRMaj a2, double c0, DMatrixRMaj identity) {
        DMatrixRMaj out = new DMatrixRMaj(a6.numRows, a6.numCols);
        CommonOps_DDRM.addEquals(out, c6, a6);
        CommonOps_DDRM.addEquals(out, c4, a4);
        CommonOps_DDRM.addEquals(out, c2, a2);
        CommonOps_DDRM.addEquals(out, c0, identity);
        return out;
    }

    /** Solves {@code (V - U) R = V + U}; a singular denominator (only possible for huge norms) gives NaN. */
    private static DMatrixRMaj solvePade(DMatrixRMaj u, DMatrixRMaj v) {
        int n = u.numRows;
        DMatrixRMaj p = CommonOps_DDRM.add(v, u, null);
        DMatrixRMaj q = CommonOps_DDRM.subtract(v, u, null);
        DMatrixRMaj r = new DMatrixRMaj(n, n);
        if (!CommonOps_DDRM.solve(q, p, r)) {
            return filled(n, Double.NaN);
        }
        return r;
    }

    /** {@code log |det A|} from the LU factors; {@code -infinity} when singular. */
    static double logAbsDeterminant(DMatrixRMaj a) {
        int n = a.numRows;
        LUDecomposition_F64<DMatrixRMaj> lu = DecompositionFactory_DDRM.lu(n, n);
        if (!lu.decompose(a.copy())) {
            return Double.NaN;
        }
        DMatrixRMaj u = lu.getUpper(null);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(Math.abs(u.get(i, i)));
        }
        return s;
    }

    /** +1 for an even permutation, -1 for an odd one, counted by cycles. */
    private static int permutationParity(int[] perm, int n) {
        boolean[] seen = new boolean[n];
        int sign = 1;
        for (int i = 0; i < n; i++) {
            if (seen[i]) {
                continue;
            }
            int length = 0;
            for (int j = i; !seen[j]; j = perm[j]) {
                seen[j] = true;
                length++;
            }
            if (length % 2 == 0) {
                sign = -sign;
            }
        }
        return sign;
    }

    /**
     * The {@code m}-point Gauss-Legendre rule on [0, 1]: nodes (ascending) and weights, by Newton's method on
     * the Legendre polynomial {@code P_m} from the Tricomi initial guesses (Golub-Welsch would do as well).
     */
    static double[][] gaussLegendre(int m) {
        double[] nodes = new double[m];
        double[] weights = new double[m];
        for (int i = 0; i < m; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (m + 0.5));
            for (int iteration = 0; iteration < 100; iteration++) {
                double[] p = legendre(m, x);
                double dx = p[0] / p[1];
                x -= dx;
                if (Math.abs(dx) <= 1e-16) {
                    break;
                }
            }
            double derivative = legendre(m, x)[1];
            nodes[m - 1 - i] = 0.5 * (x + 1);
            weights[m - 1 - i] = 1.0 / ((1 - x * x) * derivative * derivative);
        }
        return new double[][] {nodes, weights};
    }

    /** {@code {P_m(x), P_m'(x)}} by the three-term recurrence, for {@code |x| < 1}. */
    private static double[] legendre(int m, double x) {
        double previous = 1;
        double current = x;
        for (int k = 2; k <= m; k++) {
            double next = ((2 * k - 1) * x * current - (k - 1) * previous) / k;
            previous = current;
            current = next;
        }
        return new double[] {current, m * (x * current - previous) / (x * x - 1)};
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static DMatrixRMaj filled(int n, double v) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        Arrays.fill(m.data, 0, n * n, v);
        return m;
    }

    private static void requireSquare(DMatrixRMaj a, String what) {
        if (a == null) {
            throw new IllegalArgumentException(what + ": matrix is null");
        }
        if (a.numRows != a.numCols || a.numRows < 1) {
            throw new IllegalArgumentException(
                    what + ": needs a non-empty square matrix, found " + a.numRows + "x" + a.numCols);
        }
    }
}
