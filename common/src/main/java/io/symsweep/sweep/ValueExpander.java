package io.symsweep.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the YAML under one field into the list of values it sweeps. A field takes a single value, a list
 * (whose elements may themselves be ranges; the result is their concatenation), or a range:
 * <ul>
 *   <li>{@code {from: a, to: b, step: s}}: {@code a, a+s, ...} up to {@code b} inclusive (a last value within
 *       1e-9 steps of {@code b} is {@code b} exactly), each computed as
 *       {@code a + i*s} so no rounding accumulates;</li>
 *   <li>{@code {log: [lo, hi], points: n}}: {@code n} log-spaced numbers {@code lo (hi/lo)^(i/(n-1))},
 *       ending exactly at {@code lo} and {@code hi};</li>
 *   <li>{@code "a..b"}: the integers {@code a} to {@code b} inclusive (integer fields, e.g. seeds).</li>
 * </ul>
 * An integer list field (e.g. {@code architecture.widths}) takes one list, or a list of lists to sweep.
 */
final class ValueExpander {

    /** At most this many values from one range. */
    static final long MAX_RANGE_VALUES = 10_000_000L;
    private static final Pattern DOTS = Pattern.compile("\\s*(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)\\s*");
    private static final Pattern INTEGER_TEXT = Pattern.compile("-?\\d+");
    private static final Pattern NON_FINITE_WORD = Pattern.compile("[-+]?\\.?(inf|infinity|nan)",
            Pattern.CASE_INSENSITIVE);

    private ValueExpander() {
    }

    /** All values of {@code field} given by {@code node}, each checked. */
    static List<Object> expand(SpecField field, JsonNode node, String path) {
        List<Object> out = new ArrayList<>();
        if (field.type() == SpecField.Type.INTEGER_LIST) {
            if (!node.isArray()) {
                throw new SpecException(path, "must be " + field.allowed() + ", found " + SpecValues.show(node));
            }
            if (node.isEmpty()) {
                throw new SpecException(path, "must be " + field.allowed() + ", found []");
            }
            boolean nested = node.get(0).isArray();
            if (nested && !field.sweepable()) {
                throw new SpecException(path, "takes one list, not a list of lists");
            }
            if (nested) {
                for (int i = 0; i < node.size(); i++) {
                    out.add(checked(field, integerList(field, node.get(i), path + "[" + i + "]"), path + "[" + i + "]"));
                }
            } else {
                out.add(checked(field, integerList(field, node, path), path));
            }
            return out;
        }
        if (node.isArray()) {
            if (!field.sweepable()) {
                throw new SpecException(path, "takes one value, not a list; found " + SpecValues.show(node));
            }
            if (node.isEmpty()) {
                throw new SpecException(path, "must list at least one value (" + field.allowed() + "), found []");
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode e = node.get(i);
                String p = path + "[" + i + "]";
                if (e.isArray()) {
                    throw new SpecException(p, "must be " + field.allowed() + " or a range, found a nested list "
                            + SpecValues.show(e));
                }
                expandOne(field, e, p, out);
            }
            return out;
        }
        expandOne(field, node, path, out);
        return out;
    }

    private static void expandOne(SpecField field, JsonNode node, String path, List<Object> out) {
        boolean numeric = field.type() == SpecField.Type.INTEGER || field.type() == SpecField.Type.NUMBER;
        if (node.isObject()) {
            if (!numeric || !field.sweepable()) {
                throw new SpecException(path, "must be " + field.allowed() + ", found " + SpecValues.show(node));
            }
            int before = out.size();
            range(field, node, path, out);
            for (int i = before; i < out.size(); i++) {
                Object v = out.get(i);
                if (!field.check().holds().test(v)) {
                    throw new SpecException(path, "must be " + field.check().description() + ", found "
                            + SpecValues.show(v) + " (value " + (i - before) + " of the range)");
                }
            }
            return;
        }
        if (field.type() == SpecField.Type.INTEGER && node.isTextual() && DOTS.matcher(node.textValue()).matches()) {
            if (!field.sweepable()) {
                throw new SpecException(path, "takes one value, not a range; found " + SpecValues.show(node));
            }
            Matcher m = DOTS.matcher(node.textValue());
            m.matches();
            long a = parseLong(m.group(1), path, node);
            long b = parseLong(m.group(2), path, node);
            if (b < a) {
                throw new SpecException(path, "must be a..b with a <= b, found " + SpecValues.show(node));
            }
            if (b - a + 1 > MAX_RANGE_VALUES) {
                throw new SpecException(path, "range " + a + ".." + b + " has more than " + MAX_RANGE_VALUES
                        + " values");
            }
            for (long v = a; v <= b; v++) {
                out.add(checked(field, v, path));
            }
            return;
        }
        out.add(checked(field, scalar(field, node, path), path));
    }

