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
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dense engine's results do not depend on batching: a network trained alone (scalar kernel) and in a
 * batch (a SIMD lane of the interleaved kernel, next to any other networks, in any lane, refilled as
 * networks stop) ends with bitwise the same weights, steps, loss and status; probe losses likewise.
 */
class BatchIndependenceTest {

    private final DenseEngine engine = new DenseEngine();

    /**
     * Without the Vector API module every batch runs network by network on the scalar kernel, and every comparison
     * below would hold scalar against scalar; the class refuses to run then (the pom's argLine adds the module).
     */
    @BeforeAll
    static void batchesRunOnSimdLanes() {
        assertTrue(DenseEngine.vectorized(), "jdk.incubator.vector is missing: the batches would be scalar");
        assertTrue(DenseEngine.lanes() >= 2, "one lane per vector: the batches would be scalar");
    }

    static Stream<MlpArchitecture> architectures() {
        return Stream.of(
                new MlpArchitecture(new int[] {8, 16, 32, 16, 8, 4}, Activation.leakyRelu(0.01)),
                new MlpArchitecture(new int[] {3, 5, 2}, Activation.relu()),
                new MlpArchitecture(new int[] {4, 4, 4, 4}, Activation.linear()),
                new MlpArchitecture(new int[] {5, 9, 3}, Activation.leakyRelu(0.2)),
                new MlpArchitecture(new int[] {6, 7, 4}, Activation.sigmoid()),
                new MlpArchitecture(new int[] {2, 3, 3, 1}, Activation.tanh()));
    }

