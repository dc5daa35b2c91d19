package io.symsweep.experiment;

import io.symsweep.sweep.SpecField;
import java.util.List;

/**
 * The part every kind declares the same way: its name and its spec fields, held once. Kinds are stateless, so a kind
 * shipped to an executor is resolved back to the registered one ({@link Experiments}) rather than carrying its field
 * declarations (whose checks are lambdas).
 */
public abstract class DeclaredExperiment implements Experiment {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient List<SpecField> fields;

    protected DeclaredExperiment(String name, List<SpecField> fields) {
        this.name = name;
        this.fields = List.copyOf(fields);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<SpecField> fields() {
        return fields;
    }

    /** The registered kind of this name: what a deserialised kind is. */
    protected final Object readResolve() {
        return Experiments.named(name);
    }
}
