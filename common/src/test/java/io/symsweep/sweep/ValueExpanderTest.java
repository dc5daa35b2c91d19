package io.symsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scalars, lists and ranges of one field, as {@link ValueExpander} expands them. */
class ValueExpanderTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final SpecField FACTORS = SpecField.number("probe.factors", "rescaling factors")
            .checked(Check.greaterThan(0));
    private static final SpecField NUMBER = SpecField.number("x", "any number");
    private static final SpecField SEEDS = SpecField.integer("seeds", "seeds").checked(Check.atLeast(0));
    private static final SpecField WIDTHS = SpecField.integerList("architecture.widths", "widths");

    /** The values of {@code field} written as {@code yaml} (the text after {@code key: }). */
    private static List<Object> expand(SpecField field, String yaml) {
        try {
            JsonNode node = YAML.readTree("v: " + yaml).get("v");
            return ValueExpander.expand(field, node, field.path());
        } catch (JsonProcessingException e) {
            throw new AssertionError("bad test YAML: " + yaml, e);
        }
    }

    private static List<Object> longs(long... values) {
        return LongStream.of(values).boxed().map(Object.class::cast).toList();
    }

    @Test
    void aScalarIsOneValue() {
        assertEquals(List.of(2.5), expand(FACTORS, "2.5"));
        assertEquals(longs(7), expand(SEEDS, "7"));
    }

    @Test
    void linearRangeIsFromPlusITimesStepWithTheEndIncluded() {
        List<Object> v = expand(NUMBER, "{from: 0, to: 1, step: 0.1}");
        assertEquals(11, v.size());
        for (int i = 0; i < 11; i++) {
            assertEquals(0 + i * 0.1, (double) v.get(i), 0.0, "value " + i + " is a + i*s, not a running sum");
        }
        assertEquals(1.0, (double) v.get(10), 0.0, "the end is included exactly");
        // A running sum would have drifted: ten additions of 0.1 give 0.9999999999999999.
        double sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += 0.1;
        }
        assertTrue(sum != 1.0);
    }

    @Test
    void linearRangeEndsExactlyAtToWhenTheLastStepRoundsPastIt() {
        // 3 * 0.1 = 0.30000000000000004; the range ends at 0.3 itself so it merges with a factor 0.3.
        assertEquals(List.of(0.0, 0.1, 0.2, 0.3), expand(NUMBER, "{from: 0, to: 0.3, step: 0.1}"));
    }

    @Test
    void linearRangeStopsAtTheLastStepBelowTo() {
        assertEquals(List.of(1.0, 3.5, 6.0), expand(NUMBER, "{from: 1, to: 7, step: 2.5}"));
        assertEquals(longs(0, 4, 8), expand(SEEDS, "{from: 0, to: 9, step: 4}"));
    }

    @Test
    void figure4LinearAxisHas24Factors() {
        List<Object> v = expand(FACTORS, "{from: 500, to: 12000, step: 500}");
        assertEquals(24, v.size());
        for (int i = 0; i < 24; i++) {
            assertEquals(500.0 * (i + 1), (double) v.get(i), 0.0);
        }
    }

    @Test
    void logRangeHasNPointsEndingExactlyAtLoAndHi() {
        List<Object> v = expand(FACTORS, "{log: [1, 12000], points: 41}");
        assertPointsAndExactEnds(v, 41, 1.0, 12000.0);
        for (int i = 0; i < 41; i++) {
            double expected = Math.pow(12000, i / 40.0);
            assertEquals(expected, (double) v.get(i), 1e-13 * expected, "point " + i + " is 12000^(i/40)");
        }
        for (int i = 1; i < 41; i++) {
            assertTrue((double) v.get(i) > (double) v.get(i - 1), "strictly increasing");
        }
    }

    @Test
    void logRangeEndsExactlyAtAwkwardBounds() {
        List<Object> v = expand(FACTORS, "{log: [0.1, 0.7], points: 7}");
        assertPointsAndExactEnds(v, 7, 0.1, 0.7);
        assertEquals(List.of(1e-26, 0.001), expand(FACTORS, "{log: [1e-26, 0.001], points: 2}"));
    }

    @Test
    void dotsGiveEveryIntegerInclusive() {
        List<Object> v = expand(SEEDS, "0..999");
        assertEquals(1000, v.size());
        assertEquals(longs(LongStream.rangeClosed(0, 999).toArray()), v);
        assertEquals(longs(3, 4, 5), expand(SEEDS, "\" 3 .. 5 \""));
        assertEquals(longs(5), expand(SEEDS, "5..5"));
    }

    @Test
    void aListConcatenatesScalarsAndRanges() {
        List<Object> v = expand(FACTORS, "[0.5, {from: 1, to: 3, step: 1}, {log: [10, 1000], points: 3}, 7]");
        assertEquals(8, v.size());
        List<Object> exactOnes = new ArrayList<>(v);
        exactOnes.remove(5);
        assertEquals(List.of(0.5, 1.0, 2.0, 3.0, 10.0, 1000.0, 7.0), exactOnes);
        assertEquals(100.0, (double) v.get(5), 1e-13);
        assertEquals(longs(0, 1, 2, 10, 20, 30), expand(SEEDS, "[0..2, {from: 10, to: 30, step: 10}]"));
    }

    @Test
    void integralFloatsAreCoercedToIntegers() {
        assertEquals(longs(1000), expand(SEEDS, "1000.0"));
        assertEquals(longs(1, 2), expand(SEEDS, "[1.0, 2]"));
        assertEquals(longs(200000), expand(SEEDS, "2e5"));
        assertEquals(List.of(List.of(8L, 16L, 4L)), expand(WIDTHS, "[8.0, 16, 4]"));
    }

    @Test
    void exponentNotationWithoutADotIsANumber() {
        // YAML 1.1 resolves 1e-26 (no dot) as a string; the spec accepts it, quoted or not, as the number.
        assertEquals(List.of(1e-26), expand(NUMBER, "1e-26"));
        assertEquals(List.of(1e-26), expand(NUMBER, "'1e-26'"));
        assertEquals(List.of(1e-26), expand(NUMBER, "1.0e-26"));
        assertEquals(List.of(12000.0), expand(NUMBER, "1.2E+4"));
    }

    @Test
    void negativeZeroReadsAsZero() {
        Object v = expand(NUMBER, "-0.0").get(0);
        assertEquals(0.0, (double) v, 0.0);
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits((double) v), "+0.0, not -0.0");
    }

    @Test
    void anIntegerListIsOneValueAndAListOfListsSweeps() {
        assertEquals(List.of(List.of(8L, 16L, 4L)), expand(WIDTHS, "[8, 16, 4]"));
        assertEquals(List.of(List.of(8L, 4L), List.of(8L, 16L, 4L)), expand(WIDTHS, "[[8, 4], [8, 16, 4]]"));
    }

    @Test
    void aFixedFieldTakesNoListOrRange() {
        SpecField fixed = SpecField.integer("probe.alpha_points", "grid").fixed();
        assertEquals("probe.alpha_points: takes one value, not a list; found [25,51]", error(fixed, "[25, 51]"));
        assertEquals("probe.alpha_points: takes one value, not a range; found \"25..51\"", error(fixed, "25..51"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {from: 1, to: 2, step: 0}  | probe.factors.step: must be > 0, found 0
            {from: 2, to: 1, step: 1}  | probe.factors.to: must be a finite number >= from (2), found 1
            {log: [10, 1], points: 3}  | probe.factors.log[1]: must be >= log[0] (10), found 1
            {log: [1, 10], points: 1}  | probe.factors.points: must be an integer between 2 and 10000000, found 1
            {log: [1, 10]}             | probe.factors.points: missing; a log range needs points (an integer >= 2)
            {from: 1, step: 1}         | probe.factors.to: missing; a range is {from: a, to: b, step: s}
            [1, [2, 3]]                | probe.factors[1]: must be a number > 0 or a range, found a nested list [2,3]
            """)
    void rangeErrorsNameThePartAtFault(String yaml, String message) {
        assertEquals(message, error(FACTORS, yaml));
    }

    /** {@code v} has {@code points} values, the first exactly {@code lo} and the last exactly {@code hi}. */
    private static void assertPointsAndExactEnds(List<Object> v, int points, double lo, double hi) {
        assertEquals(points, v.size());
        assertEquals(lo, (double) v.get(0), 0.0);
        assertEquals(hi, (double) v.get(points - 1), 0.0);
    }

    /** The message of the {@link SpecException} that expanding {@code yaml} for {@code field} throws. */
    private static String error(SpecField field, String yaml) {
        return assertThrows(SpecException.class, () -> expand(field, yaml)).getMessage();
    }
}