    private static long parseLong(String s, String path, JsonNode node) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new SpecException(path, "integer out of range in " + SpecValues.show(node));
        }
    }

    private static Object checked(SpecField field, Object value, String path) {
        if (!field.check().holds().test(value)) {
            throw new SpecException(path, "must be " + field.check().description() + ", found "
                    + SpecValues.show(value));
        }
        return value;
    }

    /** One scalar of the field's type. */
    static Object scalar(SpecField field, JsonNode node, String path) {
        switch (field.type()) {
            case INTEGER -> {
                return integer(node, path, field.allowed());
            }
            case NUMBER -> {
                return number(node, path, field.allowed());
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw new SpecException(path, "must be true or false, found " + SpecValues.show(node));
                }
                return node.booleanValue();
            }
            case STRING -> {
                if (!node.isTextual()) {
                    throw new SpecException(path, "must be a string, found " + SpecValues.show(node));
                }
                return node.textValue();
            }
            case CHOICE -> {
                if (!node.isTextual() || !field.choices().contains(node.textValue())) {
                    throw new SpecException(path, "must be one of " + String.join(", ", field.choices())
                            + "; found " + SpecValues.show(node) + suggestion(node, field.choices()));
                }
                return node.textValue();
            }
            default -> throw new IllegalStateException("not a scalar type: " + field.type());
        }
    }

    private static String suggestion(JsonNode node, List<String> choices) {
        if (!node.isTextual()) {
            return "";
        }
        String best = Suggestions.closest(node.textValue(), choices);
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    private static List<Long> integerList(SpecField field, JsonNode node, String path) {
        if (!node.isArray()) {
            throw new SpecException(path, "must be " + field.allowed() + ", found " + SpecValues.show(node));
        }
        if (node.isEmpty()) {
            throw new SpecException(path, "must be " + field.allowed() + ", found []");
        }
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            values.add(integer(node.get(i), path + "[" + i + "]", "an integer"));
        }
        return List.copyOf(values);
    }

    static long integer(JsonNode node, String path, String allowed) {
        if (nonFinite(node)) {
            throw new SpecException(path, mustBeFinite(allowed) + ", found " + SpecValues.show(node));
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isFloatingPointNumber() && node.doubleValue() == Math.rint(node.doubleValue())
                && Math.abs(node.doubleValue()) < 9.0e15) {
            return (long) node.doubleValue();
        }
        if (node.isTextual() && INTEGER_TEXT.matcher(node.textValue().trim()).matches()) {
            throw new SpecException(path, "must be " + allowed + " (unquoted), found " + SpecValues.show(node));
        }
        throw new SpecException(path, "must be " + allowed + ", found " + SpecValues.show(node));
    }

    /**
     * A finite double; {@code -0.0} reads as {@code 0.0}, so that both spellings give one canonical form
     * and one id.
     */
    static double number(JsonNode node, String path, String allowed) {
        if (nonFinite(node)) {
            throw new SpecException(path, mustBeFinite(allowed) + ", found " + SpecValues.show(node));
        }
        double d = rawNumber(node, path, allowed);
        if (!Double.isFinite(d)) {
            throw new SpecException(path, "must be " + allowed + ", found a number beyond the range of a double ("
                    + d + ")");
        }
        return d + 0.0;
    }

    /**
     * True for YAML's {@code .nan}, {@code .inf} and {@code -.inf} (a {@code DoubleNode} that is not finite;
     * {@link SpecTree} keeps numbers beyond the range of a double as {@code DecimalNode}s) and for the words
     * NaN, Infinity, inf (any case, signed), which YAML reads as strings.
     */
    private static boolean nonFinite(JsonNode node) {
        return (node.isDouble() && !Double.isFinite(node.doubleValue()))
                || (node.isTextual() && NON_FINITE_WORD.matcher(node.textValue().trim()).matches());
    }

    private static String mustBeFinite(String allowed) {
        return allowed.equals("a number") ? "must be a finite number" : "must be a finite number (" + allowed + ")";
    }

    private static double rawNumber(JsonNode node, String path, String allowed) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            String t = node.textValue().trim();
            // YAML 1.1 reads 1e-26 (no dot) as a string; accept plain decimal notation in quotes too.
            try {
                double d = Double.parseDouble(t);
                if (t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                    return d;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the error below
            }
        }
        throw new SpecException(path, "must be " + allowed + ", found " + SpecValues.show(node));
    }

    private static final Set<String> LINEAR_KEYS = Set.of("from", "to", "step");
    private static final Set<String> LOG_KEYS = Set.of("log", "points");

    private static void range(SpecField field, JsonNode node, String path, List<Object> out) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        boolean integer = field.type() == SpecField.Type.INTEGER;
        if (keys.contains("log")) {
            for (String k : keys) {
                if (!LOG_KEYS.contains(k)) {
                    throw new SpecException(path + "." + k, "unknown key in a log range; allowed: log, points");
                }
            }
            if (integer) {
                throw new SpecException(path, "must be an integer range ({from, to, step} or \"a..b\"), not a log "
                        + "range of real numbers; found " + SpecValues.show(node));
            }
            JsonNode log = node.get("log");
            if (!log.isArray() || log.size() != 2) {
                throw new SpecException(path + ".log", "must be [lo, hi], found " + SpecValues.show(log));
            }
            double lo = number(log.get(0), path + ".log[0]", "a number");
            double hi = number(log.get(1), path + ".log[1]", "a number");
            if (!(lo > 0) || !Double.isFinite(lo)) {
                throw new SpecException(path + ".log[0]", "must be > 0, found " + SpecValues.decimal(lo));
            }
            if (!(hi >= lo) || !Double.isFinite(hi)) {
                throw new SpecException(path + ".log[1]", "must be >= log[0] (" + SpecValues.decimal(lo)
                        + "), found " + SpecValues.decimal(hi));
            }
            if (!node.has("points")) {
                throw new SpecException(path + ".points", "missing; a log range needs points (an integer >= 2)");
            }
            long n = integer(node.get("points"), path + ".points", "an integer >= 2");
            if (n < 2 || n > MAX_RANGE_VALUES) {
                throw new SpecException(path + ".points", "must be an integer between 2 and " + MAX_RANGE_VALUES
                        + ", found " + n);
            }
            double ratio = Math.log(hi / lo);
            for (long i = 0; i < n; i++) {
                out.add(i == 0 ? lo : i == n - 1 ? hi : lo * Math.exp(ratio * i / (n - 1)));
            }
            return;
        }
        for (String k : keys) {
            if (!LINEAR_KEYS.contains(k)) {
                throw new SpecException(path + "." + k, "unknown key in a range; a range is {from, to, step} or "
                        + "{log: [lo, hi], points}" + didYouMean(k));
            }
        }
        for (String k : List.of("from", "to", "step")) {
            if (!node.has(k)) {
                throw new SpecException(path + "." + k, "missing; a range is {from: a, to: b, step: s}");
            }
        }
        if (integer) {
            long from = integer(node.get("from"), path + ".from", "an integer");
            long to = integer(node.get("to"), path + ".to", "an integer");
            long step = integer(node.get("step"), path + ".step", "an integer > 0");
            if (step <= 0) {
                throw new SpecException(path + ".step", "must be > 0, found " + step);
            }
            if (to < from) {
                throw new SpecException(path + ".to", "must be >= from (" + from + "), found " + to);
            }
            if ((to - from) / step + 1 > MAX_RANGE_VALUES) {
                throw new SpecException(path, "range has more than " + MAX_RANGE_VALUES + " values");
            }
            for (long v = from; v <= to; v += step) {
                out.add(v);
            }
            return;
        }
        double from = number(node.get("from"), path + ".from", "a number");
        double to = number(node.get("to"), path + ".to", "a number");
        double step = number(node.get("step"), path + ".step", "a number > 0");
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new SpecException(path + ".step", "must be > 0, found " + SpecValues.decimal(step));
        }
        if (!Double.isFinite(from) || !Double.isFinite(to) || to < from) {
            throw new SpecException(path + ".to", "must be a finite number >= from (" + SpecValues.decimal(from)
                    + "), found " + SpecValues.decimal(to));
        }
        double count = Math.floor((to - from) / step + 1e-9) + 1;
        if (count > MAX_RANGE_VALUES) {
            throw new SpecException(path, "range has more than " + MAX_RANGE_VALUES + " values");
        }
        long n = (long) count;
        for (long i = 0; i < n; i++) {
            double v = from + i * step;
            // The end is inclusive and exact: {from: 0, to: 0.3, step: 0.1} ends at 0.3, not at 3 * 0.1 =
            // 0.30000000000000004, so it merges with a 0.3 written elsewhere.
            out.add(i == n - 1 && Math.abs(v - to) <= 1e-9 * step ? to : v);
        }
    }

    private static String didYouMean(String key) {
        String best = Suggestions.closest(key, List.of("from", "to", "step", "log", "points"));
        return best == null ? "" : " (did you mean " + best + "?)";
    }
}
