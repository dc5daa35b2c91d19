package io.symsweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.model.WeightInit;
import io.symsweep.train.TrainingProblem;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingSettings;
import io.symsweep.train.TrainingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The dense engine against the DL4J reference: same loss, same gradient, same trained minimum. */
class EngineEquivalenceTest {

    /** Relative tolerance for one loss or gradient evaluation (both are float64; only summation order differs). */
    private static final double EVAL_TOL = 1e-10;
    /** Relative tolerance on the weights after 100 SGD steps. */
    private static final double TRAIN_TOL = 1e-10;

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(new MlpArchitecture(new int[] {8, 16, 32, 16, 8, 4}, Activation.leakyRelu(0.01)), 4, 0.01),
                Arguments.of(new MlpArchitecture(new int[] {3, 5, 2}, Activation.relu()), 7, 0.01),
                Arguments.of(new MlpArchitecture(new int[] {4, 4, 4, 4}, Activation.linear()), 6, 0.01),
                Arguments.of(new MlpArchitecture(new int[] {5, 9, 3}, Activation.leakyRelu(0.2)), 10, 0.01),
                Arguments.of(new MlpArchitecture(new int[] {6, 7, 4}, Activation.sigmoid()), 5, 0.05),
                Arguments.of(new MlpArchitecture(new int[] {2, 3, 3, 1}, Activation.tanh()), 9, 0.02));
    }

    @ParameterizedTest
    @MethodSource("networks")
    void lossAndGradientMatchDl4j(MlpArchitecture arch, int samples, double lr) {
        RegressionData data = RegressionData.gaussian(arch.inputs(), arch.outputs(), samples, 11);
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(arch, 1.0, 12);
        double[][] gDense = w.layers();
        double[][] gDl4j = w.layers();
        double lDense = new DenseEngine().lossAndGradient(w, data, gDense);
        double lDl4j = new Dl4jEngine().lossAndGradient(w, data, gDl4j);
        assertRelativelyClose(lDl4j, lDense, EVAL_TOL, "loss");
        assertRelativelyClose(lDl4j, new Dl4jEngine().loss(w, data), EVAL_TOL, "dl4j loss vs score");
        assertRelativelyClose(lDense, new DenseEngine().loss(w, data), 0, "dense loss vs forward");
        for (int i = 0; i < gDense.length; i++) {
            assertVectorsClose(gDl4j[i], gDense[i], EVAL_TOL, "dL/dW_" + (i + 1));
        }
    }

    @ParameterizedTest
    @MethodSource("networks")
    void hundredStepsReachTheSameWeights(MlpArchitecture arch, int samples, double lr) {
        RegressionData data = RegressionData.gaussian(arch.inputs(), arch.outputs(), samples, 21);
        MlpParameters w0 = WeightInit.LECUN_NORMAL.sample(arch, 1.0, 22);
        TrainingSettings settings = new TrainingSettings(lr, 100, 0);
        TrainingResult dense = new DenseEngine().train(w0, data, settings);
        TrainingResult dl4j = new Dl4jEngine().train(w0, data, settings);
        assertEquals(100, dense.steps());
        assertEquals(100, dl4j.steps());
        assertEquals(TrainingStatus.NOT_CONVERGED, dense.status());
        assertEquals(TrainingStatus.NOT_CONVERGED, dl4j.status());
        assertTrue(dense.finalLoss() < new DenseEngine().loss(w0, data), "training lowered the loss");
        assertRelativelyClose(dl4j.finalLoss(), dense.finalLoss(), TRAIN_TOL, "final loss");
        assertVectorsClose(dl4j.weights().flatten(), dense.weights().flatten(), TRAIN_TOL, "weights");
    }

    /**
     * The batched path (an interleaved SIMD batch next to other networks) against DL4J trained network by
     * network: the same 20 steps (fewer than above: some of these problems amplify rounding differences
     * late), the same weights to {@link #TRAIN_TOL}; and batched probe losses
     * against DL4J's score.
     */
    @ParameterizedTest
    @MethodSource("networks")
    void batchedTrainingAndProbesMatchDl4j(MlpArchitecture arch, int samples, double lr) {
        List<TrainingProblem> problems = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            problems.add(new TrainingProblem(WeightInit.LECUN_NORMAL.sample(arch, 1.0, 50 + i),
                    RegressionData.gaussian(arch.inputs(), arch.outputs(), samples, 60 + i),
                    new TrainingSettings(lr * (0.5 + 0.1 * i), 20, 0)));
        }
        List<TrainingResult> batched = new DenseEngine().trainAll(problems, 0);
        Dl4jEngine dl4jEngine = new Dl4jEngine();
        List<TrainingResult> dl4j = dl4jEngine.trainAll(problems, 0);
        for (int i = 0; i < problems.size(); i++) {
            assertEquals(20, batched.get(i).steps());
            assertRelativelyClose(dl4j.get(i).finalLoss(), batched.get(i).finalLoss(), TRAIN_TOL, "final loss " + i);
            assertVectorsClose(dl4j.get(i).weights().flatten(), batched.get(i).weights().flatten(), TRAIN_TOL,
                    "weights " + i);
        }
        MlpParameters w = batched.get(0).weights();
        List<MlpParameters> ends = List.of(w.scaleLayer(1, 3.0), problems.get(1).initial());
        double[] alphas = io.symsweep.probe.AlphaGrid.uniform(25);
        RegressionData data = problems.get(0).data();
        double[][] dense = new DenseEngine().lineLosses(w, ends, alphas, data, 0);
        double[][] reference = dl4jEngine.lineLosses(w, ends, alphas, data, 0);
        for (int f = 0; f < ends.size(); f++) {
            for (int a = 0; a < alphas.length; a++) {
                assertRelativelyClose(reference[f][a], dense[f][a], EVAL_TOL, "line " + f + " alpha " + alphas[a]);
            }
        }
    }

    static void assertRelativelyClose(double expected, double actual, double tol, String what) {
        double scale = Math.max(Math.abs(expected), Double.MIN_NORMAL);
        assertTrue(Math.abs(expected - actual) <= tol * scale,
                what + ": expected " + expected + ", found " + actual + " (relative error "
                        + Math.abs(expected - actual) / scale + " > " + tol + ")");
    }

    /** Relative to the vector's norm, so tiny entries are not held to a meaningless per-entry bound. */
    static void assertVectorsClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += (expected[i] - actual[i]) * (expected[i] - actual[i]);
            norm += expected[i] * expected[i];
        }
        diff = Math.sqrt(diff);
        norm = Math.max(Math.sqrt(norm), Double.MIN_NORMAL);
        assertTrue(diff <= tol * norm, what + ": relative difference " + diff / norm + " > " + tol);
    }
}
