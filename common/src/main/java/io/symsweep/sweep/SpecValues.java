package io.symsweep.sweep;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** Formatting of spec values for messages and for the canonical form. */
public final class SpecValues {

    private SpecValues() {
    }

    /** A value as the user wrote it, for error messages: strings quoted, lists bracketed. */
    public static String show(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "\"" + node.textValue() + "\"";
        }
        if (node.isObject()) {
            return "a map " + node;
        }
        if (node.isDouble() && !Double.isFinite(node.doubleValue())) {
            double d = node.doubleValue();
            return Double.isNaN(d) ? ".nan" : d > 0 ? ".inf" : "-.inf";
        }
        return node.toString();
    }

    /** A parsed value for messages and the canonical form: numbers shortest, lists bracketed. */
    public static String show(Object value) {
        if (value instanceof Double d) {
            return decimal(d);
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                b.append(i == 0 ? "" : ",").append(show(list.get(i)));
            }
            return b.append(']').toString();
        }
        return String.valueOf(value);
    }

    /**
     * The shortest decimal that reads back as exactly {@code d}, and of those the closest to {@code d}
     * (ties to even): 0.01, 1E-26, 12000, 2E23, 5E-324. Independent of the JDK's {@code Double.toString},
     * which is not always shortest before JDK 19 (2e23 prints as 1.9999999999999998E23); the digits are
     * those of JDK 19+'s {@code Double.toString} (Giulietti's Schubfach) except that one digit is never
     * padded to two.
     *
     * <p>The digits come from Schubfach (Giulietti 2020, "The Schubfach way to render doubles"; jackson-core's
     * port of the JDK 19 code, {@code DoubleToDecimal}), about 10x faster than rounding a {@link BigDecimal}. Its
     * rule differs from ours in one case: when a one-digit decimal reads back as {@code d}, it may prefer a closer
     * two-digit one (4.9E-324 rather than 5E-324). Its two-digit results are therefore checked against the two
     * one-digit decimals around them; where both read back (only far below {@code Double.MIN_NORMAL}) the
     * {@link BigDecimal} rounding of {@link #exactDecimal} decides. {@code ShortestDecimalTest} holds the two
     * equal, string for string, on many millions of random and adversarial doubles.
     */
    public static String decimal(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        double magnitude = Math.abs(d);
        String s = DoubleToDecimal.toString(magnitude);
        // s is "ddd.ddd" or "d.dddE[-]n": value = digits x 10^exponent, digits without leading or trailing zeros.
        int e = s.indexOf('E');
        int end = e < 0 ? s.length() : e;
        int exponent = e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10);
        long digits = 0;
        int length = 0;
        boolean fraction = false;
        int trailingZeros = 0;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                fraction = true;
                continue;
            }
            if (fraction) {
                exponent--;
            }
            if (c == '0') {
                if (length > 0) {
                    trailingZeros++;
                }
                continue;
            }
            for (; trailingZeros > 0; trailingZeros--) {
                digits *= 10;
                length++;
            }
            digits = digits * 10 + (c - '0');
            length++;
        }
        exponent += trailingZeros;
        if (length == 2) {
            long low = digits / 10;
            boolean lowReads = Double.parseDouble(low + "E" + (exponent + 1)) == magnitude;
            boolean highReads = Double.parseDouble((low + 1) + "E" + (exponent + 1)) == magnitude;
            if (lowReads && highReads) {
                return exactDecimal(d);
            }
            if (lowReads) {
                digits = low;
                exponent++;
                length = 1;
            } else if (highReads) {
                digits = low + 1;
                exponent++;
                length = 1;
                if (digits == 10) {
                    digits = 1;
                    exponent++;
                }
            }
        }
        return format(d < 0, Long.toString(digits), exponent);
    }

    /**
     * {@code digits x 10^exponent} as {@link #plain(BigDecimal)} writes it: plain notation when the first digit's
     * power of ten is in [-6, 21), else {@code d.dddEn}.
     */
    private static String format(boolean negative, String digits, int exponent) {
        StringBuilder b = new StringBuilder(24);
        if (negative) {
            b.append('-');
        }
        int length = digits.length();
        int first = length + exponent - 1;
        if (first >= -6 && first < 21) {
            if (exponent >= 0) {
                b.append(digits);
                b.append("0".repeat(exponent));
            } else if (length + exponent > 0) {
                b.append(digits, 0, length + exponent).append('.').append(digits, length + exponent, length);
            } else {
                b.append("0.");
                b.append("0".repeat(-(length + exponent)));
                b.append(digits);
            }
            return b.toString();
        }
        b.append(digits.charAt(0));
        if (length > 1) {
            b.append('.').append(digits, 1, length);
        }
        return b.append('E').append(first).toString();
    }

    /**
     * {@link #decimal} by rounding the exact binary value as a {@link BigDecimal} to 1, 2, ... 17 digits until it
     * reads back: the definition, and what {@link #decimal} was before it took Schubfach's digits.
     */
    static String exactDecimal(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(d);
        // Rounding to p <= 17 digits gives the same result from the exact value (up to 767 digits) as from
        // its first 18 digits truncated, as long as a tie in the truncation is not taken for a true tie:
        // what truncation drops is less than one unit in the 18th digit, so it never moves the discarded
        // part across one half of a unit in the p-th digit, only off it (then half-up is right).
        BigDecimal truncated = exact.round(new MathContext(18, RoundingMode.DOWN));
        RoundingMode nearest = truncated.compareTo(exact) == 0 ? RoundingMode.HALF_EVEN : RoundingMode.HALF_UP;
        // At a power of two the interval that reads back as d is twice as wide above d as below it, so the
        // nearest p-digit decimal can miss it while the next one on the wide side is inside.
        boolean powerOfTwo = (Double.doubleToRawLongBits(d) & 0x000F_FFFF_FFFF_FFFFL) == 0;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = truncated.round(new MathContext(p, nearest));
            if (r.doubleValue() == d) {
                return plain(r.stripTrailingZeros());
            }
            if (powerOfTwo) {
                BigDecimal other = r.compareTo(exact) < 0 ? r.add(r.ulp()) : r.subtract(r.ulp());
                if (other.doubleValue() == d) {
                    return plain(other.stripTrailingZeros());
                }
            }
        }
        return plain(exact);
    }

    private static String plain(BigDecimal b) {
        // Plain notation for moderate exponents (12000, 0.001), scientific beyond.
        int exponent = b.precision() - b.scale() - 1;
        if (exponent >= -6 && exponent < 21) {
            return b.toPlainString();
        }
        return b.toString().replace("E+", "E");
    }
}
