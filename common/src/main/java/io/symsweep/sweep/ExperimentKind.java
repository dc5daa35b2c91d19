package io.symsweep.sweep;

import io.symsweep.table.Table;
import java.io.Serializable;
import java.util.List;

/**
 * What a spec's {@code kind} declares: its fields (beyond {@code name}, {@code kind} and {@code seeds}),
 * how a configuration is put in canonical form, the checks that involve several fields, and the tables
 * it writes. Serializable: the Spark adapter ships kinds to executors.
 */
public interface ExperimentKind extends Serializable {

    /** The kind's name in specs: {@code rescaling-barrier}. */
    String name();

    /** The tables the kind writes; the first is its primary table. */
    List<Table<?>> tables();

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

    /** False for kinds that train no network (e.g. {@code orbit-distance}); {@code validate} then counts no minima. */
    default boolean trains() {
        return true;
    }
}
