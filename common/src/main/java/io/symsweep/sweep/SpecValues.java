package io.symsweep.sweep;

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
     */
    public static String decimal(double d) {
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
