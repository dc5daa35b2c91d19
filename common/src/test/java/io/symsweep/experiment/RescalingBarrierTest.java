package io.symsweep.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.probe.ClosedForms;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.BarrierRow;
import io.symsweep.table.BarrierRow.Status;
import io.symsweep.table.MinimumRow;
import io.symsweep.train.TrainingStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proposition 5.3 and Figure 4 (Zhao et al. 2025) on a small version of {@code paper/figure4.yaml}: the
 * same 5-layer leaky-ReLU network, 3 seeds, 10 factors. The midpoint loss between a zero-loss minimum and
 * its rescaled copy is Equation (15), unbounded in m. Runs the two stages as plain Java, as a Spark task
 * would.
 */
class RescalingBarrierTest {

    /** Minima with a loss below this are held to the closed form, which assumes a zero-loss minimum. */
    private static final double ZERO_LOSS = 1e-20;
    /** Relative agreement of measured and closed-form losses along the segment, for m >= 1.5. */
    private static final double CLOSED_FORM_TOL = 1e-9;
    private static final double LOSS_TOLERANCE = 1e-26;
    private static final String SWEEP = Stages.SWEEP;

    private static final String SPEC = """
            name: figure4-small
            kind: rescaling-barrier
            architecture:
              widths: [8, 16, 32, 16, 8, 4]
              activation: leaky_relu
              slope: 0.01
            data:
              samples: 4
            training:
              engine: dense
              learning_rate: 0.01
              steps: 20000
              loss_tolerance: 1.0e-26
              init: lecun_normal
            seeds: 0..2
            probe:
              factors: [1, 1.5, 2, 5, 10, 50, 100, 1000, 5000, 12000]
              alpha_points: 25
            """;

    private static RescalingBarrier kind;
    private static List<Configuration> configurations;
    private static final Map<String, MinimumRow> MINIMA = new LinkedHashMap<>();
    private static final List<BarrierRow> BARRIERS = new ArrayList<>();

    @BeforeAll
    static void runTheSweep() {
        SweepSpec spec = Experiments.reader().parse(SPEC);
        kind = (RescalingBarrier) spec.kind();
        configurations = spec.configurations();
        for (Configuration c : configurations) {
            Configuration minimum = kind.minimumOf(c);
            MinimumRow row = MINIMA.computeIfAbsent(minimum.id(), id -> Stages.train(kind, minimum));
            BARRIERS.add(Stages.barrier(c, row));
        }
    }

    private static MinimumRow minimumOf(BarrierRow b) {
        return MINIMA.get(b.minimumId());
    }

    @Test
    void theSweepHasThreeMinimaAndThirtyProbes() {
        assertEquals(3 * 10, configurations.size());
        assertEquals(3, MINIMA.size());
        assertEquals(30, BARRIERS.size());
    }

    @Test
    void mostSeedsConverge() {
        long converged = MINIMA.values().stream()
                .filter(m -> m.status() == TrainingStatus.CONVERGED).count();
        assertTrue(converged >= 2, converged + " of 3 seeds converged");
        for (MinimumRow m : MINIMA.values()) {
            if (m.status() == TrainingStatus.CONVERGED) {
                assertTrue(m.finalLoss() < LOSS_TOLERANCE, "converged means below the tolerance");
            }
        }
    }

    @Test
    void midpointLossIsEquation15OnEveryZeroLossMinimum() {
        int checked = 0;
        for (BarrierRow b : BARRIERS) {
            if (minimumOf(b).finalLoss() < ZERO_LOSS && b.factor() >= 1.5) {
                double expected = ClosedForms.rescalingMidpointLoss(b.factor(), 1, minimumOf(b).yNorm2());
                assertEquals(expected, b.closedFormMidpointLoss(), 0.0, "the row stores Eq. (15)");
                assertEquals(expected, b.midpointLoss(), CLOSED_FORM_TOL * expected,
                        "seed " + b.provenance().seed() + ", m = " + b.factor());
                checked++;
            }
        }
        assertTrue(checked >= 2 * 9, "held " + checked + " rows to Eq. (15)");
    }

    @Test
    void theWholeCurveIsEquation14OnEveryZeroLossMinimum() {
        int checked = 0;
        for (BarrierRow b : BARRIERS) {
            if (minimumOf(b).finalLoss() < ZERO_LOSS && b.factor() >= 1.5) {
                checked++;
                double[] alphas = b.alphas();
                double[] losses = b.losses();
                for (int i = 1; i < alphas.length - 1; i++) {
                    double expected = ClosedForms.rescalingInterpolationLoss(alphas[i], b.factor(), 1,
                            minimumOf(b).yNorm2());
                    assertEquals(expected, losses[i], CLOSED_FORM_TOL * expected,
                            "seed " + b.provenance().seed() + ", m = " + b.factor() + ", alpha = " + alphas[i]);
                }
            }
        }
        // At least 2 of the 3 minima reach zero loss (mostSeedsConverge), each with 9 factors >= 1.5.
        assertTrue(checked >= 2 * 9, "held " + checked + " curves to Eq. (14)");
    }

