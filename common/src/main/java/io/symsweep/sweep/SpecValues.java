package io.symsweep.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
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
     * The shortest decimal that reads back as exactly {@code d}, independent of the JDK's
     * {@code Double.toString} (which changed in JDK 19): 0.01, 1E-26, 12000, 3.5.
     */
    public static String decimal(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p));
            if (r.doubleValue() == d) {
                return plain(r.stripTrailingZeros());
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
