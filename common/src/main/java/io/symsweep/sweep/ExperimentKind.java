package io.symsweep.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a spec's {@code kind} declares to the spec reader: its fields (beyond {@code name}, {@code kind},
 * {@code seeds} and the execution settings), how a configuration is put in canonical form, and the checks that
 * involve several fields. What a kind computes and writes is declared in {@code io.symsweep.experiment}.
 * Serializable: the Spark adapter ships kinds to executors.
 */
public interface ExperimentKind extends Serializable {

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
     * The axes this kind sweeps, from the axes its spec's fields give (config key to values, in declaration order,
     * defaults filled in): by default the same, so the configurations are one per point of the fields' cross product.
     * A kind whose configurations are not one per value of each field (pairs or groups of seeds, say) replaces axes
     * here, once per spec, before any configuration is made: each axis stays a list of values and the configurations
     * stay the cross product of the axes. Throws {@link SpecException} naming the field at fault.
     */
    default Map<String, List<Object>> axes(Map<String, List<Object>> fromFields) {
        return fromFields;
    }
}
