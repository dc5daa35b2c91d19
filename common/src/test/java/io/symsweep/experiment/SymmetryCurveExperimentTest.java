package io.symsweep.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.linalg.MatrixFunctions;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.CurveRow;
import io.symsweep.train.TrainingStatus;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/** {@code symmetry-curve}: Figure 3(b-c) and Theorem 6.2 on a small two-layer network with h >= k. */
class SymmetryCurveExperimentTest {

    private static List<Configuration> configurations(String activation) {
        return Experiments.reader().parse("""
                name: t
                kind: symmetry-curve
                architecture: {widths: [5, 8, 6], activation: %s}
                data: {samples: 4}
                training: {learning_rate: 0.01, steps: 20000, loss_tolerance: 1.0e-20}
                seeds: 3
                probe: {magnitudes: [0.25, 0.75], curves: 0..1, t_points: 41}
                """.formatted(activation)).configurations();
    }

    @Test
    void onASmoothCurveTheChordStaysAboveItAndTheoremSixTwoHolds() {
        SymmetryCurveExperiment kind = new SymmetryCurveExperiment();
        for (Configuration c : configurations("tanh")) {
            CurveRow r = Stages.curve(c);
            assertEquals(TrainingStatus.CONVERGED, r.trainStatus());
            assertEquals(CurveRow.Status.OK, r.status(), c.toString());
            // h = 8 >= k = 4: Eq. (6) keeps the output, so gamma stays in the level set up to rounding.
            assertTrue(r.maxCurveDeviation() <= 1e-12, "curve deviation " + r.maxCurveDeviation());
            assertTrue(r.curveBelowChord(), "Figure 3(b-c): the curve's loss is below the chord's");
            assertTrue(r.maxChordDeviation() > 0 && r.meanChordLoss() > r.meanCurveLoss());
            // Smooth: the curvature does not depend on the grid (to the O(h^2) of the differences).
            assertEquals(r.kappaMax(), r.kappaMaxCoarse(), 1e-2 * r.kappaMax());
            assertTrue(r.boundHolds(), "Eq. (9) with the gradient C_L: " + r.maxChordDeviation() + " <= "
                    + r.gradientBound());
            assertTrue(r.lipschitzGradient() >= r.lipschitzChord(),
                    "slopes along the chord are among the sampled ones");
        }
    }

    @Test
    void oneCurveIndexIsOneDirectionAtEveryMagnitude() {
        SymmetryCurveExperiment kind = new SymmetryCurveExperiment();
        List<Configuration> cs = configurations("leaky_relu");
        MinimumSettings m = new SymmetryCurveExperiment().minimum(cs.get(0));
        var action = io.symsweep.symmetry.ApproximateGeneralLinearAction.on(m.architecture(), 1, m.data());
        DMatrixRMaj small = MatrixFunctions.log(kind.groupElement(cs.get(0), action)).value();
        DMatrixRMaj large = MatrixFunctions.log(kind.groupElement(cs.get(2), action)).value();
        assertEquals(0.25, SymmetryCurveExperiment.CurveSettings.parse(cs.get(0)).magnitude());
        assertEquals(0.75, SymmetryCurveExperiment.CurveSettings.parse(cs.get(2)).magnitude());
        assertEquals(SymmetryCurveExperiment.CurveSettings.parse(cs.get(0)).curve(),
                SymmetryCurveExperiment.CurveSettings.parse(cs.get(2)).curve());
        CommonOps_DDRM.scale(3, small);
        double difference = NormOps_DDRM.normF(CommonOps_DDRM.subtract(small, large, null));
        assertTrue(difference <= 1e-12 * NormOps_DDRM.normF(large), "log g is proportional to the magnitude");
        assertEquals(kind.minimumOf(cs.get(0)).id(), kind.minimumOf(cs.get(3)).id(), "the curves share a minimum");
    }

    @Test
    void leakyReluCurvesHaveCornersAndStillStayBelowTheChord() {
        CurveRow r = Stages.curve(configurations("leaky_relu").get(2));
        assertTrue(r.maxCurveDeviation() <= 1e-12, "curve deviation " + r.maxCurveDeviation());
        assertTrue(r.curveBelowChord());
        assertArrayEquals(io.symsweep.probe.AlphaGrid.uniform(41), r.t(), 0);
        assertEquals(41, r.curvature().length);
    }

    /** A one-seed spec of {@code widths}, {@code training} and {@code probe} settings (YAML flow maps' insides). */
    private static SweepSpec spec(String widths, String training, String probe) {
        return Experiments.reader().parse("name: t\nkind: symmetry-curve\narchitecture: {widths: " + widths
                + "}\ndata: {samples: 4}\ntraining: {" + training + "}\nseeds: 0\nprobe: {" + probe + "}\n");
    }

    @Test
    void theNetworkMustHaveTwoLayersAndTheGridAnOddLength() {
        SpecException widths = assertThrows(SpecException.class,
                () -> spec("[5, 8, 8, 6]", "learning_rate: 0.01, steps: 1", "magnitudes: 1"));
        assertEquals("architecture.widths: must be exactly 3 widths, each between 1 and 4096, found [5,8,8,6]",
                widths.getMessage());
        SpecException grid = assertThrows(SpecException.class,
                () -> spec("[5, 8, 6]", "learning_rate: 0.01, steps: 1", "magnitudes: 1, t_points: 100"));
        assertEquals("probe.t_points: must be an odd integer between 9 and 100001, found 100", grid.getMessage());
    }

    @Test
    void aDivergedMinimumIsAStatusNotAnException() {
        Configuration c = spec("[5, 8, 6]", "learning_rate: 1.0e3, steps: 1000", "magnitudes: 1").configurations()
                .get(0);
        CurveRow r = Stages.curve(c);
        assertEquals(TrainingStatus.DIVERGED, r.trainStatus());
        assertEquals(CurveRow.Status.MINIMUM_DIVERGED, r.status());
        assertTrue(Double.isNaN(r.dMax()) && !r.boundHolds() && !r.curveBelowChord());
    }
}
