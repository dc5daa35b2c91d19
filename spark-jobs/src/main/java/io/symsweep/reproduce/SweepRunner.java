package io.symsweep.reproduce;

import io.symsweep.spark.ResultStore;
import io.symsweep.spark.SweepJob;
import io.symsweep.spark.TableSummary;
import io.symsweep.sweep.SweepSpec;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The one place {@code reproduce} touches the sweep engine: a spec run exactly as {@code symsweep run SPEC
 * --out DIR} runs it ({@link SweepJob} on a {@link ResultStore}, resuming what the folder holds). When the
 * engine's API changes, this class is what follows it.
 */
final class SweepRunner {

    private final SparkSession spark;

    SweepRunner(SparkSession spark) {
        this.spark = spark;
    }

    /** What one spec's run did: a line per table, and its wall time. */
    record SpecRun(String spec, long configurations, List<String> tables, long computed, double seconds) {
    }

    /** Runs every configuration of {@code spec} that {@code outDir} does not hold yet. */
    SpecRun run(SweepSpec spec, String outDir) {
        long start = System.nanoTime();
        ResultStore store = new ResultStore(spark, outDir);
        SweepJob job = new SweepJob(spark, store);
        List<TableSummary> summaries = job.run(spec);
        long computed = 0;
        List<String> lines = new java.util.ArrayList<>();
        for (TableSummary t : summaries) {
            computed += t.computed();
            lines.add(String.format(java.util.Locale.ROOT, "%-17s %7d rows  (%d computed now, %d already there)  "
                    + "status: %s", t.table(), t.total(), t.computed(), t.skipped(), t.statuses()));
        }
        return new SpecRun(spec.name(), job.configurations(), lines, computed, (System.nanoTime() - start) * 1e-9);
    }
}
