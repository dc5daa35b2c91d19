package io.symsweep.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.ApproximateActionRow;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code approximate-action}: Proposition 6.1 on a small Figure 3(a) sweep, and the spec's rules. */
class ApproximateActionTest {

    /** Relative output change where Eq. (6) is exact (h >= k): one pseudo-inverse of a well-conditioned matrix. */
    private static final double EXACT_TOL = 1e-8;

    static SweepSpec spec(String extra) {
        return Experiments.reader().parse("""
                name: t
                kind: approximate-action
                dimensions: {min: 2, max: 12}
                training: {steps: 300, loss_tolerance: 1.0e-20}
                seeds: 0..19
                """ + extra);
    }

    @Test
    void proposition61HoldsOnEveryNetwork() {
        ApproximateAction kind = new ApproximateAction();
        int exact = 0;
        int approximate = 0;
        for (Configuration c : spec("").configurations()) {
            ApproximateActionRow r = kind.measure(c, "t");
            assertEquals(ApproximateActionRow.Status.OK, r.status(), r.provenance().config());
            assertTrue(r.boundHolds() && r.outputChange() <= r.outputNorm(), r.outputChange() + " > " + r.outputNorm());
            assertTrue(r.lossBefore() < r.initialLoss(), "training lowers the loss: " + r.initialLoss() + " -> "
                    + r.lossBefore());
            if (r.hAtLeastK()) {
                exact++;
                assertTrue(r.exactOnOutput() && r.relativeChange() <= EXACT_TOL, "h >= k: " + r.relativeChange());
                assertEquals(r.lossBefore(), r.lossAfter(), EXACT_TOL * (r.lossBefore() + r.outputNorm()));
            } else {
                approximate++;
                assertTrue(r.relativeChange() > 1e-6, "h < k changes the output: " + r.relativeChange());
            }
            // Prop 6.1 bounds the loss change too: |sqrt(L') - sqrt(L)| <= ||U s(VX) - U' s(V'X)||.
            assertTrue(Math.abs(Math.sqrt(r.lossAfter()) - Math.sqrt(r.lossBefore())) <= r.outputChange() * (1 + 1e-12)
                    + 1e-12);
        }
        assertTrue(exact >= 3 && approximate >= 3, "both regimes drawn: " + exact + " exact, " + approximate);
    }

    @Test
    void dimensionsComeFromTheSeedAndTheRangeOnly() {
        Set<ApproximateAction.Dimensions> seen = new HashSet<>();
        List<Configuration> a = spec("").configurations();
        List<Configuration> b = spec("probe: {group_element: exp, magnitude: 2}").configurations();
        for (int i = 0; i < a.size(); i++) {
            ApproximateAction.Dimensions d = ApproximateAction.dimensions(ApproximateAction.Settings.parse(a.get(i)));
            assertEquals(d, ApproximateAction.dimensions(ApproximateAction.Settings.parse(b.get(i))), "same seed, same network shape");
            for (int v : new int[] {d.outputs(), d.hidden(), d.inputs(), d.samples()}) {
                assertTrue(v >= 2 && v <= 12, d.toString());
            }
            seen.add(d);
        }
        assertTrue(seen.size() >= 18, "20 seeds give different shapes: " + seen.size());
    }

    @Test
    void theExponentialElementHasTheRequestedLogarithm() {
        Configuration c = spec("probe: {group_element: exp, magnitude: 0.75}").configurations().get(0);
        ApproximateAction.Settings s = ApproximateAction.Settings.parse(c);
        int h = ApproximateAction.dimensions(s).hidden();
        var log = io.symsweep.linalg.MatrixFunctions.log(ApproximateAction.groupElement(s, h));
        assertEquals(0.75, org.ejml.dense.row.NormOps_DDRM.normF(log.value()), 1e-12);
    }

    @Test
    void aGaussianElementIgnoresTheMagnitude() {
        Configuration one = spec("probe: {magnitude: 1}").configurations().get(0);
        Configuration two = spec("probe: {magnitude: 2}").configurations().get(0);
        assertEquals(one.id(), two.id());
        assertNotEquals(one.id(), spec("probe: {group_element: exp}").configurations().get(0).id());
    }

    @Test
    void anEmptyRangeIsOneLineNamingTheField() {
        SpecException e = assertThrows(SpecException.class, () -> Experiments.reader().parse(
                "{name: t, kind: approximate-action, dimensions: {min: 5, max: 3}, training: {steps: 1}, seeds: 0}")
                .configurations());
        assertEquals("dimensions.max: must be >= dimensions.min (5), found 3", e.getMessage());
        SpecException zero = assertThrows(SpecException.class, () -> spec("probe: {magnitude: 0}"));
        assertEquals("probe.magnitude: must be > 0, found 0", zero.getMessage());
    }

    @Test
    void aDivergedTrainingIsAStatusNotAnException() {
        Configuration c = Experiments.reader().parse("{name: t, kind: approximate-action, dimensions: {min: 20, "
                + "max: 30}, training: {steps: 300, relative_step: 1.0e6}, seeds: 0}").configurations().get(0);
        ApproximateActionRow r = new ApproximateAction().measure(c, "t");
        assertEquals(io.symsweep.train.TrainingStatus.DIVERGED, r.trainStatus());
        assertEquals(ApproximateActionRow.Status.MINIMUM_DIVERGED, r.status());
        assertTrue(Double.isNaN(r.outputChange()) && !r.boundHolds());
    }
}
