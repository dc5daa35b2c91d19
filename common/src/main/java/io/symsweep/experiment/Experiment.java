package io.symsweep.experiment;

import io.symsweep.sweep.ExperimentKind;
import io.symsweep.table.Table;
import java.util.List;

/**
 * An experiment kind the Spark adapter runs: its spec declaration and the tables it writes. It is either an
 * {@link IndependentExperiment} (one stage, a pure function per configuration) or a {@link TwoStageExperiment}
 * (artefacts produced once, then probed by many configurations); the adapter runs each contract generically.
 */
public interface Experiment extends ExperimentKind {

    /** Every table the kind writes, each keyed by {@code config_id}. */
    List<Table<?>> tables();
}
