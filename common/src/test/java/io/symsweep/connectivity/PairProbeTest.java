package io.symsweep.connectivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentSettings;
import io.symsweep.align.AlignmentStatus;
import io.symsweep.data.DataSplit;
import io.symsweep.data.Task;
import io.symsweep.mlp.HiddenActivation;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.mlp.MlpSymmetries;
import io.symsweep.mlp.MlpTrainer;
import io.symsweep.mlp.TeacherTask;
import io.symsweep.mlp.TrainedModel;
import io.symsweep.mlp.TrainingSpec;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.UnitTransform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Barrier definitions, the probe's grid, and the science of the alignment classes on trained networks. */
class PairProbeTest {

    @Test
    void barrierDefinitionsOnAHandMadeCurve() {
        double[] l = {0, 0.25, 0.5, 0.75, 1};
        double[] loss = {1, 2, 4, 3.5, 3};
        // line: 1, 1.5, 2, 2.5, 3 -> largest excess 2 at l = 0.5; mean of endpoints 2 -> 4 - 2 = 2
        assertEquals(2.0, InterpolationCurve.aboveLine(l, loss), 0.0);
        assertEquals(2.0, InterpolationCurve.aboveMean(loss), 0.0);
        double[] skew = {0, 0.5, 0.9, 1.0, 1.0};
        // line 0, .25, .5, .75, 1: excess .4 at 0.5; mean 0.5: 1.0 - 0.5
        assertEquals(0.4, InterpolationCurve.aboveLine(l, skew), 1e-15);
        assertEquals(0.5, InterpolationCurve.aboveMean(skew), 0.0);
        double[] acc = {0.9, 0.7, 0.5, 0.8, 1.0};
        // line .9 .925 .95 .975 1: drops .225 .45 .175 -> .45
        assertEquals(0.45, InterpolationCurve.belowLine(l, acc), 1e-15);
        assertTrue(Double.isNaN(InterpolationCurve.aboveLine(l, new double[] {1, Double.NaN, 1, 1, 1})));
    }

    private static final MlpSpec DIGITS = new MlpSpec(new int[] {64, 32, 32, 10}, HiddenActivation.RELU, true,
            Task.CLASSIFICATION);

    @Test
    void identicalEndpointsHaveNoBarrierAndTheGridIsRefinedAroundThePeak() {
        DataSplit data = DataSplit.digits(360, 0);
        TrainedModel a = MlpTrainer.train(DIGITS, TrainingSpec.adam(0.01, 64, 3), data, 1);
        AlignmentResult self = PairProbe.alignAndProbe(a, a, data, SymmetryClass.NONE, AlignmentMethod.NONE, false,
                ProbeSettings.defaults(), AlignmentSettings.defaults(0));
        assertEquals(AlignmentStatus.OK, self.status());
        assertEquals(0.0, self.testLossBarrier(), 1e-12);
        assertEquals(0.0, self.distanceAfter(), 0.0);
        assertEquals(0.0, self.equivalenceError(), 0.0);
        assertEquals(25, self.curve().lambdas().length, "a flat curve has no peak to refine");
        assertEquals(a.testLoss(), self.curve().testLosses()[0], 0.0, "l = 0 is A exactly");

        TrainedModel b = MlpTrainer.train(DIGITS, TrainingSpec.adam(0.01, 64, 3), data, 2);
        AlignmentResult none = PairProbe.alignAndProbe(a, b, data, SymmetryClass.NONE, AlignmentMethod.NONE, false,
                ProbeSettings.defaults(), AlignmentSettings.defaults(0));
        double[] lambdas = none.curve().lambdas();
        assertEquals(25 + 8, lambdas.length, java.util.Arrays.toString(lambdas));
        assertEquals(b.testLoss(), none.curve().testLosses()[lambdas.length - 1], 0.0, "l = 1 is B exactly");
        assertTrue(none.testLossBarrier() > 0.1, "independent digit MLPs have a barrier: " + none.testLossBarrier());
        assertEquals(none.distanceBefore(), none.distanceAfter(), 0.0);

        AlignmentResult wm = PairProbe.alignAndProbe(a, b, data, SymmetryClass.PERMUTATION,
                AlignmentMethod.WEIGHT_MATCHING, false, ProbeSettings.defaults(), AlignmentSettings.defaults(0));
        assertTrue(wm.equivalenceError() < 1e-12, "a permutation is exact: " + wm.equivalenceError());
        assertTrue(wm.distanceAfter() < wm.distanceBefore());
        assertTrue(wm.testLossBarrier() < none.testLossBarrier(), wm.testLossBarrier() + " vs " + none.testLossBarrier());
        assertTrue(wm.transform().contains("\"images\""));
        AlignmentResult repaired = PairProbe.alignAndProbe(a, b, data, SymmetryClass.PERMUTATION,
                AlignmentMethod.WEIGHT_MATCHING, true, ProbeSettings.defaults(), AlignmentSettings.defaults(0));
        assertEquals(wm.transform(), repaired.transform(), "REPAIR changes the interpolated network, not B'");
    }

