package io.symsweep.experiment;

import io.symsweep.sweep.SpecField;
import io.symsweep.table.Table;
import java.util.List;

/**
 * The part every kind declares the same way: its name, its spec fields and its tables, held once. Kinds are stateless, so a kind
 * shipped to an executor is resolved back to the registered one ({@link Experiments}) rather than carrying its field
 * declarations (whose checks are lambdas).
 */
public abstract class DeclaredExperiment implements Experiment {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient List<SpecField> fields;
    private final transient List<Table<?>> tables;

    protected DeclaredExperiment(String name, List<SpecField> fields, List<Table<?>> tables) {
        this.name = name;
        this.fields = List.copyOf(fields);
        this.tables = List.copyOf(tables);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<SpecField> fields() {
        return fields;
    }

    @Override
    public final List<Table<?>> tables() {
        return tables;
    }

    /** The registered kind of this name: what a deserialised kind is. */
    protected final Object readResolve() {
        return Experiments.named(name);
    }
}
