package io.symsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link SpecValues#decimal}: the number format of canonical forms, hence of every configuration id. */
class SpecValuesTest {

    /**
     * True when no decimal with fewer significant digits than {@code s} reads back as {@code d}. The decimals
     * that read back as {@code d} form an interval around it, so a shorter one exists only if one of the two
     * {@code n}-digit decimals bracketing {@code d} does, for {@code n} = the digits of {@code s} minus one.
     */
    private static boolean isShortest(String s, double d) {
        int n = new BigDecimal(s).stripTrailingZeros().precision() - 1;
        if (n < 1) {
            return true;
        }
        BigDecimal exact = new BigDecimal(d);
        return exact.round(new MathContext(n, RoundingMode.FLOOR)).doubleValue() != d
                && exact.round(new MathContext(n, RoundingMode.CEILING)).doubleValue() != d;
    }

    private static void assertShortestRoundTrip(double d) {
        String s = assertRoundTrip(d);
        assertTrue(isShortest(s, d), s + " is the shortest decimal for " + d);
    }

    private static String assertRoundTrip(double d) {
        String s = SpecValues.decimal(d);
        assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(Double.parseDouble(s)),
                s + " reads back as " + d);
        return s;
    }

    @Test
    void trickyDoublesHaveTheirShortestForm() {
        // Golden strings; the second column is JDK 17's Double.toString where it differs in more than format.
        assertEquals("0.1", SpecValues.decimal(0.1));
        assertEquals("0.3333333333333333", SpecValues.decimal(1.0 / 3));
        assertEquals("1E-300", SpecValues.decimal(1e-300));
        assertEquals("12000", SpecValues.decimal(12000));
        assertEquals("2E23", SpecValues.decimal(2e23)); // JDK 17: 1.9999999999999998E23
        assertEquals("5E-324", SpecValues.decimal(Double.MIN_VALUE)); // JDK 17: 4.9E-324
        assertEquals("-0", SpecValues.decimal(-0.0));
        assertEquals("0", SpecValues.decimal(0.0));
        assertEquals("1E-26", SpecValues.decimal(1e-26));
        assertEquals("0.000001", SpecValues.decimal(1e-6));
        assertEquals("1E-7", SpecValues.decimal(1e-7));
        assertEquals("100000000000000000000", SpecValues.decimal(1e20));
        assertEquals("1E21", SpecValues.decimal(1e21));
        assertEquals("-2", SpecValues.decimal(-2.0));
        assertEquals("0.30000000000000004", SpecValues.decimal(0.1 + 0.2));
        assertEquals("1.7976931348623157E308", SpecValues.decimal(Double.MAX_VALUE));
        assertEquals("2.2250738585072014E-308", SpecValues.decimal(Double.MIN_NORMAL));
        // Powers of two, where the interval that reads back is lopsided and the nearest 16-digit decimal
        // misses it (JDK 19+ prints these same digits).
        assertEquals("7.120236347223045E-307", SpecValues.decimal(Math.scalb(1.0, -1017)));
        assertEquals("7.174648137343064E-43", SpecValues.decimal(Math.scalb(1.0, -140)));
        assertEquals("1152921504606847000", SpecValues.decimal(Math.scalb(1.0, 60)));
        // An exact tie at 17 digits rounds to even: ...377.25 -> ...377.2.
        assertEquals("1763179833540377.2", SpecValues.decimal(1763179833540377.25));
        for (double d : new double[] {0.1, 1.0 / 3, 1e-300, 12000, 2e23, Double.MIN_VALUE, -0.0, 1e-26,
                Double.MAX_VALUE, Double.MIN_NORMAL, 1763179833540377.25}) {
            assertShortestRoundTrip(d);
        }
    }

    @Test
    void everyPowerOfTwoIsShortest() {
        for (int e = -1074; e <= 1023; e++) {
            double d = Math.scalb(1.0, e);
            assertShortestRoundTrip(d);
            assertShortestRoundTrip(-d);
        }
    }

    @Test
    void randomDoublesRoundTripExactlyInTheirShortestForm() {
        // Uniform over bit patterns: every exponent, normal and subnormal, both signs. Every one must read
        // back exactly; every tenth is also held to the (slower) shortness oracle.
        SplittableRandom random = new SplittableRandom(20250);
        int checked = 0;
        while (checked < 100_000) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                if (checked % 10 == 0) {
                    assertShortestRoundTrip(d);
                } else {
                    assertRoundTrip(d);
                }
                checked++;
            }
        }
    }

    @Test
    void nonFiniteValuesAreSpelledOut() {
        assertEquals("NaN", SpecValues.decimal(Double.NaN));
        assertEquals("Infinity", SpecValues.decimal(Double.POSITIVE_INFINITY));
        assertNotEquals(SpecValues.decimal(0.0), SpecValues.decimal(-0.0));
    }
}
