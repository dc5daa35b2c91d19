package io.symsweep.curve;

import java.util.function.IntFunction;

/**
 * Speed {@code |gamma'|} and curvature {@code kappa} of a curve sampled at {@code n >= 5} equally spaced
 * parameters {@code t_j = t_0 + j h}, from finite differences of the sampled points in {@code R^d}.
 *
 * <p>Derivatives are second order: central differences inside, the three- and four-point one-sided formulas
 * {@code gamma'_0 = (-3 p_0 + 4 p_1 - p_2) / 2h}, {@code gamma''_0 = (2 p_0 - 5 p_1 + 4 p_2 - p_3) / h^2} at the
 * ends (mirrored at {@code t_{n-1}}). Curvature in {@code d} dimensions,
 * {@code kappa = sqrt(|g'|^2 |g''|^2 - (g'·g'')^2) / |g'|^3}, is evaluated in the equivalent form
 * {@code |g'' - (g''·T) T| / |g'|^2} with {@code T = g'/|g'|}, which subtracts vectors rather than nearly equal
 * squares. Truncation error is {@code O((h |gamma|''' / |gamma'|)^2)} relative: about {@code (theta h)^2} for a
 * circle traversed at {@code theta} radians per unit {@code t}. A point where {@code gamma' = 0} has curvature NaN.
 *
 * @param spacing   {@code h}
 * @param speed     {@code |gamma'(t_j)|}
 * @param curvature {@code kappa(t_j)}
 */
public record CurveGeometry(double spacing, double[] speed, double[] curvature) {

    /** Fewest samples the one-sided second derivative needs, plus one interior point. */
    public static final int MIN_POINTS = 5;

    public CurveGeometry {
        if (speed.length != curvature.length || speed.length < MIN_POINTS) {
            throw new IllegalArgumentException("need as many speeds as curvatures, at least " + MIN_POINTS);
        }
        speed = speed.clone();
        curvature = curvature.clone();
    }

    /** The geometry of the sampled points {@code points[j] = gamma(t_0 + j h)}. */
    public static CurveGeometry of(double[][] points, double spacing) {
        return of(j -> points[j], points.length, spacing);
    }

    /**
     * The geometry of {@code n} points produced one at a time by {@code point} (called once per {@code j}, in
     * order); at most four are held at once, so memory is {@code O(d)} whatever {@code n}. Cost {@code O(n d)}.
     */
    public static CurveGeometry of(IntFunction<double[]> point, int n, double spacing) {
        if (n < MIN_POINTS) {
            throw new IllegalArgumentException("curvature needs at least " + MIN_POINTS + " points, found " + n);
        }
        if (!(spacing > 0) || !Double.isFinite(spacing)) {
            throw new IllegalArgumentException("spacing must be finite and > 0, found " + spacing);
        }
        double[] speed = new double[n];
        double[] curvature = new double[n];
        double[][] ring = new double[4][];
        int d = -1;
        for (int j = 0; j < n; j++) {
            double[] p = point.apply(j);
            if (d < 0) {
                d = p.length;
            } else if (p.length != d) {
                throw new IllegalArgumentException("point " + j + " has " + p.length + " coordinates, expected " + d);
            }
            ring[j % 4] = p;
            if (j >= 2) {
                // Interior point j-1: central differences.
                double[] prev = ring[(j - 2) % 4];
                double[] mid = ring[(j - 1) % 4];
                double[] d1 = new double[d];
                double[] d2 = new double[d];
                for (int k = 0; k < d; k++) {
                    d1[k] = (p[k] - prev[k]) / (2 * spacing);
                    d2[k] = (p[k] - 2 * mid[k] + prev[k]) / (spacing * spacing);
                }
                set(j - 1, d1, d2, speed, curvature);
            }
            if (j == 3) {
                set(0, oneSided(ring[0], ring[1], ring[2], ring[3], spacing, 1),
                        oneSidedSecond(ring[0], ring[1], ring[2], ring[3], spacing), speed, curvature);
            }
        }
        double[] p0 = ring[(n - 1) % 4];
        double[] p1 = ring[(n - 2) % 4];
        double[] p2 = ring[(n - 3) % 4];
        double[] p3 = ring[(n - 4) % 4];
        set(n - 1, oneSided(p0, p1, p2, p3, spacing, -1), oneSidedSecond(p0, p1, p2, p3, spacing), speed, curvature);
        return new CurveGeometry(spacing, speed, curvature);
    }

    /** {@code kappa} from first and second derivative vectors; NaN when {@code d1 = 0}. */
    public static double curvature(double[] d1, double[] d2) {
        double speed2 = 0;
        for (double v : d1) {
            speed2 += v * v;
        }
        if (speed2 == 0) {
            return Double.NaN;
        }
        double speed = Math.sqrt(speed2);
        double along = 0;
        for (int k = 0; k < d1.length; k++) {
            along += d2[k] * d1[k] / speed;
        }
        double perp2 = 0;
        for (int k = 0; k < d1.length; k++) {
            double v = d2[k] - along * d1[k] / speed;
            perp2 += v * v;
        }
        return Math.sqrt(perp2) / speed2;
    }

    @Override
    public double[] speed() {
        return speed.clone();
    }

    @Override
    public double[] curvature() {
        return curvature.clone();
    }

    /** The largest curvature; NaN if any is NaN. */
    public double maxCurvature() {
        double max = 0;
        for (double k : curvature) {
            if (Double.isNaN(k)) {
                return Double.NaN;
            }
            max = Math.max(max, k);
        }
        return max;
    }

    /** {@code int |gamma'| dt} by the trapezoidal rule. */
    public double arcLength() {
        return trapezoid(speed, null);
    }

    /** {@code int kappa |gamma'| dt}, the total angle the tangent turns through, by the trapezoidal rule. */
    public double turningAngle() {
        return trapezoid(speed, curvature);
    }

    private double trapezoid(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double v = b == null ? a[j] : a[j] * b[j];
            s += (j == 0 || j == a.length - 1) ? 0.5 * v : v;
        }
        return s * spacing;
    }

    private static void set(int j, double[] d1, double[] d2, double[] speed, double[] curvature) {
        double s = 0;
        for (double v : d1) {
            s += v * v;
        }
        speed[j] = Math.sqrt(s);
        curvature[j] = curvature(d1, d2);
    }

    /** {@code (-3 p0 + 4 p1 - p2) / 2h}, times {@code direction} (-1 when {@code p0} is the last point). */
    private static double[] oneSided(double[] p0, double[] p1, double[] p2, double[] p3, double h, int direction) {
        double[] d1 = new double[p0.length];
        for (int k = 0; k < d1.length; k++) {
            d1[k] = direction * (-3 * p0[k] + 4 * p1[k] - p2[k]) / (2 * h);
        }
        return d1;
    }

    /** {@code (2 p0 - 5 p1 + 4 p2 - p3) / h^2}, the same from either end. */
    private static double[] oneSidedSecond(double[] p0, double[] p1, double[] p2, double[] p3, double h) {
        double[] d2 = new double[p0.length];
        for (int k = 0; k < d2.length; k++) {
            d2[k] = (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) / (h * h);
        }
        return d2;
    }
}
