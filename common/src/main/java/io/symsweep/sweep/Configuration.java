package io.symsweep.sweep;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One point of a sweep: a value for every field of its kind. Its canonical form is a JSON object with
 * the keys sorted and numbers in shortest round-trip decimal; its {@link #id()} is the hash of that form,
 * so equal experiments have equal ids whatever sweep or file they came from (the sweep's name is not part
 * of it).
 *
 * <p>A value: equal when kind and values are equal. Not a record only because it keeps its canonical form and id
 * once computed (a probe row needs both, and computing them was most of a probe's cost on the executors); a
 * configuration made by {@link ConfigurationSpace} carries them from the start.
 */
public final class Configuration implements Serializable {

    private static final long serialVersionUID = 2L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String kind;
    private final SortedMap<String, Object> values;
    private transient volatile String canonicalForm;
    private transient volatile String id;

    /**
     * @param kind   the experiment kind's name
     * @param values config key to value: {@link Long}, {@link Double}, {@link String}, {@link Boolean} or
     *               {@code List<Long>}
     */
    public Configuration(String kind, SortedMap<String, Object> values) {
        this(kind, Collections.unmodifiableSortedMap(new TreeMap<>(values)), null, null);
    }

    /** A configuration whose values map is already an unmodifiable copy, and whose form and id may be known. */
    Configuration(String kind, SortedMap<String, Object> ownedValues, String canonicalForm, String id) {
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
        this.values = ownedValues;
        this.canonicalForm = canonicalForm;
        this.id = id;
    }

    /** The experiment kind's name. */
    public String kind() {
        return kind;
    }

    /** Config key to value, sorted by key, unmodifiable. */
    public SortedMap<String, Object> values() {
        return values;
    }

    /** {@code {"architecture.widths":[8,16,4],"kind":"rescaling-barrier",...}}: keys sorted, kind included. */
    public String canonicalForm() {
        String form = canonicalForm;
        if (form == null) {
            form = canonicalForm(kind, values);
            canonicalForm = form;
        }
        return form;
    }

    static String canonicalForm(String kind, SortedMap<String, Object> values) {
        TreeMap<String, Object> all = new TreeMap<>(values);
        all.put("kind", kind);
        StringBuilder b = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : all.entrySet()) {
            b.append(first ? "" : ",");
            first = false;
            appendJson(b, e.getKey());
            b.append(':');
            appendJson(b, e.getValue());
        }
        return b.append('}').toString();
    }

    /** The JSON text of a key or value as the canonical form writes it. */
    static String json(Object v) {
        StringBuilder b = new StringBuilder();
        appendJson(b, v);
        return b.toString();
    }

    private static void appendJson(StringBuilder b, Object v) {
        if (v instanceof String s) {
            b.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
        } else if (v instanceof Double d) {
            b.append(SpecValues.decimal(d));
        } else if (v instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                b.append(i == 0 ? "" : ",");
                appendJson(b, list.get(i));
            }
            b.append(']');
        } else {
            b.append(v);
        }
    }

    /** The stable id: the hash of {@link #canonicalForm()}. */
    public String id() {
        String i = id;
        if (i == null) {
            i = ConfigIds.id(canonicalForm());
            id = i;
        }
        return i;
    }

    /** The configuration restricted to the keys {@code keep} accepts. */
    public Configuration project(Predicate<String> keep) {
        TreeMap<String, Object> kept = new TreeMap<>();
        values.forEach((k, v) -> {
            if (keep.test(k)) {
                kept.put(k, v);
            }
        });
        return new Configuration(kind, kept);
    }

    /**
     * True when this configuration and {@code other} are of one kind and hold the same values under the keys
     * {@code keys} accepts: {@code project(keys).equals(other.project(keys))} without building either projection.
     */
    public boolean agreesOn(Configuration other, Predicate<String> keys) {
        if (!kind.equals(other.kind)) {
            return false;
        }
        Iterator<Map.Entry<String, Object>> a = values.entrySet().iterator();
        Iterator<Map.Entry<String, Object>> b = other.values.entrySet().iterator();
        while (true) {
            Map.Entry<String, Object> x = next(a, keys);
            Map.Entry<String, Object> y = next(b, keys);
            if (x == null || y == null) {
                return x == y;
            }
            if (!x.getKey().equals(y.getKey()) || !x.getValue().equals(y.getValue())) {
                return false;
            }
        }
    }

    private static Map.Entry<String, Object> next(Iterator<Map.Entry<String, Object>> it, Predicate<String> keys) {
        while (it.hasNext()) {
            Map.Entry<String, Object> e = it.next();
            if (keys.test(e.getKey())) {
                return e;
            }
        }
        return null;
    }

    /** A copy with {@code key} set to {@code value} (removed when null). */
    public Configuration with(String key, Object value) {
        TreeMap<String, Object> m = new TreeMap<>(values);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return new Configuration(kind, m);
    }

    /** The config key of the seed every spec sweeps ({@code seeds} in YAML). */
    public static final String SEED = "seed";

    /** The configuration's seed. */
    public long seed() {
        return (Long) require(SEED, SpecField.Type.INTEGER);
    }

    /** True when {@code field} has a value here (an optional field without default may have none). */
    public boolean has(SpecField field) {
        return values.containsKey(field.configKey());
    }

    /** A copy with {@code field} set to {@code value} (removed when null). */
    public Configuration with(SpecField field, Object value) {
        return with(field.configKey(), value);
    }

    /** The value of an integer field. */
    public long integer(SpecField field) {
        return (Long) require(field.configKey(), checkType(field, SpecField.Type.INTEGER));
    }

    /** The value of an integer field that fits an {@code int} (a width, a count). */
    public int smallInteger(SpecField field) {
        return Math.toIntExact(integer(field));
    }

    /** The value of a number field. */
    public double number(SpecField field) {
        return (Double) require(field.configKey(), checkType(field, SpecField.Type.NUMBER));
    }

    /** The value of a number field, or null when it has none. */
    public Double numberOrNull(SpecField field) {
        return has(field) ? number(field) : null;
    }

    /** The value of a string or choice field. */
    public String text(SpecField field) {
        if (field.type() != SpecField.Type.CHOICE) {
            checkType(field, SpecField.Type.STRING);
        }
        return (String) require(field.configKey(), field.type());
    }

    /** The value of a boolean field. */
    public boolean flag(SpecField field) {
        return (Boolean) require(field.configKey(), checkType(field, SpecField.Type.BOOLEAN));
    }

    /** The value of an integer-list field as {@code int[]}. */
    public int[] integers(SpecField field) {
        List<?> l = (List<?>) require(field.configKey(), checkType(field, SpecField.Type.INTEGER_LIST));
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.toIntExact((Long) l.get(i));
        }
        return out;
    }

    /** The raw value of {@code field} as parsed (for messages), or null. */
    public Object value(SpecField field) {
        return values.get(field.configKey());
    }

    private static SpecField.Type checkType(SpecField field, SpecField.Type expected) {
        if (field.type() != expected) {
            throw new IllegalArgumentException(field.path() + " is " + field.type() + ", read as " + expected);
        }
        return expected;
    }

    private Object require(String key, SpecField.Type type) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("configuration has no " + key + " (" + type.noun() + "): "
                    + canonicalForm());
        }
        return v;
    }

    /** Reads a {@link #canonicalForm()} back, typing each value by the kind's field declarations. */
    public static Configuration parse(String canonicalForm, ExperimentKind kind, List<SpecField> commonFields) {
        Map<String, SpecField> byKey = new TreeMap<>();
        for (SpecField f : commonFields) {
            byKey.put(f.configKey(), f);
        }
        for (SpecField f : kind.fields()) {
            byKey.put(f.configKey(), f);
        }
        try {
            JsonNode root = JSON.readTree(canonicalForm);
            TreeMap<String, Object> values = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("kind")) {
                    continue;
                }
                SpecField f = byKey.get(e.getKey());
                if (f == null) {
                    throw new IllegalArgumentException("unknown key " + e.getKey() + " for kind " + kind.name());
                }
                values.put(e.getKey(), typed(f, e.getValue()));
            }
            return new Configuration(kind.name(), values);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a canonical configuration: " + canonicalForm, e);
        }
    }

    private static Object typed(SpecField f, JsonNode v) {
        return switch (f.type()) {
            case INTEGER -> v.longValue();
            case NUMBER -> Double.parseDouble(v.asText());
            case BOOLEAN -> v.booleanValue();
            case STRING, CHOICE -> v.textValue();
            case INTEGER_LIST -> {
                List<Long> l = new ArrayList<>();
                v.forEach(x -> l.add(x.longValue()));
                yield List.copyOf(l);
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration c && kind.equals(c.kind) && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + values.hashCode();
    }

    @Override
    public String toString() {
        return canonicalForm();
    }
}
