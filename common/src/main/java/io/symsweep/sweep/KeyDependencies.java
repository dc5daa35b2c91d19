package io.symsweep.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * What a kind's {@link ExperimentKind#normalize} and {@link ExperimentKind#validate} read, declared so that a sweep
 * can be counted, checked and expanded by index without enumerating its cross product ({@link ConfigurationSpace}).
 *
 * <p>The algebra, for configurations {@code c} of the kind:
 * <ul>
 *   <li>{@code normalize(c)} restricted to the keys outside {@link #normalized()} is {@code c} restricted to them
 *       (those values pass through unchanged), and {@code normalize(c)} restricted to {@link #normalized()} depends
 *       on {@code c}'s values of those keys only. So two configurations merge exactly when they agree outside
 *       {@code normalized} and their normalised {@code normalized} parts agree.</li>
 *   <li>{@code validate(normalize(c))} throws exactly when one of the {@link #rules()} does, and each rule's outcome
 *       depends on the normalised configuration's values of its keys (with {@code normalized}) only.</li>
 * </ul>
 * A key named here need not be an axis of every spec (normalize may add it, e.g. a default filled in).
 * {@code KindContractTest} checks both statements for every registered kind on its specs.
 *
 * @param normalized the keys normalize reads or changes
 * @param rules      per cross-field rule of validate, the keys it reads
 */
public record KeyDependencies(Set<String> normalized, List<Set<String>> rules) implements Serializable {

    public KeyDependencies {
        normalized = Set.copyOf(normalized);
        rules = rules.stream().map(Set::copyOf).toList();
    }

    /** The dependencies on the config keys of {@code normalized} and of each rule's fields. */
    public static KeyDependencies of(java.util.Collection<SpecField> normalized,
            List<? extends java.util.Collection<SpecField>> rules) {
        return new KeyDependencies(keys(normalized), rules.stream().map(KeyDependencies::keys).toList());
    }

    private static Set<String> keys(java.util.Collection<SpecField> fields) {
        return fields.stream().map(SpecField::configKey).collect(java.util.stream.Collectors.toSet());
    }
}
