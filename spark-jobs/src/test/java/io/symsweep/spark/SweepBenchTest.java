package io.symsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.table.BarrierRow;
import io.symsweep.table.MinimumRow;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code symsweep bench --sweep} counts what it ran: the probe-heavy sweep's rows are all in {@code barriers} (its
 * minima trained beforehand, none by the timed run), the train-heavy one trains every minimum, and the JSON
 * keys are the figures computed from those counts and the measured seconds. (Its speed is the bench's to print, never
 * a test's to assert.)
 */
class SweepBenchTest {

    @TempDir
    Path dir;

    @Test
    void theFiguresAreTheCountsOfWhatRanOverTheMeasuredSeconds() {
        SparkSession spark = SparkTestSession.get();
        SweepBench.Result r = SweepBench.run(spark, new SweepBench.Options(2, 60, 20, 6, 30), dir.toString());

        SweepBench.Figures probe = r.probeHeavy();
        assertEquals(120, probe.configurations());
        assertEquals(0, probe.trained(), "the probe-heavy minima are trained before the timed run");
        assertEquals(120 * 25, probe.lossEvaluations());
        ResultStore probeStore = new ResultStore(spark, dir.resolve("probe-heavy").toString());
        // and the one probe (factor 10, not on the 60-point grid) of each minimum of the sweep that trained them
        assertEquals(120 + 2, probeStore.read(BarrierRow.TABLE).count());
        assertEquals(2, probeStore.read(MinimumRow.TABLE).count());

        SweepBench.Figures train = r.trainHeavy();
        assertEquals(6, train.configurations());
        assertEquals(6, train.trained());
        assertEquals(6, new ResultStore(spark, dir.resolve("train-heavy").toString()).read(MinimumRow.TABLE).count());

        for (SweepBench.Figures f : new SweepBench.Figures[] {probe, train}) {
            assertTrue(f.engineSeconds() > 0 && f.probeStageSeconds() > 0 && f.planningSeconds() > 0
                    && f.endToEndSeconds() >= f.probeStageSeconds() + f.planningSeconds(), f.toString());
        }
        Map<String, Object> json = r.toJson();
        assertEquals(probe.lossEvaluations() / probe.probeStageSeconds(),
                (Double) json.get("probe_evals_per_second_end_to_end"), 0.0);
        assertEquals(probe.endToEndSeconds() / (probe.engineSeconds() / probe.cores()),
                (Double) json.get("end_to_end_vs_engine"), 0.0);
        assertEquals(probe.planningSeconds() / 120 * 1e6, (Double) json.get("planning_seconds_per_million"), 0.0);
    }
}
