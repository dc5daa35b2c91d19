package io.symsweep.cli;

/** Range checks of option values, each failing as one line naming the option: {@code --show: must be >= 0, found -1}. */
final class OptionChecks {

    private OptionChecks() {
    }

    static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new UserException(option + ": must be >= " + min + ", found " + value);
        }
    }

    /** {@link #atLeast} for an option without a default: nothing to check when it is not given (null). */
    static void atLeastIfGiven(String option, Integer value, long min) {
        if (value != null) {
            atLeast(option, value, min);
        }
    }

    /** A finite number above 0. */
    static void positive(String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new UserException(option + ": must be a finite number > 0, found " + value);
        }
    }

    /** {@link #positive} for an option without a default: nothing to check when it is not given (null). */
    static void positiveIfGiven(String option, Double value) {
        if (value != null) {
            positive(option, value);
        }
    }

    /** A finite number, 0 or more. */
    static void nonNegative(String option, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new UserException(option + ": must be a finite number >= 0, found " + value);
        }
    }
}
