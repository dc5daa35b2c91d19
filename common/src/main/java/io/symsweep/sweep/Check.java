package io.symsweep.sweep;

import java.util.List;
import java.util.function.Predicate;

/**
 * A constraint on one parsed value, described the way the error message states it:
 * {@code must be > 0, found -2}.
 *
 * @param description what is allowed, completing "must be ...": a bound such as {@code "> 0"}, or a whole noun
 *                    phrase starting with "a"/"an", such as {@code "an odd integer >= 25"}
 * @param holds       true when the value is allowed
 */
public record Check(String description, Predicate<Object> holds) {

    /** No constraint. */
    public static final Check ANY = new Check("anything", v -> true);

    public static Check greaterThan(double bound) {
        return new Check("> " + SpecValues.decimal(bound), v -> number(v) > bound);
    }

    public static Check atLeast(double bound) {
        return new Check(">= " + SpecValues.decimal(bound), v -> number(v) >= bound);
    }

    /** {@code lo <= v <= hi}. */
    public static Check between(double lo, double hi) {
        return new Check("between " + SpecValues.decimal(lo) + " and " + SpecValues.decimal(hi),
                v -> number(v) >= lo && number(v) <= hi);
    }

    /** {@code lo <= v < hi}. */
    public static Check inHalfOpen(double lo, double hi) {
        return new Check("in [" + SpecValues.decimal(lo) + ", " + SpecValues.decimal(hi) + ")",
                v -> number(v) >= lo && number(v) < hi);
    }

    /** {@code lo < v <= hi}. */
    public static Check inLeftOpen(double lo, double hi) {
        return new Check("in (" + SpecValues.decimal(lo) + ", " + SpecValues.decimal(hi) + "]",
                v -> number(v) > lo && number(v) <= hi);
    }

    /** {@code lo < v < hi}. */
    public static Check inOpen(double lo, double hi) {
        return new Check("in (" + SpecValues.decimal(lo) + ", " + SpecValues.decimal(hi) + ")",
                v -> number(v) > lo && number(v) < hi);
    }

    /** Both checks; the description joins them. */
    public Check and(Check other) {
        return new Check(description + " and " + other.description, v -> holds.test(v) && other.holds.test(v));
    }

    /** A list check: at least {@code minSize} elements, each satisfying {@code element}. */
    public static Check listOf(int minSize, Check element, String what) {
        return new Check(what, v -> v instanceof List<?> l && l.size() >= minSize
                && l.stream().allMatch(element.holds));
    }

    private static double number(Object v) {
        return ((Number) v).doubleValue();
    }
}