    @Test
    void theBarrierGrowsWithoutBoundInM() {
        for (MinimumRow m : MINIMA.values()) {
            List<BarrierRow> rows = BARRIERS.stream()
                    .filter(b -> b.minimumId().equals(m.provenance().configId())).toList();
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(rows.get(i).factor() > rows.get(i - 1).factor(), "factors in spec order");
                assertTrue(rows.get(i).barrier() > rows.get(i - 1).barrier(), "barrier increases with m");
            }
            // ((m - 1)^2 / 4m)^2 ||Y||^2 at m = 12000 is about 9e6 ||Y||^2.
            assertTrue(rows.get(rows.size() - 1).barrier() > 8.9e6 * m.yNorm2());
        }
    }

    @Test
    void everyRowStoresTheWholeGrid() {
        for (BarrierRow b : BARRIERS) {
            double[] a = b.alphas();
            assertEquals(25, a.length);
            assertEquals(0.0, a[0], 0.0);
            assertEquals(0.5, a[12], 0.0);
            assertEquals(1.0, a[24], 0.0);
            assertEquals(25, b.losses().length);
            assertEquals(b.losses()[12], b.midpointLoss(), 0.0);
            assertEquals(Status.OK, b.status());
            assertEquals(minimumOf(b).finalLoss(), b.losses()[0], 0.0, "alpha 0 is the stored minimum");
            assertTrue(b.losses()[24] < ZERO_LOSS, "the rescaled copy is on the minimum too: " + b.losses()[24]);
            assertEquals(4, b.rescaledLayer(), "default: the last two layers of 5");
            assertEquals(SWEEP, b.provenance().sweep());
        }
    }

    @Test
    void factorOneHasNoBarrier() {
        // W' = W bitwise (W_4 times 1, W_5 times 1^-1), so every point of the segment is W itself.
        int checked = 0;
        for (BarrierRow b : BARRIERS) {
            if (b.factor() == 1.0) {
                checked++;
                assertEquals(0.0, b.barrier(), 0.0, "seed " + b.provenance().seed());
                assertEquals(0.0, b.endpointDistance(), 0.0);
                for (double loss : b.losses()) {
                    assertEquals(minimumOf(b).finalLoss(), loss, 0.0);
                }
            }
        }
        assertEquals(MINIMA.size(), checked, "factor 1 is probed on every minimum");
    }

    @Test
    void trainingTheSameConfigurationTwiceIsBitwiseIdentical() {
        MinimumRow first = MINIMA.values().iterator().next();
        Configuration minimum = kind.minimumOf(configurations.get(0));
        assertEquals(first.provenance().configId(), minimum.id());
        MinimumRow again = Stages.train(kind, minimum);
        // Every column but the wall-clock time.
        MinimumRow timed = new MinimumRow(again.provenance(), again.kind(), again.architecture(), again.engine(),
                again.steps(), again.finalLoss(), again.status(), first.trainSeconds(), again.weights(), again.yNorm2(),
                again.x(), again.y());
        assertTrue(MinimumRow.TABLE.sameValues(first, timed));
        int i = configurations.indexOf(configurations.stream()
                .filter(c -> kind.minimumOf(c).id().equals(first.provenance().configId())
                        && BarrierSettings.parse(c).factor() == 1000)
                .findFirst().orElseThrow());
        BarrierRow probe = Stages.barrier(configurations.get(i), again);
        assertTrue(BarrierRow.TABLE.sameValues(BARRIERS.get(i), probe));
    }

    @Test
    void seedsGiveDifferentMinima() {
        List<MinimumRow> rows = List.copyOf(MINIMA.values());
        assertNotEquals(rows.get(0).yNorm2(), rows.get(1).yNorm2(), "different data");
        assertNotEquals(rows.get(0).weights()[0][0], rows.get(1).weights()[0][0], "different weights");
    }

    @Test
    void initialWeightsDependOnSeedWidthsAndInitOnly() {
        Configuration c = kind.minimumOf(configurations.get(0));
        MlpParameters w0 = RescalingBarrier.minimumSettings(c).initialWeights();
        assertEquals(w0, RescalingBarrier.minimumSettings(c.with(TrainingFields.ENGINE, "dl4j")).initialWeights());
        assertEquals(w0, RescalingBarrier.minimumSettings(c.with(TrainingFields.LEARNING_RATE, 0.02)).initialWeights());
        assertEquals(w0, RescalingBarrier.minimumSettings(c.with(TrainingFields.STEPS, 7L)).initialWeights());
        assertArrayEquals(w0.flatten(), RescalingBarrier.minimumSettings(c.with("architecture.activation", "relu")
                .with(ActivationFields.SLOPE, null)).initialWeights().flatten(), 0.0, "same draw for another activation");
        assertNotEquals(w0, RescalingBarrier.minimumSettings(c.with(Configuration.SEED, 99L)).initialWeights());
        assertNotEquals(w0, RescalingBarrier.minimumSettings(c.with(TrainingFields.INIT, "he_normal")).initialWeights());
        assertNotEquals(w0.flatten()[0], RescalingBarrier.minimumSettings(c.with(TrainingFields.INIT_SCALE, 2.0)).initialWeights()
                .flatten()[0] / 2, "a new draw, not the same draw scaled");
    }

    @Test
    void dl4jReachesTheSameMinimumOnATinyNet() {
        String tiny = """
                name: tiny
                kind: rescaling-barrier
                architecture:
                  widths: [3, 4, 2]
                data:
                  samples: 2
                training:
                  engine: [dense, dl4j]
                  learning_rate: 0.05
                  steps: 5000
                  loss_tolerance: 1.0e-20
                seeds: 0
                probe:
                  factors: 3
                """;
        List<Configuration> both = Experiments.reader().parse(tiny).configurations();
        assertEquals(List.of("dense", "dl4j"), both.stream().map(c -> c.text(TrainingFields.ENGINE)).toList());
        MinimumRow dense = Stages.train(kind, both.get(0));
        MinimumRow dl4j = Stages.train(kind, both.get(1));

        assertEquals("dense", dense.engine());
        assertEquals("dl4j", dl4j.engine());
        assertEquals(TrainingStatus.CONVERGED, dense.status());
        assertEquals(dense.status(), dl4j.status());
        assertEquals(dense.steps(), dl4j.steps(), "both cross the tolerance at the same step");
        assertEquals(dense.provenance().seed(), dl4j.provenance().seed());
        assertEquals(dense.architecture(), dl4j.architecture());
        assertEquals(dense.yNorm2(), dl4j.yNorm2(), 0.0, "same data");
        // Near zero the loss is a difference of nearly equal numbers, so it agrees on the problem's scale
        // ||Y||^2, not relative to itself; the weights agree relative to their norm.
        assertEquals(dense.finalLoss(), dl4j.finalLoss(), 1e-9 * dense.yNorm2());
        MlpArchitecture arch = RescalingBarrier.minimumSettings(both.get(0)).architecture();
        MlpParameters a = new MlpParameters(arch, dense.weights());
        double relative = a.distance(new MlpParameters(arch, dl4j.weights())) / a.norm();
        assertTrue(relative <= 1e-9, "relative weight difference " + relative);

        // And the probe through each engine gives the same midpoint, Eq. (15): c = 4/3, ||Y||^2 / 9.
        BarrierRow pDense = Stages.barrier(both.get(0), dense);
        BarrierRow pDl4j = Stages.barrier(both.get(1), dl4j);
        assertEquals(dense.yNorm2() / 9, pDense.midpointLoss(), 1e-9 * dense.yNorm2() / 9);
        assertEquals(pDense.midpointLoss(), pDl4j.midpointLoss(), 1e-9 * pDense.midpointLoss());
    }

    @Test
    void aDivergedMinimumGivesARowOfNaNsNotACrash() {
        Configuration c = configurations.get(1).with(TrainingFields.LEARNING_RATE, 10.0);
        MinimumRow diverged = Stages.train(kind, c);
        assertEquals(TrainingStatus.DIVERGED, diverged.status());
        BarrierRow row = Stages.barrier(c, diverged);
        assertEquals(Status.MINIMUM_DIVERGED, row.status());
        assertEquals(TrainingStatus.DIVERGED, row.minimumStatus());
        assertTrue(Double.isNaN(row.barrier()) && Double.isNaN(row.midpointLoss()));
        assertArrayEquals(new double[] {0, 0.5, 1}, new double[] {row.alphas()[0], row.alphas()[12], row.alphas()[24]});
    }

    private static double[] flatten(double[][] layers) {
        return Arrays.stream(layers).flatMapToDouble(Arrays::stream).toArray();
    }
}
