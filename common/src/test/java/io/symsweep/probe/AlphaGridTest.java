package io.symsweep.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The interpolation grid: exact ends and an exact midpoint. */
class AlphaGridTest {

    @Test
    void twentyFivePointsHoldExactlyZeroHalfAndOne() {
        double[] a = AlphaGrid.uniform(25);
        assertEquals(25, a.length);
        assertEquals(0.0, a[0], 0.0);
        assertEquals(0.5, a[12], 0.0);
        assertEquals(1.0, a[24], 0.0);
        assertEquals(12, AlphaGrid.indexOfMidpoint(a));
        for (int i = 0; i < 25; i++) {
            assertEquals(i / 24.0, a[i], 0.0);
        }
    }

    @Test
    void everyOddGridHasItsMidpointAndEndsExactly() {
        int[] sizes = IntStream.concat(IntStream.iterate(3, n -> n <= 2001, n -> n + 2), IntStream.of(100_001))
                .toArray();
        for (int n : sizes) {
            double[] a = AlphaGrid.uniform(n);
            assertEquals(0.0, a[0], 0.0);
            assertEquals(1.0, a[n - 1], 0.0);
            assertEquals((n - 1) / 2, AlphaGrid.indexOfMidpoint(a), "n = " + n);
            for (int i = 1; i < n; i++) {
                assertTrue(a[i] > a[i - 1], "increasing");
            }
        }
    }

    @Test
    void anEvenGridHasNoMidpoint() {
        assertEquals(-1, AlphaGrid.indexOfMidpoint(AlphaGrid.uniform(24)));
        assertThrows(IllegalArgumentException.class, () -> AlphaGrid.uniform(1));
    }
}