    /**
     * Problems that stop at many different steps: various tolerances (some reached early, some never),
     * budgets (including 0), learning rates (a few large enough to diverge), data and initial weights.
     */
    static List<TrainingProblem> problems(MlpArchitecture arch, int samples, int count, long seed) {
        Random r = new Random(seed);
        List<TrainingProblem> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RegressionData data = RegressionData.gaussian(arch.inputs(), arch.outputs(), samples, r.nextLong());
            MlpParameters w0 = WeightInit.LECUN_NORMAL.sample(arch, 1.0, r.nextLong());
            double lr = i % 17 == 5 ? 3.0 : 0.002 + 0.02 * r.nextDouble();
            long steps = i % 13 == 7 ? 0 : 20 + r.nextInt(120);
            double tolerance = i % 3 == 0 ? 0 : data.yNorm2() * r.nextDouble();
            out.add(new TrainingProblem(w0, data, new TrainingSettings(lr, steps, tolerance)));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void batchedTrainingIsBitwiseTrainingAlone(MlpArchitecture arch) {
        int samples = arch.inputs() + 1;
        List<TrainingProblem> problems = problems(arch, samples, 61, 7);
        List<TrainingResult> alone = new ArrayList<>();
        for (TrainingProblem p : problems) {
            alone.add(engine.train(p.initial(), p.data(), p.settings()));
        }
        Set<TrainingStatus> seen = EnumSet.noneOf(TrainingStatus.class);
        alone.forEach(r -> seen.add(r.status()));
        assertEquals(EnumSet.allOf(TrainingStatus.class), seen, "the problems reach every status");
        for (int batch : new int[] {0, 1, 8, 24, 1000}) {
            assertSameResults(alone, engine.trainAll(problems, batch), arch.label() + ", batch " + batch);
        }
    }

    @Test
    void aThousandFigure4NetworksAlongsideOtherShapes() {
        MlpArchitecture fig4 = new MlpArchitecture(new int[] {8, 16, 32, 16, 8, 4}, Activation.leakyRelu(0.01));
        List<TrainingProblem> problems = problems(fig4, 4, 1000, 11);
        List<TrainingResult> alone = new ArrayList<>();
        for (TrainingProblem p : problems) {
            alone.add(engine.train(p.initial(), p.data(), p.settings()));
        }
        // The same networks shuffled among networks of two other shapes, in one call.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(3));
        List<TrainingProblem> mixed = new ArrayList<>();
        List<TrainingProblem> others = new ArrayList<>();
        others.addAll(problems(new MlpArchitecture(new int[] {3, 5, 2}, Activation.relu()), 4, 40, 5));
        others.addAll(problems(fig4, 3, 40, 6));
        int o = 0;
        for (int i : order) {
            mixed.add(problems.get(i));
            if (i % 25 == 0 && o < others.size()) {
                mixed.add(others.get(o++));
            }
        }
        List<TrainingResult> batched = engine.trainAll(mixed, 1000);
        java.util.Map<TrainingProblem, TrainingResult> byProblem = new java.util.IdentityHashMap<>();
        for (int i = 0; i < problems.size(); i++) {
            byProblem.put(problems.get(i), alone.get(i));
        }
        List<TrainingResult> expected = new ArrayList<>();
        List<TrainingResult> actual = new ArrayList<>();
        for (int m = 0; m < mixed.size(); m++) {
            TrainingResult e = byProblem.get(mixed.get(m));
            if (e != null) {
                expected.add(e);
                actual.add(batched.get(m));
            }
        }
        assertEquals(1000, actual.size());
        assertSameResults(expected, actual, "1000 Figure-4 networks in a mixed batch");
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void lineLossesAreBitwiseSingleLosses(MlpArchitecture arch) {
        RegressionData data = RegressionData.gaussian(arch.inputs(), arch.outputs(), 5, 1);
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(arch, 1.0, 2);
        List<MlpParameters> ends = List.of(WeightInit.LECUN_NORMAL.sample(arch, 1.0, 3), w.scaleLayer(1, 1e3),
                WeightInit.HE_NORMAL.sample(arch, 5.0, 4));
        // 25 points: vectors of lanes span two lines; 3 points: one vector spans every line
        for (int points : new int[] {25, 3}) {
            double[] alphas = io.symsweep.probe.AlphaGrid.uniform(points);
            for (int batch : new int[] {0, 1, 16, 1000}) {
                assertSameLosses(engine, w, ends, alphas, data, engine.lineLosses(w, ends, alphas, data, batch));
            }
        }
    }

    /**
     * Ends that change only the later layers (as a rescaling of the last two does) share the earlier layers' products
     * across every lane: still bitwise the single losses, for every number of shared layers, with zero weights of
     * either sign in the shared layers, and with an infinite weight (never shared: inf - inf is NaN on the line).
     */
    @ParameterizedTest
    @MethodSource("architectures")
    void lineLossesOfEndsSharingLeadingLayersAreBitwiseSingleLosses(MlpArchitecture arch) {
        RegressionData data = RegressionData.gaussian(arch.inputs(), arch.outputs(), 4, 5);
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(arch, 1.0, 6);
        double[] first = w.layer(1);
        first[0] = -0.0;
        first[1] = 0.0;
        w = w.withLayer(1, first);
        int l = arch.layers();
        double[] alphas = io.symsweep.probe.AlphaGrid.uniform(25);
        for (int changed = 1; changed <= l; changed++) {
            // the layers changed..l differ from w, the layers before are w's own
            List<MlpParameters> ends = new ArrayList<>();
            for (double m : new double[] {3.0, 0.25, 1e3}) {
                MlpParameters e = w;
                for (int i = changed; i <= l; i++) {
                    e = e.scaleLayer(i, i == changed ? m : 1 / Math.pow(m, 1.0 / (l - changed + 1)));
                }
                ends.add(e);
            }
            int shared = DenseEngine.sharedLayers(w, ends);
            assertEquals(Math.min(changed - 1, l - 1), shared, "layers shared when layer " + changed + " changes");
            for (int batch : new int[] {0, 1, 16}) {
                assertSameLosses(engine, w, ends, alphas, data, engine.lineLosses(w, ends, alphas, data, batch));
            }
        }
        double[] last = w.layer(1);
        last[2] = Double.POSITIVE_INFINITY;
        MlpParameters infinite = w.withLayer(1, last);
        List<MlpParameters> ends = List.of(infinite.scaleLayer(l, 2.0));
        assertEquals(0, DenseEngine.sharedLayers(infinite, ends));
        assertSameLosses(engine, infinite, ends, alphas, data, engine.lineLosses(infinite, ends, alphas, data, 0));
    }

    private static void assertSameLosses(DenseEngine engine, MlpParameters w, List<MlpParameters> ends,
            double[] alphas, RegressionData data, double[][] batched) {
        for (int f = 0; f < ends.size(); f++) {
            for (int i = 0; i < alphas.length; i++) {
                double a = alphas[i];
                MlpParameters p = a == 0 ? w : a == 1 ? ends.get(f) : w.interpolate(ends.get(f), a);
                assertEquals(Double.doubleToRawLongBits(engine.loss(p, data)),
                        Double.doubleToRawLongBits(batched[f][i]), "end " + f + ", alpha " + a);
            }
        }
    }

    @Test
    void autoBatchIsWholeVectorsWithinTheBudget() {
        int lanes = DenseEngine.lanes();
        MlpArchitecture fig4 = new MlpArchitecture(new int[] {8, 16, 32, 16, 8, 4}, Activation.leakyRelu(0.01));
        MlpArchitecture tiny = new MlpArchitecture(new int[] {4, 4, 4, 4}, Activation.linear());
        for (MlpArchitecture arch : List.of(fig4, tiny)) {
            int b = DenseEngine.autoBatch(arch, 4);
            assertEquals(0, b % lanes, arch + ": " + b);
            assertTrue(b >= lanes && b <= DenseEngine.MAX_AUTO_BATCH, arch + ": " + b);
        }
        assertTrue(DenseEngine.autoBatch(tiny, 4) >= DenseEngine.autoBatch(fig4, 4));
    }

    /**
     * Which NaN a diverged network ends with depends on operand order in the machine code (interpreter,
     * C2, SIMD lanes), so the engine returns the canonical NaN: bitwise reproducible tables.
     */
    private static void assertCanonicalNaNs(String what, double loss, double[] w) {
        long nan = Double.doubleToRawLongBits(Double.NaN);
        if (Double.isNaN(loss)) {
            assertEquals(nan, Double.doubleToRawLongBits(loss), what + ": loss NaN is not canonical");
        }
        for (double v : w) {
            if (Double.isNaN(v)) {
                assertEquals(nan, Double.doubleToRawLongBits(v), what + ": weight NaN is not canonical");
            }
        }
    }

    private static void assertSameResults(List<TrainingResult> expected, List<TrainingResult> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            TrainingResult e = expected.get(i);
            TrainingResult a = actual.get(i);
            String at = what + ", network " + i;
            assertEquals(e.status(), a.status(), at + ": status");
            assertEquals(e.steps(), a.steps(), at + ": steps");
            assertEquals(Double.doubleToRawLongBits(e.finalLoss()), Double.doubleToRawLongBits(a.finalLoss()),
                    at + ": final loss " + e.finalLoss() + " vs " + a.finalLoss());
            double[] we = e.weights().flatten();
            double[] wa = a.weights().flatten();
            assertCanonicalNaNs(at + " (alone)", e.finalLoss(), we);
            assertCanonicalNaNs(at + " (batched)", a.finalLoss(), wa);
            for (int j = 0; j < we.length; j++) {
                if (Double.doubleToRawLongBits(we[j]) != Double.doubleToRawLongBits(wa[j])) {
                    throw new AssertionError(at + ": weight " + j + " is " + wa[j] + ", alone " + we[j]);
                }
            }
        }
    }
}
