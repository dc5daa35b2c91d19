package io.symsweep.experiment;

import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExperimentKind;
import io.symsweep.table.Table;
import java.util.List;

/**
 * An experiment kind the Spark adapter runs: its spec declaration and the tables it writes. It is either an
 * {@link IndependentExperiment} (one stage, a pure function per configuration) or a {@link TwoStageExperiment}
 * (artefacts produced once, then probed by many configurations); the adapter runs each contract generically.
 */
public interface Experiment extends ExperimentKind {

    /** {@link #firstBatch()} of most kinds: configurations that take micro- to milliseconds each. */
    int DEFAULT_FIRST_BATCH = 5_000;

    /**
     * Configurations in the first committed batch of each stage when the batch size is automatic, and the fewest in
     * any automatic batch after it: {@value #DEFAULT_FIRST_BATCH} by default. A kind whose configurations take seconds
     * to minutes each says fewer, so that a stopped run loses minutes of work, not the stage.
     */
    default int firstBatch() {
        return DEFAULT_FIRST_BATCH;
    }

    /** Every table the kind writes, each keyed by {@code config_id}. */
    List<Table<?>> tables();

    /**
     * Whether {@link #inputFiles} can name any file: then the Spark adapter enumerates the sweep's configurations on the
     * driver to read and check them (false by default: the configurations are expanded on the executors only).
     */
    default boolean readsInputFiles() {
        return false;
    }

    /**
     * The user's files {@code configurations} read (data sets named in the spec), each once; none by default. The
     * Spark adapter reads them on the driver before any stage, has {@link #checkInputs} check them, and ships their
     * contents to every task ({@link SweepInputs}).
     */
    default List<InputFile> inputFiles(List<Configuration> configurations) {
        return List.of();
    }

    /**
     * Checks that the files read give what {@code configurations} ask of them (the columns, numbers where numbers are
     * needed), before any stage starts; throws a {@link io.symsweep.sweep.SpecException} naming the field, the path
     * and the column.
     */
    default void checkInputs(List<Configuration> configurations, SweepInputs inputs) {
    }
}
