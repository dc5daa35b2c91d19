package io.symsweep.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentStatus;
import io.symsweep.align.TransformJson;
import io.symsweep.connectivity.InterpolationCurve;
import io.symsweep.connectivity.ProbeSettings;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.UnitTransform;
import io.symsweep.transformer.TransformerArchitecture.Attention;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transformer pair probe on two briefly trained ViTs: the segment's grid and refinement, both barrier
 * definitions, the equivalence error, distances, the transform JSON and the residual spectrum; the curve's values
 * recomputed by the plain-Java {@link ReferenceForward} from the interpolated weights.
 */
class TransformerPairProbeTest {

    static final ProbeSettings PROBE = new ProbeSettings(25, 4, 1, 2);

    private static TransformerModel trained(TransformerArchitecture arch, SequenceData train, long seed) {
        return TransformerTraining.train(arch, train, new TrainingSchedule(2, 32, 3e-3, 4, 0), seed).model();
    }

    @Test
    void theProbeOfAWeightMatchedPairIsRecomputedIndependently() {
        var split = io.symsweep.data.Digits.load().stratifiedSplit(360, 11);
        TransformerAlignerContractTest.Case c = new TransformerAlignerContractTest.Case("vit",
                TransformerAlignerContractTest.vit(8, 2, 8).arch(), SequenceData.ofPatches(split.train(), 8, 4, false)
                        .range(0, 96));
        SequenceData test = SequenceData.ofPatches(split.test(), 8, 4, false).range(0, 40);
        TransformerModel a = trained(c.arch(), c.train(), 1);
        TransformerModel b = trained(c.arch(), c.train(), 2);
        TransformerAlignmentResult r = TransformerPairProbe.alignAndProbe(a, b, c.train(), test,
                TransformerClassSet.PERMUTATION_ORTHOGONAL_INVERTIBLE, AlignmentMethod.WEIGHT_MATCHING,
                Attention.FACTORISED, PROBE, TransformerAlignmentSettings.defaults(3));
        assertTrue(r.status() == AlignmentStatus.OK || r.status() == AlignmentStatus.NOT_CONVERGED, r.detail());
        assertTrue(r.equivalenceError() <= 1e-9, "B' keeps B's function: " + r.equivalenceError());
        assertTrue(r.distanceAfter() < r.distanceBefore(), r.distanceBefore() + " -> " + r.distanceAfter());
        assertEquals("factorised", r.headModeName());
        assertTrue(r.alignedArchitecture().endsWith("/rmsnorm-folded"), r.alignedArchitecture());
        InterpolationCurve curve = r.curve();
        double[] l = curve.lambdas();
        assertTrue(l.length >= 25 && l.length <= 25 + 2 * PROBE.refinePoints(), "points: " + l.length);
        assertEquals(curve.testLossBarrier(), r.testLossBarrier(), 0.0);
        assertEquals(curve.trainLossBarrierMean(), r.trainLossBarrierMean(), 0.0);
        // the residual map is orthogonal: d eigen-angles in (-pi, pi], in conjugate pairs
        double[] angles = r.residualEigenAngles();
        assertEquals(c.arch().dModel(), angles.length);
        double sum = 0;
        for (double x : angles) {
            assertTrue(x > -Math.PI && x <= Math.PI);
            sum += x;
        }
        assertEquals(0, sum, 1e-6 + Math.PI * countPi(angles));
        // every point of the curve from the stored transform, interpolated on the host and evaluated in plain Java
        Map<String, UnitTransform> t = TransformJson.read(r.transform());
        TransformerModel reference = NormFolding.fold(a);
        TransformerModel unmoved = NormFolding.fold(b);
        ParameterSet aligned = TransformerSymmetries.declaration(unmoved.architecture()).apply(unmoved.parameters(), t);
        for (int i : new int[] {0, 7, l.length / 2, l.length - 1}) {
            TransformerModel at = new TransformerModel(reference.architecture(),
                    reference.parameters().interpolate(aligned, l[i]));
            double trainLoss = TransformerGraph.Evaluation.of(ReferenceForward.logits(at, c.train()), c.train()).loss();
            double testLoss = TransformerGraph.Evaluation.of(ReferenceForward.logits(at, test), test).loss();
            assertEquals(trainLoss, curve.trainLosses()[i], 1e-9 * trainLoss, "train loss at l = " + l[i]);
            assertEquals(testLoss, curve.testLosses()[i], 1e-9 * testLoss, "test loss at l = " + l[i]);
        }
        // the barriers by their definitions, from the recomputed curve's values
        double[] v = curve.testLosses();
        double above = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < l.length; i++) {
            above = Math.max(above, v[i] - ((1 - l[i]) * v[0] + l[i] * v[l.length - 1]));
            max = Math.max(max, v[i]);
        }
        assertEquals(above, r.testLossBarrier(), 1e-15);
        assertEquals(max - (v[0] + v[l.length - 1]) / 2, r.testLossBarrierMean(), 1e-15);
    }

    private static int countPi(double[] angles) {
        int n = 0;
        for (double x : angles) {
            n += x == Math.PI ? 1 : 0;
        }
        return n;
    }

    @Test
    void withoutAlignmentAndInCircuitModeTheRowSaysSo() {
        TransformerAlignerContractTest.Case c = TransformerAlignerContractTest.gpt(12, 3);
        TransformerModel a = new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 71));
        TransformerModel b = new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 72));
        TransformerAlignmentResult none = TransformerPairProbe.alignAndProbe(a, b, c.train(), c.train(),
                TransformerClassSet.NONE, AlignmentMethod.NONE, null, PROBE, TransformerAlignmentSettings.defaults(1));
        assertEquals(none.distanceBefore(), none.distanceAfter(), 0.0);
        assertEquals("{}", none.transform());
        assertEquals(0, none.residualEigenAngles().length);
        assertNull(none.headModeName());
        TransformerAlignmentResult circuit = TransformerPairProbe.alignAndProbe(a, b, c.train(), c.train(),
                TransformerClassSet.PERMUTATION_ORTHOGONAL_INVERTIBLE, AlignmentMethod.ACTIVATION_MATCHING,
                Attention.CIRCUITS, PROBE, TransformerAlignmentSettings.defaults(1));
        assertTrue(circuit.alignedArchitecture().endsWith("+circuit"), circuit.alignedArchitecture());
        assertTrue(circuit.equivalenceError() <= 1e-9, "" + circuit.equivalenceError());
        assertTrue(!circuit.transform().contains(".qk") && circuit.transform().contains("\"residual\""));
        TransformerAlignmentResult perms = TransformerPairProbe.alignAndProbe(a, b, c.train(), c.train(),
                TransformerClassSet.PERMUTATION, AlignmentMethod.WEIGHT_MATCHING, null, PROBE,
                TransformerAlignmentSettings.defaults(1));
        assertEquals(0, perms.residualEigenAngles().length, "a permutation of the residual stream has no spectrum row");
        assertTrue(perms.transform().contains("\"images\""));
    }
}
