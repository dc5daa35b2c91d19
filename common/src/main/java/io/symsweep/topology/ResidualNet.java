package io.symsweep.topology;

/**
 * The 1-D residual net of Proposition 4.3 (Zhao et al. 2025):
 * {@code L(w1, w2, w3) = (Y - w3 (w2 w1 X + eps X))^2} with scalars {@code X, Y != 0}. Its minimum is
 * {@code {w3 (w1 w2 + eps) X = Y}}: 4 components when {@code eps = 0} (Corollary 4.2 with {@code l = 3},
 * {@code h = 1}), 3 when {@code eps != 0}, because the line {@code S_0 = {w1 = 0, w3 = Y / (eps X)}} joins
 * two of the four pieces of {@code S_1 = {w1 != 0}} (Appendix C).
 *
 * <p>Normalised coordinates: with {@code a = sqrt|eps|} ({@code 1} when {@code eps = 0}) and
 * {@code s = sign eps}, the linear map {@code w1 = a u1}, {@code w2 = a u2}, {@code w3 = (Y / X) u3 / a^2}
 * turns the minimum into {@code u3 (u1 u2 + s) = 1} for every {@code (eps, X, Y)} of one sign of
 * {@code eps}. Straight segments map to straight segments, so sampling and joining in {@code u} resolves
 * the neck of width {@code ~sqrt|eps|} near {@code w1 = w2 = 0} whatever the size of {@code eps}.
 *
 * @param eps the skip connection's weight
 * @param x   the input {@code X}, non-zero
 * @param y   the target {@code Y}, non-zero
 */
public record ResidualNet(double eps, double x, double y) {

    public ResidualNet {
        if (!Double.isFinite(eps) || !Double.isFinite(x) || !Double.isFinite(y) || x == 0 || y == 0) {
            throw new IllegalArgumentException("Proposition 4.3 needs finite eps and non-zero finite X, Y; found eps "
                    + eps + ", X " + x + ", Y " + y);
        }
    }

    /** {@code w3 (w2 w1 X + eps X)}. */
    public double output(double w1, double w2, double w3) {
        return w3 * (w2 * w1 * x + eps * x);
    }

    /** {@code (Y - w3 (w2 w1 X + eps X))^2}. */
    public double loss(double w1, double w2, double w3) {
        double r = y - output(w1, w2, w3);
        return r * r;
    }

    /** {@link #loss(double, double, double)} of {@code w = (w1, w2, w3)}. */
    public double loss(double[] w) {
        return loss(w[0], w[1], w[2]);
    }

    /** {@code Y^2}: the loss wherever the output vanishes ({@code sigma_min(Y)^2} of the 1 x 1 target). */
    public double crossingLoss() {
        return y * y;
    }

    /** Proposition 4.3: 4 components for {@code eps = 0}, 3 otherwise. */
    public int predictedComponents() {
        return eps == 0 ? 4 : 3;
    }

    /**
     * The piece of {@code S_1} that {@code w} lies in: {@code (sign w1, sign(w1 w2 + eps))}, the two
     * components of {@code GL_1 x G_1} in the proof's homeomorphism {@code a(g1, g2)}; {@code null} on
     * {@code S_0} ({@code w1 = 0}) or off the minimum ({@code w1 w2 + eps = 0}).
     */
    public SignPattern piece(double[] w) {
        double p = w[0] * w[1] + eps;
        if (w[0] == 0 || p == 0 || Double.isNaN(p)) {
            return null;
        }
        return new SignPattern(new int[] {w[0] > 0 ? 1 : -1, p > 0 ? 1 : -1});
    }

    /** {@code sqrt|eps|}, or 1 when {@code eps = 0}. */
    double scale() {
        return eps == 0 ? 1 : Math.sqrt(Math.abs(eps));
    }

    /** {@code sign eps}. */
    double signOfEps() {
        return Math.signum(eps);
    }

    /** The weights {@code w} of normalised coordinates {@code u}. */
    public double[] weights(double[] u) {
        double a = scale();
        return new double[] {a * u[0], a * u[1], (y / x) * u[2] / (a * a)};
    }

