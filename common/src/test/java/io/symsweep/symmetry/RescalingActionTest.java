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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The group-action contract, run over every homogeneous activation: the identity changes nothing,
 * {@code act(a, act(b, w)) == act(a b, w)}, and the loss is invariant.
 */
class RescalingActionTest {

    /** Relative change of the loss allowed under the action (it is exact up to rounding). */
    private static final double INVARIANCE_TOL = 1e-12;
    /** Relative difference allowed between {@code act(a, act(b, w))} and {@code act(a b, w)}, per weight. */
    private static final double COMPOSITION_TOL = 1e-14;
    private static final double[] FACTORS = {1e-3, 0.5, 1.5, 3, 12000};

    static Stream<MlpArchitecture> homogeneousNetworks() {
        return Stream.of(
                new MlpArchitecture(new int[] {8, 16, 32, 16, 8, 4}, Activation.leakyRelu(0.01)),
                new MlpArchitecture(new int[] {5, 9, 7, 3}, Activation.leakyRelu(0.2)),
                new MlpArchitecture(new int[] {4, 8, 8, 2}, Activation.relu()),
                new MlpArchitecture(new int[] {4, 4, 4, 4}, Activation.linear()));
    }

    @ParameterizedTest
    @MethodSource("homogeneousNetworks")
    void theLossIsInvariantOnEveryPairOfLayers(MlpArchitecture arch) {
        RegressionData data = RegressionData.gaussian(arch.inputs(), arch.outputs(), 6, 31);
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(arch, 1.0, 32);
        double loss = new DenseEngine().loss(w, data);
        for (int layer = 1; layer < arch.layers(); layer++) {
            RescalingAction g = new RescalingAction(layer, arch.activation().degree());
            for (double c : FACTORS) {
                double moved = new DenseEngine().loss(g.act(c, w), data);
                assertEquals(loss, moved, INVARIANCE_TOL * loss, "layer " + layer + ", factor " + c);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("homogeneousNetworks")
    void actionsCompose(MlpArchitecture arch) {
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(arch, 1.0, 33);
        for (int layer = 1; layer < arch.layers(); layer++) {
            RescalingAction g = new RescalingAction(layer, arch.activation().degree());
            for (double a : FACTORS) {
                for (double b : FACTORS) {
                    double[] twice = g.act(a, g.act(b, w)).flatten();
                    double[] once = g.act(a * b, w).flatten();
                    for (int j = 0; j < once.length; j++) {
                        assertEquals(once[j], twice[j], COMPOSITION_TOL * Math.abs(once[j]),
                                "layer " + layer + ", a=" + a + ", b=" + b + ", weight " + j);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("homogeneousNetworks")
    void theIdentityChangesNothing(MlpArchitecture arch) {
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(arch, 1.0, 34);
        for (int layer = 1; layer < arch.layers(); layer++) {
            assertEquals(w, new RescalingAction(layer, 1).act(1.0, w));
        }
    }

    @Test
    void onlyTheTwoLayersMove() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {8, 16, 32, 16, 8, 4}, Activation.leakyRelu(0.01));
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(arch, 1.0, 35);
        MlpParameters moved = new RescalingAction(4, 1).act(4.0, w);
        for (int i : new int[] {1, 2, 3}) {
            assertArrayEquals(w.layer(i), moved.layer(i), 0.0, "W_" + i);
        }
        assertEquals(4 * w.get(4, 2, 3), moved.get(4, 2, 3), 0.0);
        assertEquals(w.get(5, 1, 6) / 4, moved.get(5, 1, 6), 0.0);
    }

    @Test
    void aSigmoidNetIsNotInvariant() {
        // The negative control: without homogeneity the same action changes the loss.
        MlpArchitecture arch = new MlpArchitecture(new int[] {4, 8, 8, 2}, Activation.sigmoid());
        RegressionData data = RegressionData.gaussian(4, 2, 6, 31);
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(arch, 1.0, 32);
        double loss = new DenseEngine().loss(w, data);
        double moved = new DenseEngine().loss(new RescalingAction(2, 1).act(3, w), data);
        assertTrue(Math.abs(moved - loss) > 1e-3 * loss, "sigmoid loss moved from " + loss + " to " + moved);
    }

    @Test
    void factorsAndLayersAreChecked() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {4, 8, 2}, Activation.relu());
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(arch, 1.0, 1);
        assertThrows(IllegalArgumentException.class, () -> new RescalingAction(1, 1).act(0, w));
        assertThrows(IllegalArgumentException.class, () -> new RescalingAction(1, 1).act(-2, w));
        assertThrows(IllegalArgumentException.class, () -> new RescalingAction(1, 1).act(Double.NaN, w));
        assertThrows(IllegalArgumentException.class, () -> new RescalingAction(2, 1).act(2, w), "W_2 is last");
        assertThrows(IllegalArgumentException.class, () -> new RescalingAction(0, 1));
    }
}
