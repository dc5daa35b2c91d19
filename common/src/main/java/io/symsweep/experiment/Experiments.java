package io.symsweep.experiment;

import io.symsweep.sweep.ExperimentKind;
import io.symsweep.sweep.SpecReader;
import java.util.List;

/** The experiment kinds symsweep runs. */
public final class Experiments {

    private static final List<ExperimentKind> KINDS = List.of(new RescalingBarrier(), new ApproximateAction(),
            new SymmetryCurveExperiment(), new OrbitDistance(), new Components());

    private Experiments() {
    }

    public static List<ExperimentKind> all() {
        return KINDS;
    }

    /** A spec reader that knows every kind. */
    public static SpecReader reader() {
        return new SpecReader(KINDS);
    }
}
