package io.symsweep.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proposition 4.3: 4 components for eps = 0, 3 otherwise, counted from a small sample. */
class ResidualComponentsTest {

    private static final int SAMPLES = 800;

    @ParameterizedTest(name = "eps={0}, X={1}, Y={2}")
    @CsvSource({"0, 1, 1", "0, -2, 0.5", "1, 1, 1", "-0.5, 2, -1", "0.01, 1, 3", "100, -1, 1"})
    void countsFourWithoutAndThreeWithTheSkipConnection(double eps, double x, double y) {
        ResidualNet net = new ResidualNet(eps, x, y);
        ComponentSurvey s = ResidualComponents.survey(net, SAMPLES, 10, 0.25, 42);
        assertEquals(SurveyStatus.OK, s.status(), s.toString());
        assertEquals(eps == 0 ? 4 : 3, s.componentsMeasured());
        assertEquals(4, s.classesFound(), "the four pieces of S_1");
        assertEquals(SAMPLES, s.converged());
        assertTrue(s.maxLossWithinPaths() <= 0.25 * y * y);
        assertTrue(s.minLossAtCrossings() >= y * y * (1 - CrossingCertificate.RELATIVE_SLACK));
        int pairs = s.componentsMeasured() * (s.componentsMeasured() - 1) / 2;
        assertEquals(pairs, s.crossingsCertified());
    }

    /** Any tolerance below the crossing loss Y^2 is sound: a looser one joins more segments, never more sets. */
    @Test
    void aLooserToleranceBelowTheBarrierGivesTheSameCount() {
        ResidualNet net = new ResidualNet(0.3, 1, 1);
        assertEquals(3, ResidualComponents.survey(net, SAMPLES, 10, 0.9, 5).componentsMeasured());
        assertEquals(3, ResidualComponents.survey(net, SAMPLES, 10, 0.05, 5).componentsMeasured());
        assertThrows(IllegalArgumentException.class, () -> ResidualComponents.survey(net, 10, 3, 1.0, 5));
    }

    /** The exact largest loss on a segment bounds a dense grid and is attained by it up to the grid's resolution. */
    @Test
    void theSegmentMaximumIsExact() {
        ResidualNet net = new ResidualNet(0.7, -1.5, 2);
        SplittableRandom rng = new SplittableRandom(8);
        for (int trial = 0; trial < 200; trial++) {
            double[] p = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            double[] q = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            double exact = net.maxLossOnSegment(p, q);
            double grid = 0;
            for (int k = 0; k <= 100_000; k++) {
                double t = k / 100_000.0;
                grid = Math.max(grid, net.loss(new double[] {p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]),
                        p[2] + t * (q[2] - p[2])}));
            }
            assertTrue(grid <= exact * (1 + 1e-12) + 1e-300, "grid " + grid + " > exact " + exact);
            assertTrue(exact <= grid * (1 + 1e-6), "exact " + exact + " not attained, grid " + grid);
        }
    }

    @Test
    void aCrossingBetweenQuadrantsHasLossYSquared() {
        ResidualNet net = new ResidualNet(0, 1, 2);
        double[] a = {1, 1, 2};
        double[] b = {-1, 1, -2};
        assertEquals(0.0, net.loss(a));
        assertEquals(0.0, net.loss(b));
        CrossingCertificate c = net.crossing(a, b);
        assertNotNull(c);
        assertEquals(0.5, c.t(), 1e-15);
        assertEquals(4.0, c.loss(), 1e-12);
        assertTrue(c.certified());
        // Two points of one piece, close together: the output keeps the sign of Y.
        assertNull(net.crossing(a, new double[] {1.1, 1, 2 / 1.1}));
    }

    @Test
    void piecesAreTheSignsOfW1AndW1W2PlusEps() {
        ResidualNet net = new ResidualNet(1, 1, 1);
        assertEquals("++", net.piece(new double[] {1, 1, 0.5}).label());
        assertEquals("-+", net.piece(new double[] {-1, 0.5, 2}).label());
        assertEquals("+-", net.piece(new double[] {1, -3, -0.5}).label());
        assertNull(net.piece(new double[] {0, 5, 1}), "S_0 belongs to no piece of S_1");
        assertEquals(3, net.predictedComponents());
        assertEquals(4, new ResidualNet(0, 1, 1).predictedComponents());
        assertThrows(IllegalArgumentException.class, () -> new ResidualNet(1, 0, 1));
    }

    /** Normalised coordinates map the canonical surface onto the minimum for every (eps, X, Y). */
    @Test
    void normalisedPointsLieOnTheMinimum() {
        for (double eps : new double[] {0, 3, -0.02}) {
            ResidualNet net = new ResidualNet(eps, -2, 5);
            for (double[] u : ResidualComponents.draw(net, 200, 3)) {
                assertTrue(net.loss(net.weights(u)) <= 1e-24 * 25, "eps " + eps);
                assertTrue(Math.abs(u[2]) <= ResidualComponents.MAX_U3);
            }
        }
    }
}
