package io.symsweep.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SpecException;
import io.symsweep.table.BarrierRow;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.probe.AlphaGrid;
import io.symsweep.probe.LinearInterpolationProbe;
import io.symsweep.symmetry.HiddenUnits;
import io.symsweep.symmetry.Permutation;
import io.symsweep.symmetry.PermutationAction;
import io.symsweep.symmetry.RescalingAction;
import io.symsweep.table.MinimumRow;
import io.symsweep.train.TrainingStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code rescaling-barrier} with {@code probe.permutation: best} (Proposition 5.4) and {@code probe.factor_range}
 * (Proposition 5.6), on a network small enough to train in a fraction of a second.
 */
class RescalingBarrierPermutationTest {

    private static final String NETWORK = """
            name: t
            kind: rescaling-barrier
            architecture: {widths: [3, 6, 5, 2]}
            data: {samples: 3}
            training: {learning_rate: 0.05, steps: 5000, loss_tolerance: 1.0e-24}
            seeds: 1
            """;

    private static List<Configuration> configurations(String probe) {
        return Experiments.reader().parse(NETWORK + probe).configurations();
    }

    @Test
    void theBestPermutationStillLeavesABarrierThatGrowsWithTheFactor() {
        RescalingBarrier kind = new RescalingBarrier();
        List<Configuration> cs = configurations("probe: {factors: [1, 4, 16, 64, 256], permutation: best}");
        MinimumRow m = Stages.train(kind, cs.get(0));
        assertEquals(TrainingStatus.CONVERGED, m.status());
        double previous = -1;
        for (Configuration c : cs) {
            BarrierRow b = Stages.barrier(c, m);
            assertEquals(BarrierRow.Status.OK, b.status());
            assertEquals("exhaustive", b.search(), "width 5 <= 7 is searched exhaustively");
            assertEquals(120, b.candidates());
            // identity_barrier is the barrier the plain identity probe gives (the batched path), and barrier is the
            // one to P (m . W) for the stored P, recomputed here.
            Configuration plain = c.with(RescalingBarrier.PERMUTATION, null);
            assertEquals(Stages.barrier(plain, m).barrier(), b.identityBarrier(), 1e-12 * m.yNorm2() + 0.0);
            MinimumSettings s = RescalingBarrier.minimumSettings(c);
            MlpParameters w = new MlpParameters(s.architecture(), m.weights());
            MlpParameters permuted = new PermutationAction(HiddenUnits.of(s.architecture(), 2)).act(
                    Permutation.of(b.bestPermutation()), RescalingAction.on(s.architecture(), 2).act(b.factor(), w));
            RegressionData data = s.data();
            assertEquals(LinearInterpolationProbe.run(p -> s.engine().loss(p, data), w, permuted,
                    AlphaGrid.uniform(25)).barrier(), b.barrier(), 0.0);
            if (b.factor() == 1) {
                assertEquals(0.0, b.barrier(), 1e-20, "m = 1: W' = W, the identity gives barrier 0");
            } else {
                assertTrue(b.barrier() > previous, "m = " + b.factor() + ": " + b.barrier() + " after " + previous);
            }
            previous = b.barrier();
        }
    }

    @Test
    void identityIsTheDefaultAndKeepsTheIdsConfigurationsHadWithoutTheField() {
        List<Configuration> plain = configurations("probe: {factors: [2, 8]}");
        List<Configuration> identity = configurations("probe: {factors: [2, 8], permutation: identity}");
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i).id(), identity.get(i).id());
            assertEquals(BarrierSettings.Permutation.IDENTITY, BarrierSettings.parse(plain.get(i)).permutation());
        }
        RescalingBarrier kind = new RescalingBarrier();
        MinimumRow m = Stages.train(kind, plain.get(0));
        BarrierRow b = Stages.barrier(plain.get(1), m);
        assertEquals("none", b.search());
        assertEquals(b.barrier(), b.identityBarrier());
        assertEquals(null, b.factorRange());
    }

    @Test
    void factorsInABoundedRangeStayBelowTheRangesClosedFormMaximum() {
        RescalingBarrier kind = new RescalingBarrier();
        List<Configuration> cs = configurations("probe: {factors: {log: [0.1, 10], points: 9}, factor_range: 10}");
        MinimumRow m = Stages.train(kind, cs.get(0));
        // Prop 5.6 with c = 10, k = 1: ((c + 1/c - 2) / 4)^2 ||Y||^2 = (8.1 / 4)^2 ||Y||^2 = 4.100625 ||Y||^2.
        double bound = 4.100625 * m.yNorm2();
        double worst = 0;
        for (Configuration c : cs) {
            BarrierRow b = Stages.barrier(c, m);
            assertEquals(10.0, b.factorRange());
            assertEquals(bound, b.rangeLossBound(), 1e-15 * bound);
            worst = Math.max(worst, b.barrier() / b.rangeLossBound());
        }
        // The bound is attained at m = c and m = 1/c up to the minimum's loss and rounding.
        assertEquals(1.0, worst, 1e-9);
    }

    @Test
    void aFactorOutsideTheRangeIsOneLineNamingTheField() {
        SpecException e = assertThrows(SpecException.class,
                () -> configurations("probe: {factors: [2, 20], factor_range: 10}"));
        assertEquals("probe.factors: must lie in [1/c, c] = [0.1, 10] since probe.factor_range is 10, found 20",
                e.getMessage());
        SpecException below = assertThrows(SpecException.class,
                () -> configurations("probe: {factors: 1, factor_range: 0.5}"));
        assertEquals("probe.factor_range: must be >= 1, found 0.5", below.getMessage());
    }
}
