package io.symsweep.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.params.ParameterSet;
import io.symsweep.transformer.TransformerArchitecture.Nonlinearity;
import io.symsweep.transformer.TransformerArchitecture.Norm;
import org.junit.jupiter.api.Test;

/** SameDiff training: bitwise reproducible from the seed, the loss falls, the schedule is the one stated. */
class TransformerTrainingTest {

    private static final TransformerArchitecture ARCH = TransformerArchitecture.causal(5, 6, 16, 1, 2, 8, 32,
            Norm.LAYER_NORM, Nonlinearity.GELU);
    private static final AlgorithmicTask TASK = AlgorithmicTask.reversal(3, 4, 24, 8, 3);
    private static final TrainingSchedule SCHEDULE = new TrainingSchedule(3, 8, 1e-2, 2, 0);

    private static void assertBitwiseEqual(ParameterSet a, ParameterSet b) {
        for (String n : a.names()) {
            double[] x = a.get(n).data();
            double[] y = b.get(n).data();
            for (int i = 0; i < x.length; i++) {
                assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(y[i]), n + "[" + i + "]");
            }
        }
    }

    @Test
    void twoTrainingsFromOneSeedGiveIdenticalBitsAndAnotherSeedDoesNot() {
        SequenceData train = SequenceData.ofTokens(TASK.train());
        var a = TransformerTraining.train(ARCH, train, SCHEDULE, 42);
        var b = TransformerTraining.train(ARCH, train, SCHEDULE, 42);
        var c = TransformerTraining.train(ARCH, train, SCHEDULE, 43);
        assertEquals(TransformerTraining.Status.TRAINED, a.status());
        assertEquals(SCHEDULE.totalSteps(train.samples()), a.steps());
        assertBitwiseEqual(a.model().parameters(), b.model().parameters());
        assertEquals(a.train(), b.train());
        assertTrue(a.model().parameters().distance(c.model().parameters()) > 1e-3);
    }

    @Test
    void trainingLowersTheLossFromTheInitialisation() {
        SequenceData train = SequenceData.ofTokens(TASK.train());
        TransformerModel init = new TransformerModel(ARCH, TransformerParameters.initialise(ARCH, 5));
        double before = new TransformerGraph(init).evaluate(train).loss();
        var r = TransformerTraining.train(init, train, new TrainingSchedule(12, 8, 2e-2, 4, 0), 6);
        assertTrue(r.train().loss() < 0.5 * before, "loss " + before + " -> " + r.train().loss());
    }

    @Test
    void aDivergingRunIsAStatusNotACrash() {
        SequenceData train = SequenceData.ofTokens(TASK.train());
        ParameterSet p = TransformerParameters.initialise(ARCH, 5);
        double[] w = p.get(TransformerParameters.EMBED).data();
        w[0] = Double.NaN;
        TransformerModel broken = new TransformerModel(ARCH, p.with(TransformerParameters.EMBED,
                new io.symsweep.params.Tensor(p.get(TransformerParameters.EMBED).shape(), w)));
        var r = TransformerTraining.train(broken, train, SCHEDULE, 1);
        assertEquals(TransformerTraining.Status.DIVERGED, r.status());
        assertEquals(SCHEDULE.stepsPerEpoch(train.samples()), r.steps(), "stopped after the first epoch");
    }

    @Test
    void theScheduleWarmsUpLinearlyThenDecaysAlongACosine() {
        TrainingSchedule s = new TrainingSchedule(10, 4, 0.1, 4, 0);
        long total = 104;
        assertEquals(0.025, s.learningRateAt(0, total), 1e-15);
        assertEquals(0.1, s.learningRateAt(3, total), 1e-15);
        assertEquals(0.1, s.learningRateAt(4, total), 1e-15);
        assertEquals(0.05, s.learningRateAt(54, total), 1e-15);
        assertEquals(0.1 * 0.5 * (1 + Math.cos(Math.PI * 99 / 100)), s.learningRateAt(103, total), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new TrainingSchedule(0, 4, 0.1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSchedule(1, 4, -0.1, 0, 0));
    }

    @Test
    void batchesVisitEverySampleOncePerEpochInASeededOrder() {
        SequenceData train = SequenceData.ofTokens(TASK.train());
        var first = new TransformerTraining.Batches(train, 5, 9);
        var second = new TransformerTraining.Batches(train, 5, 9);
        for (int epoch = 0; epoch < 2; epoch++) {
            double seen = 0;
            int rows = 0;
            while (first.hasNext()) {
                var x = first.next();
                var y = second.next();
                assertArrayEquals(x.getFeatures(0).data().asDouble(), y.getFeatures(0).data().asDouble());
                seen += x.getFeatures(0).sumNumber().doubleValue();
                rows += (int) x.getFeatures(0).size(0);
                assertEquals(1.0, x.getLabels(1).sumNumber().doubleValue(), 1e-12, "the loss weights sum to 1");
            }
            assertEquals(train.samples(), rows);
            assertEquals(train.samples() * train.tokens(), seen, 0.0, "one-hot rows: every sample once");
            first.reset();
            second.reset();
        }
    }
}
