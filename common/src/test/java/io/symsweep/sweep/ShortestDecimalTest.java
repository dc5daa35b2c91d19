package io.symsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@link SpecValues#decimal} (Schubfach's digits, reformatted) gives, string for string, what
 * {@link SpecValues#exactDecimal} (rounding the exact value as a {@code BigDecimal}, the definition and the code
 * every configuration id was computed with before) gives: on every power of two and its neighbours, on the first
 * subnormals, on doubles around every power of ten (the plain/scientific format boundaries among them) and on named hard cases, and on
 * {@value #DEFAULT_SAMPLES} doubles from each of four random sources (uniform bit patterns, short decimals of every
 * exponent, subnormals, integers). {@code -Dsymsweep.decimalSamples=N} raises the random samples per source (the
 * proof run of the switch used 25,000,000 per source: 100 million doubles).
 */
class ShortestDecimalTest {

    private static final long DEFAULT_SAMPLES = 40_000;

    private static long samples() {
        return Long.getLong("symsweep.decimalSamples", DEFAULT_SAMPLES);
    }

    /** Compares both ways on {@code d} and {@code -d}; returns the number of differences (0 expected). */
    private static int differences(double d, List<String> examples) {
        int n = 0;
        for (double x : new double[] {d, -d}) {
            String fast = SpecValues.decimal(x);
            String exact = SpecValues.exactDecimal(x);
            if (!fast.equals(exact)) {
                n++;
                synchronized (examples) {
                    if (examples.size() < 10) {
                        examples.add(Double.doubleToRawLongBits(x) + ": " + fast + " vs " + exact);
                    }
                }
            }
        }
        return n;
    }

    private static void assertSame(String what, long count, LongFunction<Double> source) {
        List<String> examples = new ArrayList<>();
        AtomicLong compared = new AtomicLong();
        long diffs = LongStream.range(0, count).parallel().map(i -> {
            Double d = source.apply(i);
            if (d == null || !Double.isFinite(d)) {
                return 0;
            }
            compared.addAndGet(2);
            return differences(d, examples);
        }).sum();
        assertEquals(0, diffs, what + ": " + diffs + " of " + compared.get() + " differ, e.g. " + examples);
        assertTrue(compared.get() >= count, what + ": compared " + compared.get());
    }

    @Test
    void powersOfTwoAndTheirNeighbours() {
        // 2^-1074 .. 2^1023; where the interval that reads back is lopsided.
        assertSame("powers of two", 2098 * 5, i -> {
            double p = Math.scalb(1.0, (int) (i / 5) - 1074);
            return switch ((int) (i % 5)) {
                case 0 -> p;
                case 1 -> Math.nextUp(p);
                case 2 -> Math.nextDown(p);
                case 3 -> Math.nextUp(Math.nextUp(p));
                default -> Math.nextDown(Math.nextDown(p));
            };
        });
    }

    @Test
    void theFirstSubnormalsAndTheLargestDoubles() {
        assertSame("first subnormals", 20_000, i -> Double.longBitsToDouble(i + 1));
        assertSame("largest doubles", 20_000, i -> Double.longBitsToDouble(Double.doubleToRawLongBits(Double.MAX_VALUE)
                - i));
        assertSame("around MIN_NORMAL", 20_000, i -> Double.longBitsToDouble(
                Double.doubleToRawLongBits(Double.MIN_NORMAL) - 10_000 + i));
    }

    @Test
    void aroundTheFormatBoundariesAndPowersOfTen() {
        // Plain notation holds for a first digit at 10^-6 .. 10^20; each power of ten and the 200 doubles around it.
        assertSame("powers of ten", 640 * 201, i -> {
            double p = Double.parseDouble("1E" + ((int) (i / 201) - 323));
            long bits = Double.doubleToRawLongBits(p) + (i % 201) - 100;
            return bits > 0 ? Double.longBitsToDouble(bits) : null;
        });
    }

    @Test
    void namedHardCases() {
        double[] hard = {2e23, 1e23, 8.41e21, 5e-324, 1e-323, 1.5e-323, 9.9e-324, 2.5e-324, 9007199254740993.0,
            1763179833540377.25, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 1e-26, 12000, 0.01, 1e21, 1e-7, 1e-6, 9.999999999999999e20,
            9.999999999999999e-7, 4.35e-321, 2.2250738585072011e-308, 2.2250738585072014e-308, 4.9406564584124654e-324,
            1.7976931348623157e308, 5.0e-324 * 3, 123456789012345678.0, 0.000001, 0.00001, 100, 1e7, 1e16, 1e17};
        List<String> examples = new ArrayList<>();
        int diffs = 0;
        for (double d : hard) {
            diffs += differences(d, examples);
        }
        assertEquals(0, diffs, "differ: " + examples);
        // The one rule where Schubfach's digits are not ours: a closer two-digit decimal over a one-digit one.
        assertEquals("5E-324", SpecValues.decimal(Double.MIN_VALUE));
        assertEquals("1E-323", SpecValues.decimal(1e-323));
        assertEquals("2E23", SpecValues.decimal(2e23));
    }

    @Test
    void randomBitPatterns() {
        assertSame("uniform bits", samples(), i -> Double.longBitsToDouble(new SplittableRandom(i * 31 + 1).nextLong()));
    }

    @Test
    void randomShortDecimalsOfEveryExponent() {
        // 1 to 17 significant digits, exponents -340 .. 310: the values specs hold, and those where a shorter
        // decimal than Schubfach's two digits may read back.
        assertSame("short decimals", samples(), i -> {
            SplittableRandom r = new SplittableRandom(i * 37 + 2);
            int digits = 1 + r.nextInt(17);
            long k = r.nextLong((long) Math.pow(10, Math.min(digits, 17)) - 1) + 1;
            return Double.parseDouble(k + "E" + (r.nextInt(651) - 340));
        });
    }

    @Test
    void randomSubnormals() {
        assertSame("subnormals", samples(), i -> Double.longBitsToDouble(
                new SplittableRandom(i * 41 + 3).nextLong(1, 1L << 52)));
    }

    @Test
    void randomIntegers() {
        assertSame("integers", samples(), i -> {
            SplittableRandom r = new SplittableRandom(i * 43 + 4);
            return (double) (r.nextLong(1L << (1 + r.nextInt(62))));
        });
    }
}
