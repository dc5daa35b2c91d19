package io.symsweep.sweep;

import java.util.List;

/**
 * One field of a spec, declared once: where it lives, its type, whether it is required or has a
 * default, what values are allowed, and whether it may be swept (a list or a range).
 *
 * @param path         dotted path in the YAML, e.g. {@code training.learning_rate}
 * @param configKey    the key in a {@link Configuration} (the path, but {@code seed} for {@code seeds})
 * @param type         the value type
 * @param choices      allowed strings for {@link Type#CHOICE}
 * @param mandatory    true when the spec must give it
 * @param defaultValue the value when absent (null when required or optional without default)
 * @param sweepable    true when a list or range sweeps it
 * @param check        the constraint on each value
 * @param doc          one line for the README and for "missing" messages
 * @param hashed       true (the rule) when the value is part of each configuration and so of its id;
 *                     false for an execution setting that cannot change any result (e.g. a batch size),
 *                     which stays out of the configurations, in {@link SweepSpec#execution()}
 */
public record SpecField(String path, String configKey, Type type, List<String> choices, boolean mandatory,
        Object defaultValue, boolean sweepable, Check check, String doc, boolean hashed) {

    /** Value types. Integers parse to {@link Long}, numbers to {@link Double}, integer lists to {@code List<Long>}. */
    public enum Type {
        INTEGER("an integer"), NUMBER("a number"), STRING("a string"), CHOICE("one of"), BOOLEAN("true or false"),
        INTEGER_LIST("a list of integers");

        private final String noun;

        Type(String noun) {
            this.noun = noun;
        }

        public String noun() {
            return noun;
        }
    }

    public SpecField {
        if (!hashed && sweepable) {
            throw new IllegalArgumentException(path + ": an execution setting takes one value, it cannot be swept");
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (check == null) {
            check = Check.ANY;
        }
    }

    public static SpecField integer(String path, String doc) {
        return new SpecField(path, path, Type.INTEGER, null, false, null, true, null, doc, true);
    }

    public static SpecField number(String path, String doc) {
        return new SpecField(path, path, Type.NUMBER, null, false, null, true, null, doc, true);
    }

    public static SpecField string(String path, String doc) {
        return new SpecField(path, path, Type.STRING, null, false, null, true, null, doc, true);
    }

    public static SpecField bool(String path, String doc) {
        return new SpecField(path, path, Type.BOOLEAN, null, false, null, true, null, doc, true);
    }

    public static SpecField choice(String path, List<String> choices, String doc) {
        return new SpecField(path, path, Type.CHOICE, choices, false, null, true, null, doc, true);
    }

    public static SpecField integerList(String path, String doc) {
        return new SpecField(path, path, Type.INTEGER_LIST, null, false, null, true, null, doc, true);
    }

    public SpecField required() {
        return new SpecField(path, configKey, type, choices, true, null, sweepable, check, doc, hashed);
    }

    public SpecField defaultsTo(Object value) {
        return new SpecField(path, configKey, type, choices, false, value, sweepable, check, doc, hashed);
    }

    public SpecField checked(Check c) {
        return new SpecField(path, configKey, type, choices, mandatory, defaultValue, sweepable, c, doc, hashed);
    }

    /** A field that takes exactly one value, never a list or range. */
    public SpecField fixed() {
        return new SpecField(path, configKey, type, choices, mandatory, defaultValue, false, check, doc, hashed);
    }

    /**
     * An execution setting: one value (never swept), kept out of every configuration and its id, so
     * changing it reruns nothing and must change no result.
     */
    public SpecField unhashed() {
        return new SpecField(path, configKey, type, choices, mandatory, defaultValue, false, check, doc, false);
    }

    public SpecField key(String key) {
        return new SpecField(path, key, type, choices, mandatory, defaultValue, sweepable, check, doc, hashed);
    }

    /** What a value must be, for messages: {@code an integer >= 1}, {@code one of dense, dl4j}. */
    public String allowed() {
        if (type == Type.CHOICE) {
            return "one of " + String.join(", ", choices);
        }
        if (check == Check.ANY) {
            return type.noun();
        }
        // A description that is a whole noun phrase ("an odd integer between 25 and 100001", "a list of at
        // least 3 widths") stands alone; a bound ("> 0", "between 1 and 10") completes the type's noun.
        String d = check.description();
        return d.startsWith("a ") || d.startsWith("an ") ? d : type.noun() + " " + d;
    }
}
