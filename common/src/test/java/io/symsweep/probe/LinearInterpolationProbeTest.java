package io.symsweep.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.engine.DenseEngine;
import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.model.WeightInit;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The loss along a straight segment, and its barrier. */
class LinearInterpolationProbeTest {

    private static final MlpArchitecture ARCH =
            new MlpArchitecture(new int[] {8, 16, 32, 16, 8, 4}, Activation.leakyRelu(0.01));
    private static final RegressionData DATA = RegressionData.gaussian(8, 4, 4, 5);
    private static final ToDoubleFunction<MlpParameters> LOSS = p -> new DenseEngine().loss(p, DATA);
    private static final double[] GRID = AlphaGrid.uniform(25);

    private static MlpParameters weights(long seed) {
        return WeightInit.LECUN_NORMAL.sample(ARCH, 1.0, seed);
    }

    /** {@code sign * ||p - center||^2}: convex for sign 1, concave for sign -1. */
    private static ToDoubleFunction<MlpParameters> quadratic(MlpParameters center, double sign) {
        double[] c = center.flatten();
        return p -> {
            double[] x = p.flatten();
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += (x[j] - c[j]) * (x[j] - c[j]);
            }
            return sign * s;
        };
    }

    @Test
    void identicalEndpointsGiveBarrierExactlyZero() {
        for (long seed = 0; seed < 10; seed++) {
            MlpParameters w = weights(seed);
            BarrierCurve curve = LinearInterpolationProbe.run(LOSS, w, w, GRID);
            double l = LOSS.applyAsDouble(w);
            for (double loss : curve.losses().toArray()) {
                assertEquals(l, loss, 0.0, "every point of the segment is w itself");
            }
            assertEquals(0.0, curve.barrier(), 0.0);
            assertEquals(l, curve.midpointLoss(), 0.0);
        }
    }

    @Test
    void alphaZeroAndOneReturnTheEndpointLossesExactly() {
        MlpParameters w = weights(1);
        MlpParameters v = weights(2);
        BarrierCurve curve = LinearInterpolationProbe.run(LOSS, w, v, GRID);
        assertEquals(LOSS.applyAsDouble(w), curve.losses().get(0), 0.0);
        assertEquals(LOSS.applyAsDouble(v), curve.losses().get(24), 0.0);
        assertEquals(LOSS.applyAsDouble(w.interpolate(v, 0.5)), curve.midpointLoss(), 0.0);
        assertEquals(curve.losses().get(12), curve.midpointLoss(), 0.0);
        assertEquals(GRID.length, curve.alphas().length());
    }

    @Test
    void aConvexLossHasNoBarrier() {
        MlpParameters w = weights(1);
        MlpParameters v = weights(2);
        ToDoubleFunction<MlpParameters> bowl = quadratic(weights(3), 1);
        BarrierCurve curve = LinearInterpolationProbe.run(bowl, w, v, GRID);
        assertTrue(curve.barrier() <= 0, "barrier " + curve.barrier());
        assertEquals(0.0, curve.barrier(), 0.0, "the excess is 0 at the ends and negative inside");
    }

    @Test
    void aConcaveLossHasTheBarrierOfItsChord() {
        // -||p - w||^2 along w + a (v - w) is -a^2 d^2; its chord is -a d^2; the excess a (1 - a) d^2 peaks
        // at a = 1/2 with d^2 / 4.
        MlpParameters w = weights(1);
        MlpParameters v = weights(2);
        double d2 = w.distance(v) * w.distance(v);
        BarrierCurve curve = LinearInterpolationProbe.run(quadratic(w, -1), w, v, GRID);
        assertEquals(d2 / 4, curve.barrier(), 1e-12 * d2);
        assertEquals(-d2 / 4, curve.midpointLoss(), 1e-12 * d2);
    }

    @Test
    void aNonFiniteLossMakesTheBarrierNaN() {
        MlpParameters w = weights(1);
        MlpParameters v = weights(2);
        BarrierCurve curve = LinearInterpolationProbe.run(p -> p == w ? 1.0 : Double.NaN, w, v, GRID);
        assertTrue(Double.isNaN(curve.barrier()));
        assertFalse(curve.isFinite());
    }

    @Test
    void theGridMustRunFromZeroToOne() {
        MlpParameters w = weights(1);
        assertThrows(IllegalArgumentException.class,
                () -> LinearInterpolationProbe.run(LOSS, w, w, new double[] {0.1, 0.5, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> LinearInterpolationProbe.run(LOSS, w, w, new double[] {0, 0.5, 0.9}));
    }
}
