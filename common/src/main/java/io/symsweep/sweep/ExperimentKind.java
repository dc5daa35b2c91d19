package io.symsweep.sweep;

import java.util.List;

/**
 * What a spec's {@code kind} declares: its fields (beyond {@code name}, {@code kind} and {@code seeds}),
 * how a configuration is put in canonical form, and the checks that involve several fields.
 */
public interface ExperimentKind {

    /** The kind's name in specs: {@code rescaling-barrier}. */
    String name();

    /** The kind's fields, in the order the README documents them. */
    List<SpecField> fields();

    /**
     * The configuration with values that cannot matter removed (e.g. a leaky-ReLU slope when the
     * activation is ReLU), so equal experiments get equal ids.
     */
    default Configuration normalize(Configuration c) {
        return c;
    }

    /** Checks that involve several fields; throws {@link SpecException} naming the field at fault. */
    default void validate(Configuration c) {
    }

    /**
     * The fields whose values do not change the trained minimum (probe settings): a configuration
     * without them identifies its minimum, trained once and shared.
     */
    default boolean isProbeKey(String configKey) {
        return configKey.startsWith("probe.");
    }
}
