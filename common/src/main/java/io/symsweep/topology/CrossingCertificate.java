package io.symsweep.topology;

import io.symsweep.linalg.MatrixFunctions;
import io.symsweep.model.MlpParameters;

/**
 * Evidence that two minima lie in different components: on the straight segment between them, a point where
 * a quantity that cannot vanish on the minimum does vanish, and the loss there.
 *
 * <p>Deep linear net (Corollary 4.2): the two classes differ in the sign of some {@code det(W_1 X)} or
 * {@code det W_i}; that determinant is continuous, so it vanishes on every path between them, and where it
 * does {@code W_l ... W_1 X} has rank below {@code h}: by Eckart-Young the loss there is at least
 * {@code sigma_min(Y)^2}. Every path between the classes therefore climbs to at least that {@link #bound()};
 * the certificate exhibits the point on the straight segment (bisection on the determinant's sign, to
 * adjacent doubles). 1-D residual net (Proposition 4.3): the output {@code w3 (w2 w1 + eps) X} vanishes, and
 * the loss there is exactly {@code Y^2}.
 *
 * @param vanishing what vanishes at the crossing, e.g. {@code det W_2}
 * @param t         the crossing on the segment {@code (1 - t) W_a + t W_b}
 * @param loss      the loss at the crossing (the smaller at the two ends of the final bracket)
 * @param bound     the least loss where it vanishes: {@code sigma_min(Y)^2}
 */
public record CrossingCertificate(String vanishing, double t, double loss, double bound) {

    /**
     * Relative slack of the check {@code loss >= bound}: the bracket's ends are within one rounding step of
     * the exact crossing, which moves the loss by about {@code u cond} relative, far below this.
     */
    public static final double RELATIVE_SLACK = 1e-8;
    /** Bisection steps: more than enough to reach adjacent doubles from [0, 1]. */
    static final int MAX_BISECTIONS = 2000;

    /** True when the loss at the crossing is at least the bound (within {@link #RELATIVE_SLACK}). */
    public boolean certified() {
        return loss >= bound * (1 - RELATIVE_SLACK);
    }

    /**
     * The crossing between two minima of the deep linear net with different sign patterns: bisection on the
     * first determinant whose sign differs.
     */
    public static CrossingCertificate linear(MinimumHomeomorphism f, ClassifiedMinimum a, ClassifiedMinimum b) {
        int i = a.pattern().firstDifference(b.pattern());
        if (i < 0) {
            throw new IllegalArgumentException("both minima have the sign pattern " + a.pattern().label()
                    + "; a crossing needs different classes");
        }
        MlpParameters wa = a.weights();
        MlpParameters wb = b.weights();
        int startSign = a.pattern().sign(i);
        double lo = 0;
        double hi = 1;
        for (int step = 0; step < MAX_BISECTIONS; step++) {
            double mid = lo + 0.5 * (hi - lo);
            if (mid <= lo || mid >= hi) {
                break;
            }
            int s = MatrixFunctions.determinantSign(f.patternMatrix(wa.interpolate(wb, mid), i));
            if (s == 0) {
                lo = mid;
                hi = mid;
                break;
            }
            if (s == startSign) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double loss = Math.min(f.loss(wa.interpolate(wb, lo)), f.loss(wa.interpolate(wb, hi)));
        String what = i == 0 ? "det(W_1 X)" : "det W_" + (i + 1);
        return new CrossingCertificate(what, 0.5 * (lo + hi), loss, f.singularLossBound());
    }
}
