package io.symsweep.transformer;

/**
 * Range checks of the transformer records' fields, each failing as one line that names the field, says what is
 * allowed and shows the value: {@code batch_size: must be >= 1, found 0}.
 */
final class FieldChecks {

    private FieldChecks() {
    }

    static void atLeast(String field, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(field + ": must be >= " + min + ", found " + value);
        }
    }

    /** A finite number above 0 (NaN fails). */
    static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": must be > 0, found " + value);
        }
    }

    /** A finite number, 0 or more (NaN fails). */
    static void nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": must be >= 0, found " + value);
        }
    }
}
