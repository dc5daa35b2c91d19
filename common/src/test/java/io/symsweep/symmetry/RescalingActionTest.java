package io.symsweep.symmetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.engine.DenseEngine;
import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.model.WeightInit;
import org.junit.jupiter.api.Test;

/**
 * What the shared {@code GroupActionContractTest} does not cover for {@code R+}: which weights move, the
 * Figure-4 factor range on every layer pair of the Figure-4 network, and a negative control.
 */
class RescalingActionTest {

    /** Relative change of the loss allowed under the action (it is exact up to rounding). */
    private static final double INVARIANCE_TOL = 1e-12;
    private static final double[] FACTORS = {1e-3, 0.5, 1.5, 3, 12000};

    @Test
    void theLossIsInvariantOnEveryLayerPairOfTheFigure4Network() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {8, 16, 32, 16, 8, 4}, Activation.leakyRelu(0.01));
        RegressionData data = RegressionData.gaussian(arch.inputs(), arch.outputs(), 6, 31);
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(arch, 1.0, 32);
        double loss = new DenseEngine().loss(w, data);
        for (int layer = 1; layer < arch.layers(); layer++) {
            RescalingAction g = RescalingAction.on(arch, layer);
            for (double c : FACTORS) {
                double moved = new DenseEngine().loss(g.act(c, w), data);
                assertEquals(loss, moved, INVARIANCE_TOL * loss, "layer " + layer + ", factor " + c);
            }
        }
    }

    @Test
    void onlyTheTwoLayersMove() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {8, 16, 32, 16, 8, 4}, Activation.leakyRelu(0.01));
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(arch, 1.0, 35);
        MlpParameters moved = RescalingAction.on(arch, 4).act(4.0, w);
        for (int i : new int[] {1, 2, 3}) {
            assertArrayEquals(w.layer(i), moved.layer(i), 0.0, "W_" + i);
        }
        assertEquals(4 * w.get(4, 2, 3), moved.get(4, 2, 3), 0.0);
        assertEquals(w.get(5, 1, 6) / 4, moved.get(5, 1, 6), 0.0);
    }

    @Test
    void aSigmoidNetIsNotInvariant() {
        // The negative control: without homogeneity the same map changes the loss, and on() refuses it.
        MlpArchitecture arch = new MlpArchitecture(new int[] {4, 8, 8, 2}, Activation.sigmoid());
        assertThrows(IllegalStateException.class, () -> RescalingAction.on(arch, 2));
        RegressionData data = RegressionData.gaussian(4, 2, 6, 31);
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(arch, 1.0, 32);
        double loss = new DenseEngine().loss(w, data);
        double moved = new DenseEngine().loss(new RescalingAction(HiddenUnits.of(arch, 2), 1).act(3.0, w), data);
        assertTrue(Math.abs(moved - loss) > 1e-3 * loss, "sigmoid loss moved from " + loss + " to " + moved);
    }

    @Test
    void factorsAndLayersAreChecked() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {4, 8, 2}, Activation.relu());
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(arch, 1.0, 1);
        RescalingAction g = RescalingAction.on(arch, 1);
        assertThrows(IllegalArgumentException.class, () -> g.act(0.0, w));
        assertThrows(IllegalArgumentException.class, () -> g.act(-2.0, w));
        assertThrows(IllegalArgumentException.class, () -> g.act(Double.NaN, w));
        assertThrows(IllegalArgumentException.class, () -> RescalingAction.on(arch, 2), "W_2 is the last layer");
        assertThrows(IllegalArgumentException.class, () -> RescalingAction.on(arch, 0));
    }
}
