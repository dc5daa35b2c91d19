package io.symsweep.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Discrete curvature on curves with known curvature, and Theorem 6.2's d_max against exact sagittas. */
class CurveGeometryTest {

    /** Relative curvature error required on the fine circle grid, (theta h)^2 ~ 1.5e-7 with theta = pi/2. */
    private static final double FINE_TOL = 1e-6;

    /** A circle of radius {@code r} about {@code center} in the plane of orthonormal {@code e1, e2} of R^d. */
    record Circle(double[] center, double[] e1, double[] e2, double radius, double angle) {
        double[] at(double t) {
            double[] p = center.clone();
            double c = Math.cos(angle * t);
            double s = Math.sin(angle * t);
            for (int k = 0; k < p.length; k++) {
                p[k] += radius * (c * e1[k] + s * e2[k]);
            }
            return p;
        }

        /** The exact sagitta over the chord from t = 0 to t = 1: R (1 - cos(theta/2)) = 2 R sin^2(theta/4). */
        double sagitta() {
            double s = Math.sin(angle / 4);
            return 2 * radius * s * s;
        }

        double chord() {
            return 2 * radius * Math.sin(angle / 2);
        }

        /** A random circle in R^d. */
        static Circle random(int d, double radius, double angle, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            double[] center = new double[d];
            double[] a = new double[d];
            double[] b = new double[d];
            for (int k = 0; k < d; k++) {
                center[k] = rng.nextGaussian();
                a[k] = rng.nextGaussian();
                b[k] = rng.nextGaussian();
            }
            normalize(a);
            double dot = 0;
            for (int k = 0; k < d; k++) {
                dot += a[k] * b[k];
            }
            for (int k = 0; k < d; k++) {
                b[k] -= dot * a[k];
            }
            normalize(b);
            return new Circle(center, a, b, radius, angle);
        }

        private static void normalize(double[] v) {
            double n = 0;
            for (double x : v) {
                n += x * x;
            }
            n = Math.sqrt(n);
            for (int k = 0; k < v.length; k++) {
                v[k] /= n;
            }
        }
    }

    static CurveGeometry sample(Circle c, int n) {
        return CurveGeometry.of(j -> c.at((double) j / (n - 1)), n, 1.0 / (n - 1));
    }

    @Test
    void curvatureOfACircleEmbeddedInEightDimensionsIsOneOverR() {
        Circle c = Circle.random(8, 2.5, Math.PI / 2, 1);
        CurveGeometry g = sample(c, 4001);
        for (double kappa : g.curvature()) {
            assertEquals(1 / c.radius(), kappa, FINE_TOL / c.radius());
        }
        assertEquals(c.radius() * c.angle(), g.arcLength(), 1e-6 * c.radius() * c.angle());
        assertEquals(c.angle(), g.turningAngle(), 1e-6 * c.angle());
    }

    @Test
    void curvatureErrorIsSecondOrderInTheSpacing() {
        Circle c = Circle.random(5, 1.0, 2.0, 2);
        double coarse = worstRelativeError(sample(c, 101), c.radius());
        double fine = worstRelativeError(sample(c, 201), c.radius());
        double ratio = coarse / fine;
        assertTrue(ratio > 3.5 && ratio < 4.5, "halving h should quarter the error, ratio " + ratio);
    }

    @Test
    void curvatureOfAHelixMatchesItsClosedForm() {
        // (R cos wt, R sin wt, c w t) has kappa = R / (R^2 + c^2) whatever w; embedded in R^5 by zero padding.
        double r = 1.5;
        double pitch = 0.7;
        double w = 3.0;
        int n = 4001;
        CurveGeometry g = CurveGeometry.of(j -> {
            double t = (double) j / (n - 1);
            return new double[] {r * Math.cos(w * t), 0, r * Math.sin(w * t), pitch * w * t, 0};
        }, n, 1.0 / (n - 1));
        double expected = r / (r * r + pitch * pitch);
        for (double kappa : g.curvature()) {
            assertEquals(expected, kappa, FINE_TOL * expected);
        }
    }

    @Test
    void aStraightLineHasZeroCurvatureWhateverItsSpeed() {
        int n = 11;
        CurveGeometry g = CurveGeometry.of(j -> {
            double t = (double) j / (n - 1);
            double s = t + 3 * t * t; // accelerating along (1, -2, 2)
            return new double[] {1 + s, 2 - 2 * s, 2 * s};
        }, n, 1.0 / (n - 1));
        assertTrue(g.maxCurvature() <= 1e-12, "kappa_max " + g.maxCurvature());
    }

    @Test
    void aStationaryPointHasNoCurvature() {
        CurveGeometry g = CurveGeometry.of(j -> new double[] {1, 2}, 6, 0.2);
        assertTrue(Double.isNaN(g.curvature()[3]));
        assertTrue(Double.isNaN(g.maxCurvature()));
        assertEquals(0.0, g.speed()[3]);
    }

    @Test
    void dMaxIsTheSagittaOfTheCircleWithThatCurvature() {
        for (double angle : new double[] {1e-3, 0.1, 1.0, 2.0, 3.0, Math.PI}) {
            Circle c = Circle.random(3, 2.0, angle, 3);
            double d = ChordBound.dMax(1 / c.radius(), c.chord());
            assertEquals(c.sagitta(), d, 1e-14 * c.sagitta(), "angle " + angle);
        }
        assertEquals(2.0, ChordBound.dMax(0.5, 4.0), 0.0, "a semicircle: d_max = R");
        assertEquals(0.0, ChordBound.dMax(0.0, 3.0), 0.0, "a straight curve: d_max = 0");
        assertEquals(0.0, ChordBound.dMax(2.0, 0.0), 0.0, "identical endpoints: d_max = 0");
        assertTrue(Double.isNaN(ChordBound.dMax(1.0, 2.0 + 1e-9)), "a chord longer than 2/kappa has no bound");
        assertTrue(Double.isNaN(ChordBound.dMax(Double.NaN, 1.0)));
    }

    @Test
    void measuredCurvatureGivesTheSagittaAndTheCurveReachesIt() {
        Circle c = Circle.random(6, 1.7, 2.0, 4);
        int n = 4001; // odd: t = 1/2 is on the grid
        CurveGeometry g = sample(c, n);
        double[] w1 = c.at(0);
        double[] w2 = c.at(1);
        double chord = distance(w1, w2);
        double dMax = ChordBound.dMax(g.maxCurvature(), chord);
        assertEquals(c.sagitta(), dMax, 1e-5 * c.sagitta());
        // The arc's farthest grid point from its chord is the midpoint, at exactly the sagitta.
        double farthest = 0;
        for (int j = 0; j < n; j++) {
            farthest = Math.max(farthest, distanceToLine(c.at((double) j / (n - 1)), w1, w2));
        }
        assertEquals(c.sagitta(), farthest, 1e-12 * c.sagitta());
        assertTrue(farthest <= dMax * (1 + 1e-5));
    }

    private static double worstRelativeError(CurveGeometry g, double radius) {
        double worst = 0;
        for (double kappa : g.curvature()) {
            worst = Math.max(worst, Math.abs(kappa * radius - 1));
        }
        return worst;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(s);
    }

    private static double distanceToLine(double[] p, double[] a, double[] b) {
        double len2 = 0;
        double along = 0;
        for (int k = 0; k < a.length; k++) {
            len2 += (b[k] - a[k]) * (b[k] - a[k]);
            along += (p[k] - a[k]) * (b[k] - a[k]);
        }
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double d = p[k] - a[k] - along / len2 * (b[k] - a[k]);
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
