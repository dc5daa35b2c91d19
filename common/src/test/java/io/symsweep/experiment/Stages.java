package io.symsweep.experiment;

import io.symsweep.experiment.TwoStageExperiment.ProbeGroup;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.table.BarrierRow;
import io.symsweep.table.CurveRow;
import io.symsweep.table.MinimumRow;
import java.util.List;

/** The two stages of the minimum-probing kinds run in plain Java, one configuration at a time, as a Spark task would. */
final class Stages {

    static final String SWEEP = "t";

    private Stages() {
    }

    /** Stage 1 alone for the minimum {@code c} probes (or for {@code c}, a minimum's configuration). */
    static MinimumRow train(TwoStageExperiment<MinimumRow> kind, Configuration c) {
        return kind.produce(kind.artefactsOf(c), SWEEP, ExecutionSettings.AUTOMATIC).get(0);
    }

    /** Stage 2 of {@code rescaling-barrier} alone for {@code c}. */
    static BarrierRow barrier(Configuration c, MinimumRow minimum) {
        return only(new RescalingBarrier(), c, minimum, BarrierRow.class);
    }

    /** Stage 2 of {@code symmetry-curve} alone for {@code c}. */
    static CurveRow curve(Configuration c, MinimumRow minimum) {
        return only(new SymmetryCurveExperiment(), c, minimum, CurveRow.class);
    }

    /** Both stages of {@code symmetry-curve} for {@code c}. */
    static CurveRow curve(Configuration c) {
        return curve(c, train(new SymmetryCurveExperiment(), c));
    }

    private static <R> R only(TwoStageExperiment<MinimumRow> kind, Configuration c, MinimumRow minimum, Class<R> row) {
        var rows = kind.probe(new ProbeGroup<>(List.of(minimum), List.of(c)), SWEEP, ExecutionSettings.AUTOMATIC);
        return row.cast(rows.get(0).rows().get(0));
    }
}