    @Test
    void anInexactClassIsASpecError() {
        DataSplit data = DataSplit.digits(360, 0);
        TrainedModel a = TrainedModel.of(DIGITS, MlpTrainer.initialParameters(DIGITS, 1, new java.util.SplittableRandom(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PairProbe.alignAndProbe(a, a,
                data, SymmetryClass.ORTHOGONAL, AlignmentMethod.WEIGHT_MATCHING, false, ProbeSettings.defaults(),
                AlignmentSettings.defaults(0)));
        assertEquals("symmetry_class orthogonal is not a symmetry of relu MLPs; allowed: none, permutation, "
                + "permutation_scaling, semi_permutation", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PairProbe.alignAndProbe(a, a, data,
                SymmetryClass.SEMI_PERMUTATION, AlignmentMethod.LEARNED, false, ProbeSettings.defaults(),
                AlignmentSettings.defaults(0)));
        assertEquals("method learned is not available for symmetry_class semi_permutation; allowed: weight_matching, "
                + "activation_matching", e.getMessage());
    }

    /**
     * Two minima of one full-rank deep linear regression (square 4 x 4 layers) differ by a GL(4) map at each hidden
     * layer (Proposition 4.1 of Zhao et al. 2025): least squares on activations takes B onto A, barrier ~0; no
     * permutation can.
     */
    @Test
    void generalLinearAlignmentConnectsTwoMinimaOfADeepLinearNetAndPermutationsCannot() {
        int h = 4;
        DataSplit data = new TeacherTask(MlpSpec.deepLinear(new int[] {h, h}, Task.REGRESSION), 3, 32, 32, 0, 0)
                .generate();
        MlpSpec student = MlpSpec.deepLinear(new int[] {h, h, h, h}, Task.REGRESSION);
        TrainingSpec t = new TrainingSpec(TrainingSpec.Optimizer.SGD, 0.1, 0.9, 32, 300, 0,
                TrainingSpec.Schedule.CONSTANT, 1);
        TrainedModel a = MlpTrainer.train(student, t, data, 11);
        TrainedModel b = MlpTrainer.train(student, t, data, 12);
        assertTrue(a.trainLoss() < 1e-16 && b.trainLoss() < 1e-16, a.trainLoss() + ", " + b.trainLoss());
        ProbeSettings p = ProbeSettings.defaults();
        AlignmentSettings s = AlignmentSettings.defaults(0);
        AlignmentResult gl = PairProbe.alignAndProbe(a, b, data, SymmetryClass.INVERTIBLE,
                AlignmentMethod.ACTIVATION_MATCHING, false, p, s);
        AlignmentResult perm = PairProbe.alignAndProbe(a, b, data, SymmetryClass.PERMUTATION,
                AlignmentMethod.WEIGHT_MATCHING, false, p, s);
        AlignmentResult orth = PairProbe.alignAndProbe(a, b, data, SymmetryClass.ORTHOGONAL,
                AlignmentMethod.WEIGHT_MATCHING, false, p, s);
        assertEquals(AlignmentStatus.OK, gl.status(), gl.detail());
        assertTrue(gl.distanceAfter() < 1e-8 * gl.distanceBefore(), "GL takes B onto A: " + gl.distanceAfter());
        assertTrue(gl.testLossBarrier() < 1e-12, "GL barrier " + gl.testLossBarrier());
        assertTrue(perm.testLossBarrier() > 1e-3, "permutation barrier " + perm.testLossBarrier());
        assertTrue(orth.distanceAfter() <= perm.distanceAfter() + 1e-12,
                "O(4) contains the permutations: " + orth.distanceAfter() + " vs " + perm.distanceAfter());
    }

    /**
     * Proposition 5.3 of Zhao et al. 2025 on a ReLU net: B is A with each unit of a hidden layer rescaled by a
     * factor up to 1e4; permutations alone leave a barrier, permutations with scaling remove it.
     */
    @Test
    void scalingAwareMatchingRemovesTheBarrierOfARescaledCopy() {
        DataSplit data = DataSplit.digits(360, 0);
        TrainedModel a = MlpTrainer.train(DIGITS, TrainingSpec.adam(0.01, 64, 3), data, 1);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
        double[][] f = new double[32][32];
        double[][] inv = new double[32][32];
        for (int i = 0; i < 32; i++) {
            f[i][i] = Math.pow(10, 4 * rng.nextDouble());
            inv[i][i] = 1 / f[i][i];
        }
        Map<String, UnitTransform> t = new LinkedHashMap<>();
        t.put(MlpSymmetries.siteName(2), new UnitTransform(SymmetryClass.PERMUTATION_SCALING, f, inv));
        ParameterSet scaled = MlpSymmetries.declare(DIGITS).apply(a.parameters(), t);
        TrainedModel b = TrainedModel.of(DIGITS, scaled);
        AlignmentResult perm = PairProbe.alignAndProbe(a, b, data, SymmetryClass.PERMUTATION,
                AlignmentMethod.WEIGHT_MATCHING, false, ProbeSettings.defaults(), AlignmentSettings.defaults(0));
        AlignmentResult scaling = PairProbe.alignAndProbe(a, b, data, SymmetryClass.PERMUTATION_SCALING,
                AlignmentMethod.WEIGHT_MATCHING, false, ProbeSettings.defaults(), AlignmentSettings.defaults(0));
        assertTrue(perm.testLossBarrier() > 1, "the rescaled copy's barrier returns: " + perm.testLossBarrier());
        assertTrue(scaling.testLossBarrier() < 1e-9, "scaling-aware matching: " + scaling.testLossBarrier());
        assertTrue(scaling.equivalenceError() < 1e-10);
    }

    @Test
    void mergingPermutedCopiesRecoversTheModel() {
        DataSplit data = DataSplit.digits(360, 0);
        TrainedModel a = MlpTrainer.train(DIGITS, TrainingSpec.adam(0.01, 64, 3), data, 3);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        List<TrainedModel> copies = new java.util.ArrayList<>();
        copies.add(a);
        for (int k = 0; k < 2; k++) {
            Map<String, UnitTransform> t = new LinkedHashMap<>();
            for (int l = 1; l <= 2; l++) {
                int[] images = new int[32];
                for (int i = 0; i < 32; i++) {
                    images[i] = i;
                }
                for (int i = 31; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int x = images[i];
                    images[i] = images[j];
                    images[j] = x;
                }
                t.put(MlpSymmetries.siteName(l), UnitTransform.permutation(images));
            }
            copies.add(TrainedModel.of(DIGITS, MlpSymmetries.declare(DIGITS).apply(a.parameters(), t)));
        }
        MergeResult m = ModelMerging.merge(copies, data, SymmetryClass.PERMUTATION, AlignmentMethod.WEIGHT_MATCHING,
                ProbeSettings.defaults(), AlignmentSettings.defaults(0));
        assertEquals("OK", m.status());
        assertTrue(m.converged());
        assertEquals(a.testLoss(), m.mergedTestLoss(), 1e-12 * a.testLoss());
        assertEquals(0.0, m.testLossBarrier(), 1e-12);
        assertTrue(m.unalignedTestLoss() > a.testLoss() + 0.1, "the plain mean of permuted copies is worse");
        assertEquals(66, m.simplexWeights().length, "(k+1)(k+2)/2 points for k = 10");
        assertTrue(Math.abs(m.simplexTestBarrier()) < 1e-12);
    }
}
