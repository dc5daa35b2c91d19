package io.symsweep.experiment;

import io.symsweep.sweep.ExperimentKind;
import io.symsweep.sweep.SpecReader;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.RunRow;
import io.symsweep.table.Table;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The experiment kinds symsweep runs: one registration line each. */
public final class Experiments {

    private static final List<Experiment> KINDS = List.of(
            new RescalingBarrier(),
            new ApproximateAction(),
            new SymmetryCurveExperiment(),
            new OrbitDistance(),
            new Components(),
            new AlignmentExperiment());

    private Experiments() {
    }

    public static List<Experiment> all() {
        return KINDS;
    }

    /** Every table symsweep writes: the registered kinds' tables, then {@code runs}; each once. */
    public static List<Table<?>> tables() {
        Set<Table<?>> all = new LinkedHashSet<>();
        KINDS.forEach(k -> all.addAll(k.tables()));
        all.add(RunRow.TABLE);
        return List.copyOf(all);
    }

    /** A spec reader that knows every kind. */
    public static SpecReader reader() {
        return new SpecReader(KINDS);
    }

    /** The registered experiment a spec's kind names. */
    public static Experiment of(SweepSpec spec) {
        return named(spec.kind().name());
    }

    /** The registered experiment called {@code name}. */
    public static Experiment named(String name) {
        for (Experiment e : KINDS) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no experiment kind " + name + "; known: "
                + KINDS.stream().map(ExperimentKind::name).toList());
    }
}
