package io.symsweep.curve;

import static io.symsweep.testing.Networks.relativeDifference;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.engine.DenseEngine;
import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.probe.AlphaGrid;
import io.symsweep.symmetry.ApproximateGeneralLinearAction;
import io.symsweep.symmetry.GeneralLinearAction;
import io.symsweep.symmetry.OrthogonalAction;
import io.symsweep.symmetry.RescalingAction;
import io.symsweep.testing.Networks;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Symmetry-induced curves (Eq. (5)) against their chords, and Theorem 6.2's summaries. */
class SymmetryCurveProbeTest {

    /** Relative change of the loss along the orbit of an exact symmetry. */
    private static final double INVARIANCE_TOL = 1e-10;
    private static final DenseEngine ENGINE = new DenseEngine();

    @Test
    void lossAlongAGeneralLinearCurveOnALinearNetIsConstant() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {4, 5, 3, 2}, Activation.linear());
        MlpParameters w = Networks.random(arch, 1);
        RegressionData data = Networks.gaussianData(arch, 7, 2);
        GeneralLinearAction gl = GeneralLinearAction.on(arch, 1);
        DMatrixRMaj g = gl.sample(new SplittableRandom(3), 1.5, 1);
        ToDoubleFunction<MlpParameters> loss = p -> ENGINE.loss(p, data);
        SymmetryCurve curve = SymmetryCurveProbe.orbit(gl, g, w, loss, AlphaGrid.uniform(101));
        assertEquals(SymmetryCurve.Status.OK, curve.status());
        double l0 = loss.applyAsDouble(w);
        assertEquals(l0, curve.curveLosses()[0], 0.0, "gamma(0) = exp(0) . w = w exactly");
        assertTrue(curve.maxCurveDeviation() <= INVARIANCE_TOL * l0, "deviation " + curve.maxCurveDeviation());
        assertTrue(relativeDifference(curve.chordLosses()[100], loss.applyAsDouble(gl.act(g, w))) <= INVARIANCE_TOL,
                "the chord ends at g . w");
        assertTrue(curve.maxCurvature() > 0 && Double.isFinite(curve.dMax()));
        assertTrue(curve.arcLength() >= curve.chordLength() * (1 - 1e-6));
        assertTrue(curve.lipschitz() > 0);
        assertEquals(101, curve.curvature().length);
    }

    @Test
    void lossAlongOrthogonalAndRescalingCurvesIsConstant() {
        MlpArchitecture linear = new MlpArchitecture(new int[] {3, 4, 2}, Activation.linear());
        MlpParameters w = Networks.random(linear, 4);
        RegressionData data = Networks.gaussianData(linear, 5, 5);
        OrthogonalAction o = OrthogonalAction.on(linear, 1);
        SymmetryCurve rotation = SymmetryCurveProbe.orbit(o, o.sample(new SplittableRandom(6), 2.0, 1), w,
                p -> ENGINE.loss(p, data), AlphaGrid.uniform(51));
        assertEquals(SymmetryCurve.Status.OK, rotation.status());
        assertTrue(rotation.maxCurveDeviation() <= INVARIANCE_TOL * rotation.curveLosses()[0]);

        MlpArchitecture leaky = new MlpArchitecture(new int[] {3, 6, 2}, Activation.leakyRelu(0.01));
        MlpParameters v = Networks.random(leaky, 7);
        RegressionData leakyData = Networks.gaussianData(leaky, 5, 8);
        RescalingAction r = RescalingAction.on(leaky, 1);
        SymmetryCurve rescaling = SymmetryCurveProbe.run(s -> r.act(Math.pow(10.0, s), v),
                p -> ENGINE.loss(p, leakyData), AlphaGrid.uniform(51));
        assertTrue(rescaling.maxCurveDeviation() <= INVARIANCE_TOL * rescaling.curveLosses()[0]);
        assertTrue(rescaling.maxChordDeviation() > 1e-3 * rescaling.curveLosses()[0], "the chord leaves the level set");
    }

    @Test
    void aCircleInParameterSpaceHasCurvatureOneOverRAndDMaxTheSagitta() {
        CurveGeometryTest.Circle c = CurveGeometryTest.Circle.random(8, 2.0, Math.PI / 2, 9);
        MlpArchitecture arch = new MlpArchitecture(new int[] {2, 2, 2}, Activation.linear()); // 8 weights
        double[] center = c.center();
        ToDoubleFunction<MlpParameters> squaredRadius = p -> {
            double[] x = p.flatten();
            double s = 0;
            for (int k = 0; k < x.length; k++) {
                s += (x[k] - center[k]) * (x[k] - center[k]);
            }
            return s; // level set through the circle: the sphere of radius R
        };
        SymmetryCurve curve = SymmetryCurveProbe.run(t -> MlpParameters.unflatten(arch, c.at(t)), squaredRadius,
                AlphaGrid.uniform(4001));
        assertEquals(SymmetryCurve.Status.OK, curve.status());
        for (double kappa : curve.curvature()) {
            assertEquals(1 / c.radius(), kappa, 1e-6 / c.radius());
        }
        assertEquals(c.chord(), curve.chordLength(), 1e-14 * c.chord());
        assertEquals(c.sagitta(), curve.dMax(), 1e-5 * c.sagitta());
        assertEquals(c.angle(), curve.turningAngle(), 1e-6);
        double r2 = c.radius() * c.radius();
        assertTrue(curve.maxCurveDeviation() <= 1e-14 * r2);
        // On the chord |p - c|^2 dips to R^2 cos^2(theta/2) at the midpoint: a deviation of D^2 / 4.
        assertEquals(c.chord() * c.chord() / 4, curve.maxChordDeviation(), 1e-12 * r2);
        assertEquals(0.0, curve.chordBarrier(), 1e-12 * r2, "the chord never rises above its endpoints");
    }

    @Test
    void theChordOnlyLipschitzEstimateCanUndershootTheoremSixTwo() {
        // Theorem 6.2 needs C_L for moves off the chord too. For |p - c|^2 on a quarter circle, the slope along the
        // chord is at most D = 2 R sin(theta/2), and D d_max = 2 tan(theta/4) D^2/4 < D^2/4, the actual deviation;
        // the true constant near the chord, max |grad| = 2R, restores the bound.
        CurveGeometryTest.Circle c = CurveGeometryTest.Circle.random(4, 1.0, Math.PI / 2, 10);
        MlpArchitecture arch = new MlpArchitecture(new int[] {1, 2, 1}, Activation.linear()); // 4 weights
        double[] center = c.center();
        SymmetryCurve curve = SymmetryCurveProbe.run(t -> MlpParameters.unflatten(arch, c.at(t)), p -> {
            double[] x = p.flatten();
            double s = 0;
            for (int k = 0; k < x.length; k++) {
                s += (x[k] - center[k]) * (x[k] - center[k]);
            }
            return s;
        }, AlphaGrid.uniform(1001));
        assertEquals(c.chord(), curve.lipschitz(), 1e-2 * c.chord());
        assertTrue(curve.lipschitzBound() < curve.maxChordDeviation(),
                curve.lipschitzBound() + " vs " + curve.maxChordDeviation());
        assertTrue(2 * c.radius() * curve.dMax() >= curve.maxChordDeviation());
    }

    @Test
    void anElementWithoutARealLogarithmIsAStatus() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {3, 4, 2}, Activation.linear());
        MlpParameters w = Networks.random(arch, 11);
        GeneralLinearAction gl = GeneralLinearAction.on(arch, 1);
        double[] t = AlphaGrid.uniform(11);
        SymmetryCurve curve = SymmetryCurveProbe.orbit(gl, gl.sample(new SplittableRandom(12), 1.0, -1), w,
                p -> 0.0, t);
        assertEquals(SymmetryCurve.Status.NO_REAL_LOGARITHM, curve.status());
        assertArrayEquals(t, curve.t());
        assertTrue(Double.isNaN(curve.curveLosses()[5]) && Double.isNaN(curve.dMax()));
        SymmetryCurve rotationByPi = SymmetryCurveProbe.orbit(gl, CommonOps_DDRM.diag(-1, -1, 1, 1), w, p -> 0.0, t);
        assertEquals(SymmetryCurve.Status.NOT_PRINCIPAL, rotationByPi.status());
    }

    @Test
    void theIdentityTracesAStationaryCurve() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {3, 4, 2}, Activation.linear());
        GeneralLinearAction gl = GeneralLinearAction.on(arch, 1);
        SymmetryCurve curve = SymmetryCurveProbe.orbit(gl, gl.identity(), Networks.random(arch, 13), p -> 1.0,
                AlphaGrid.uniform(11));
        assertEquals(SymmetryCurve.Status.STATIONARY, curve.status());
        assertEquals(0.0, curve.chordLength());
    }

    @Test
    void theApproximateActionTracesACurveWhoseLossMoves() {
        // Figure 3(b) in small: a leaky-ReLU two-layer net with fewer hidden units than samples.
        MlpArchitecture arch = new MlpArchitecture(new int[] {6, 4, 3}, Activation.leakyRelu(0.01));
        MlpParameters w = Networks.random(arch, 14);
        RegressionData data = Networks.gaussianData(arch, 8, 15);
        ApproximateGeneralLinearAction action = ApproximateGeneralLinearAction.on(arch, 1, data);
        DMatrixRMaj g = action.sample(new SplittableRandom(16), 1.0, 1);
        SymmetryCurve curve = SymmetryCurveProbe.orbit(action, g, w, p -> ENGINE.loss(p, data), AlphaGrid.uniform(41));
        assertTrue(curve.status() == SymmetryCurve.Status.OK || curve.status() == SymmetryCurve.Status.CHORD_TOO_LONG,
                curve.status().toString());
        assertTrue(curve.maxCurveDeviation() > 0, "h < k: the approximate action moves the loss");
        for (double l : curve.curveLosses()) {
            assertTrue(Double.isFinite(l));
        }
    }

    @Test
    void theGridMustBeUniformFromZeroToOne() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {1, 1, 1}, Activation.linear());
        MlpParameters w = Networks.random(arch, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymmetryCurveProbe.run(t -> w, p -> 0.0, new double[] {0, 0.1, 0.5, 0.75, 1}));
        assertTrue(e.getMessage().startsWith("t[1]: the grid must be uniform"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SymmetryCurveProbe.run(t -> w, p -> 0.0, AlphaGrid.uniform(4)));
    }
}
