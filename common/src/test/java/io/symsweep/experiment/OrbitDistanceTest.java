package io.symsweep.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SpecException;
import io.symsweep.table.OrbitRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code orbit-distance}: Proposition 5.5 through the kind, one row per beta. */
class OrbitDistanceTest {

    @Test
    void theDistanceToTheOrbitGrowsWithBeta() {
        List<Configuration> cs = Experiments.reader().parse("""
                name: t
                kind: orbit-distance
                orbit: {n: 3, betas: [1, 2, 4, 8, 16, 32, 64]}
                seeds: 5
                """).configurations();
        OrbitDistance kind = new OrbitDistance();
        double previous = -1;
        for (Configuration c : cs) {
            OrbitRow r = kind.measure(c, "t");
            assertEquals(io.symsweep.orbit.DistanceToOrbit.Status.CONVERGED, r.status(), c.toString());
            assertTrue(r.withinBounds(), r.lowerBoundSquared() + " <= " + r.distanceSquared() + " <= "
                    + r.scalarBoundSquared());
            assertTrue(r.distance() > previous, "beta " + r.beta() + ": " + r.distance() + " after " + previous);
            assertEquals(0.5 * (r.beta() + 1 / r.beta()), r.c(), 1e-15 * r.c());
            assertEquals(r.c(), r.e(), 1e-15 * r.c(), "alpha = 1/2 is symmetric");
            assertArrayEquals(OrbitDistance.factors(OrbitDistance.Settings.parse(c))[0].data, r.w1(), 0);
            previous = r.distance();
        }
        assertTrue(previous > 20, "at beta = 64 the midpoint is far from S: " + previous);
    }

    @Test
    void alphaMustLieInTheUnitInterval() {
        SpecException e = assertThrows(SpecException.class, () -> Experiments.reader().parse("""
                name: t
                kind: orbit-distance
                orbit: {betas: 2, alpha: 1.5}
                seeds: 0
                """));
        assertEquals("orbit.alpha: must be between 0 and 1, found 1.5", e.getMessage());
    }
}
