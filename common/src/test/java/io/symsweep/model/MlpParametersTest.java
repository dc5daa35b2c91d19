package io.symsweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Flattening, interpolation and immutability of weights. */
class MlpParametersTest {

    private static final MlpArchitecture ARCH =
            new MlpArchitecture(new int[] {3, 4, 5, 2}, Activation.leakyRelu(0.01));

    @Test
    void flattenIsLayerAfterLayerRowMajorAndUnflattenInvertsIt() {
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(ARCH, 1.0, 1);
        double[] flat = w.flatten();
        assertEquals(ARCH.parameterCount(), flat.length);
        int offset = 0;
        for (int i = 1; i <= ARCH.layers(); i++) {
            for (int r = 0; r < ARCH.rows(i); r++) {
                for (int c = 0; c < ARCH.cols(i); c++) {
                    assertEquals(w.get(i, r, c), flat[offset + r * ARCH.cols(i) + c], 0.0);
                }
            }
            offset += ARCH.rows(i) * ARCH.cols(i);
        }
        assertEquals(w, MlpParameters.unflatten(ARCH, flat));
        assertArrayEquals(flat, MlpParameters.unflatten(ARCH, flat).flatten(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> MlpParameters.unflatten(ARCH, new double[flat.length - 1]));
    }

    @Test
    void interpolationIsExactAtBothEnds() {
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(ARCH, 1.0, 1);
        MlpParameters v = WeightInit.HE_NORMAL.sample(ARCH, 3.0, 2);
        assertSame(w, w.interpolate(v, 0.0));
        assertSame(v, w.interpolate(v, 1.0));
        assertArrayEquals(w.flatten(), w.interpolate(v, 0.0).flatten(), 0.0);
        assertArrayEquals(v.flatten(), w.interpolate(v, 1.0).flatten(), 0.0);
    }

    @Test
    void interpolatingAPointWithItselfGivesItBack() {
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(ARCH, 1.0, 1);
        for (double a : new double[] {0.1, 1.0 / 3, 0.5, 0.7, 0.9}) {
            assertEquals(w, w.interpolate(w, a), "alpha " + a);
        }
    }

    @Test
    void interpolationIsTheConvexCombination() {
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(ARCH, 1.0, 1);
        MlpParameters v = WeightInit.LECUN_NORMAL.sample(ARCH, 1.0, 2);
        double[] a = w.flatten();
        double[] b = v.flatten();
        for (double alpha : new double[] {0.25, 0.5, 0.75}) {
            double[] mid = w.interpolate(v, alpha).flatten();
            for (int j = 0; j < a.length; j++) {
                double expected = (1 - alpha) * a[j] + alpha * b[j];
                assertEquals(expected, mid[j], 4 * Math.ulp(Math.abs(a[j]) + Math.abs(b[j])), "weight " + j);
            }
        }
        assertEquals(w.distance(v) / 2, w.distance(w.interpolate(v, 0.5)), 1e-15 * w.distance(v));
    }

    /** The distance is bitwise the flat sum of squared differences, also where whole layers agree (skipped). */
    @Test
    void distanceIsTheFlatSumOfSquaresEvenWhereLayersAgree() {
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(ARCH, 1.0, 1);
        for (MlpParameters v : new MlpParameters[] {WeightInit.HE_NORMAL.sample(ARCH, 3.0, 2), w.scaleLayer(2, 7.0),
                w.scaleLayer(3, 1e-3), w}) {
            double[] a = w.flatten();
            double[] b = v.flatten();
            double s = 0;
            for (int j = 0; j < a.length; j++) {
                s += (a[j] - b[j]) * (a[j] - b[j]);
            }
            assertEquals(Double.doubleToRawLongBits(Math.sqrt(s)), Double.doubleToRawLongBits(w.distance(v)));
        }
        double[] first = w.layer(1);
        first[0] = Double.POSITIVE_INFINITY;
        MlpParameters infinite = w.withLayer(1, first);
        assertEquals(Double.NaN, infinite.distance(infinite.scaleLayer(3, 2.0)), "inf - inf is NaN, not skipped");
    }

    @Test
    void replacingLayersCopiesThemAndKeepsTheOthers() {
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(ARCH, 1.0, 1);
        double[] second = w.scaleLayer(2, 3.0).layer(2);
        double[] third = w.scaleLayer(3, 0.5).layer(3);
        MlpParameters v = w.withLayers(java.util.Map.of(2, second, 3, third));
        assertEquals(w.scaleLayer(2, 3.0).scaleLayer(3, 0.5), v);
        second[0] = 42;
        assertEquals(w.scaleLayer(2, 3.0).scaleLayer(3, 0.5), v, "the replacement was copied in");
        assertEquals(true, v.sameLayer(1, w));
        assertEquals(false, v.sameLayer(2, w));
        assertEquals(true, v.isFinite(2));
        double[] first = w.layer(1);
        first[3] = Double.NaN;
        assertEquals(false, w.withLayer(1, first).isFinite(1));
        assertEquals(true, w.withLayer(1, first).isFinite(2));
    }

    @Test
    void weightsAreCopiedInAndOut() {
        double[][] layers = WeightInit.LECUN_NORMAL.sample(ARCH, 1.0, 1).layers();
        MlpParameters w = new MlpParameters(ARCH, layers);
        double before = w.get(1, 0, 0);
        layers[0][0] = 42;
        w.layers()[0][0] = 42;
        w.layer(1)[0] = 42;
        assertEquals(before, w.get(1, 0, 0), 0.0);
        assertEquals(2 * before, w.scaleLayer(1, 2).get(1, 0, 0), 0.0);
        assertEquals(before, w.get(1, 0, 0), 0.0, "scaleLayer returns a copy");
    }

    @Test
    void shapesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new MlpParameters(ARCH, new double[2][]));
        double[][] layers = WeightInit.LECUN_NORMAL.sample(ARCH, 1.0, 1).layers();
        layers[1] = new double[3];
        assertThrows(IllegalArgumentException.class, () -> new MlpParameters(ARCH, layers));
        MlpParameters other = WeightInit.LECUN_NORMAL.sample(new MlpArchitecture(new int[] {3, 4, 5, 2},
                Activation.relu()), 1.0, 1);
        assertThrows(IllegalArgumentException.class,
                () -> WeightInit.LECUN_NORMAL.sample(ARCH, 1.0, 1).interpolate(other, 0.5));
    }
}