    /**
     * The point of the minimum above {@code (u1, u2)} in normalised coordinates: {@code (u1, u2, 1 / (u1 u2 + s))},
     * or {@code null} where {@code u1 u2 + s = 0} (no point of the minimum).
     */
    public double[] normalisedPointOnMinimum(double u1, double u2) {
        double p = u1 * u2 + signOfEps();
        if (p == 0) {
            return null;
        }
        return new double[] {u1, u2, 1 / p};
    }

    /**
     * The output along the segment {@code (1 - t) p + t q} as the cubic {@code c0 + c1 t + c2 t^2 + c3 t^3}:
     * {@code w3(t) (w1(t) w2(t) + eps) X} with each {@code w_i(t)} affine.
     */
    public double[] outputCubic(double[] p, double[] q) {
        double a1 = p[0];
        double b1 = q[0] - p[0];
        double a2 = p[1];
        double b2 = q[1] - p[1];
        double a3 = p[2];
        double b3 = q[2] - p[2];
        // w1 w2 + eps = m0 + m1 t + m2 t^2
        double m0 = a1 * a2 + eps;
        double m1 = a1 * b2 + a2 * b1;
        double m2 = b1 * b2;
        return new double[] {x * a3 * m0, x * (a3 * m1 + b3 * m0), x * (a3 * m2 + b3 * m1), x * b3 * m2};
    }

    /**
     * The largest loss on the segment from {@code p} to {@code q}, exactly: {@code Y - o(t)} is a cubic, so its
     * largest magnitude on [0, 1] is at an end or at a root of {@code o'(t)} (a quadratic).
     */
    public double maxLossOnSegment(double[] p, double[] q) {
        double[] c = outputCubic(p, q);
        double max = Math.max(loss(p), loss(q));
        for (double t : criticalPoints(c)) {
            double r = y - cubic(c, t);
            max = MinimumPath.maxNaN(max, r * r);
        }
        return max;
    }

    /**
     * The point on the segment from {@code p} to {@code q} (both on the minimum, where the output is about
     * {@code Y}) where the output vanishes, or {@code null} when it keeps the sign of {@code Y} all along.
     * Found by bisection between {@code t = 0} and the critical point of the cubic where {@code sign(Y) o(t)}
     * is least.
     */
    public CrossingCertificate crossing(double[] p, double[] q) {
        double[] c = outputCubic(p, q);
        double sy = Math.signum(y);
        double tMin = 1;
        double least = sy * cubic(c, 1);
        for (double t : criticalPoints(c)) {
            double v = sy * cubic(c, t);
            if (v < least) {
                least = v;
                tMin = t;
            }
        }
        if (least > 0 || !(sy * cubic(c, 0) > 0)) {
            return null;
        }
        double lo = least == 0 ? tMin : 0;
        double hi = tMin;
        for (int step = 0; step < CrossingCertificate.MAX_BISECTIONS && lo < hi; step++) {
            double mid = lo + 0.5 * (hi - lo);
            if (mid <= lo || mid >= hi) {
                break;
            }
            double v = sy * cubic(c, mid);
            if (v == 0) {
                lo = mid;
                hi = mid;
                break;
            }
            if (v > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double rLo = y - cubic(c, lo);
        double rHi = y - cubic(c, hi);
        return new CrossingCertificate("output", 0.5 * (lo + hi), Math.min(rLo * rLo, rHi * rHi), crossingLoss());
    }

    private static double cubic(double[] c, double t) {
        return c[0] + t * (c[1] + t * (c[2] + t * c[3]));
    }

    /** The roots in (0, 1) of {@code o'(t) = c1 + 2 c2 t + 3 c3 t^2}, by the cancellation-free quadratic formula. */
    private static double[] criticalPoints(double[] c) {
        double qa = 3 * c[3];
        double qb = 2 * c[2];
        double qc = c[1];
        double[] roots;
        if (qa == 0) {
            roots = qb == 0 ? new double[0] : new double[] {-qc / qb};
        } else {
            double disc = qb * qb - 4 * qa * qc;
            if (disc < 0) {
                roots = new double[0];
            } else {
                double sq = Math.sqrt(disc);
                double r = -0.5 * (qb + Math.copySign(sq, qb));
                roots = r == 0 ? new double[] {0} : new double[] {r / qa, qc / r};
            }
        }
        return java.util.Arrays.stream(roots).filter(t -> t > 0 && t < 1).toArray();
    }
}
