package io.symsweep.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Vectors}: plain index-order arithmetic, and finiteness with its edge cases named. */
class VectorsTest {

    @Test
    void dotSumsTheProductsInIndexOrder() {
        double[] a = {0.1, 0.2, 0.3};
        double[] b = {3, -1, 7};
        assertEquals(((0 + 0.1 * 3) + 0.2 * -1) + 0.3 * 7, Vectors.dot(a, b), 0.0);
        assertEquals(0.0, Vectors.dot(new double[0], new double[0]), 0.0);
    }

    @Test
    void addScaledIsAxpyInPlace() {
        double[] y = {1, 2, 3};
        Vectors.addScaled(y, 0.5, new double[] {2, -4, 0.1});
        assertArrayEquals(new double[] {1 + 0.5 * 2, 2 + 0.5 * -4, 3 + 0.5 * 0.1}, y, 0.0);
    }

    @Test
    void anyNanOrInfinityIsNotFinite() {
        assertTrue(Vectors.allFinite(new double[] {0, -1e308, Double.MIN_VALUE}));
        assertTrue(Vectors.allFinite(new double[0]), "an empty vector has no bad entry");
        assertFalse(Vectors.allFinite(new double[] {1, Double.NaN}));
        assertFalse(Vectors.allFinite(new double[] {Double.NEGATIVE_INFINITY}));
        assertTrue(Vectors.allFinite(new double[][] {{1, 2}, {}, {3}}));
        assertFalse(Vectors.allFinite(new double[][] {{1, 2}, {Double.POSITIVE_INFINITY}}));
    }
}
