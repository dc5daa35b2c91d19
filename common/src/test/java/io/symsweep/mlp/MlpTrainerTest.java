package io.symsweep.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.data.DataSplit;
import io.symsweep.data.Task;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Tensor;
import org.junit.jupiter.api.Test;

/** DL4J training: bitwise reproducible from the seed, learns the digits, reports divergence as a status. */
class MlpTrainerTest {

    private static final MlpSpec DIGITS = new MlpSpec(new int[] {64, 16, 16, 10}, HiddenActivation.RELU, true,
            Task.CLASSIFICATION);

    @Test
    void twoTrainingsFromOneSeedAreBitwiseEqualAndOtherSeedsDiffer() {
        DataSplit data = DataSplit.digits(360, 0);
        TrainingSpec t = new TrainingSpec(TrainingSpec.Optimizer.SGD, 0.05, 0.9, 64, 2, 1e-4,
                TrainingSpec.Schedule.LINEAR, 1);
        TrainedModel a = MlpTrainer.train(DIGITS, t, data, 7);
        TrainedModel b = MlpTrainer.train(DIGITS, t, data, 7);
        for (String name : a.parameters().names()) {
            assertArrayEquals(bits(a.parameters().get(name)), bits(b.parameters().get(name)), name);
        }
        assertEquals(a.trainLoss(), b.trainLoss(), 0.0);
        assertEquals(2L * 23, a.steps(), "1437 samples in batches of 64: 23 steps per epoch");
        TrainedModel c = MlpTrainer.train(DIGITS, t, data, 8);
        assertNotEquals(a.trainLoss(), c.trainLoss());
    }

    @Test
    void adamLearnsTheDigits() {
        DataSplit data = DataSplit.digits(360, 0);
        TrainedModel m = MlpTrainer.train(DIGITS, TrainingSpec.adam(0.01, 64, 8), data, 1);
        assertEquals(TrainedModel.Status.TRAINED, m.status());
        assertTrue(m.testAccuracy() > 0.9, "test accuracy " + m.testAccuracy());
        assertTrue(m.epochLosses()[7] < 0.5 * m.epochLosses()[0], java.util.Arrays.toString(m.epochLosses()));
        // the reported loss is the plain-Java evaluation of the returned weights
        assertEquals(MlpForward.evaluate(DIGITS, m.parameters(), data.test()).loss(), m.testLoss(), 0.0);
    }

    @Test
    void aDivergingRunIsAStatus() {
        DataSplit data = new TeacherTask(new MlpSpec(new int[] {4, 8, 2}, HiddenActivation.LINEAR, true,
                Task.REGRESSION), 3, 64, 16, 0.1, 0).generate();
        TrainingSpec t = new TrainingSpec(TrainingSpec.Optimizer.SGD, 50, 0.9, 16, 20, 0,
                TrainingSpec.Schedule.CONSTANT, 1);
        TrainedModel m = MlpTrainer.train(new MlpSpec(new int[] {4, 8, 2}, HiddenActivation.LINEAR, true,
                Task.REGRESSION), t, data, 0);
        assertEquals(TrainedModel.Status.DIVERGED, m.status());
        assertTrue(m.steps() < 20 * 4, "stopped at the first non-finite score, after " + m.steps());
    }

    @Test
    void theTeacherTaskDrawsTrainAndTestSeparatelyAndReproducibly() {
        MlpSpec teacher = new MlpSpec(new int[] {5, 12, 3}, HiddenActivation.TANH, true, Task.REGRESSION);
        TeacherTask task = new TeacherTask(teacher, 11, 50, 20, 0.1, 0);
        DataSplit a = task.generate();
        DataSplit b = task.generate();
        assertArrayEquals(a.train().featuresRowMajor(), b.train().featuresRowMajor(), 0.0);
        assertEquals(50, a.train().size());
        assertEquals(20, a.test().size());
        assertNotEquals(a.train().featureRow(0)[0], a.test().featureRow(0)[0]);
        // the targets are the teacher's outputs, exactly (no noise)
        ParameterSet p = task.teacherParameters();
        double[] out = MlpForward.outputs(teacher, p, a.test().featuresRowMajor(), 20);
        assertEquals(out[3 * 5 + 1], a.test().target(5)[1], 0.0);
        DataSplit labels = new TeacherTask(new MlpSpec(new int[] {5, 12, 3}, HiddenActivation.TANH, true,
                Task.CLASSIFICATION), 11, 200, 20, 0.1, 0).generate();
        int[] counts = new int[3];
        for (int y : labels.train().labels()) {
            counts[y]++;
        }
        for (int c : counts) {
            assertTrue(c > 10, "every class occurs: " + java.util.Arrays.toString(counts));
        }
    }

    private static long[] bits(Tensor t) {
        double[] d = t.data();
        long[] b = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            b[i] = Double.doubleToRawLongBits(d[i]);
        }
        return b;
    }
}
