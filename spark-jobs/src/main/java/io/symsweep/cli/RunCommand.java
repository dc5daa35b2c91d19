package io.symsweep.cli;

import io.symsweep.experiment.Experiments;
import io.symsweep.spark.IncompatibleResultsException;
import io.symsweep.spark.ResultStore;
import io.symsweep.spark.Sessions;
import io.symsweep.spark.SweepJob;
import io.symsweep.spark.TableSummary;
import io.symsweep.spark.WriterLock;
import io.symsweep.sweep.SweepSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code symsweep run SPEC}: validates, then trains, probes and writes the tables on Spark. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a sweep: expand the spec, train and probe every configuration on Spark, write Parquet "
                + "tables under the output folder, and print a summary.",
                "Configurations already in the output are skipped (resume); --fresh starts over. One run writes an "
                        + "output folder at a time (its lock file DIR/_lock); a damaged file in it is moved to "
                        + "DIR/_quarantine/ and its configurations computed again."})
final class RunCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "the sweep spec")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/<sweep name>)")
    String out;

    @Mixin
    MasterOption master;

    @Option(names = "--fresh", description = "delete the tables in the output folder first")
    boolean fresh;

    @Option(names = "--batch", paramLabel = "N",
            description = "configurations per committed batch (default: automatic, "
                    + io.symsweep.experiment.Experiment.DEFAULT_FIRST_BATCH + " in a stage's first batch (4 for the "
                    + "alignment kind), then as many as take about 30 s)")
    Integer batch;

    @Mixin
    SparkConfOption conf;

    @Option(names = "--wait", description = "when another run writes the output folder, wait for it to end "
            + "(default: exit with status 3, naming that run)")
    boolean waitForLock;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        OptionChecks.atLeastIfGiven("--batch", batch, 1);
        SweepSpec sweep = Experiments.reader().read(specFile);
        String specText = readSpecText();
        // Every cross-field rule the axes allow to check here, before Spark starts (the rest: ConfigurationSpace).
        sweep.space().check();
        String outDir = out != null ? out : Path.of("results", sweep.name()).toString();
        // Before Spark starts and before anything is written.
        String masterUrl = master.checked();
        OutputFolder.check(out != null ? "--out" : "the output folder", outDir,
                Experiments.of(sweep).tables().stream().map(t -> t.name()).toList());
        PrintWriter w = out();
        try (Sessions.Lease lease = SessionStart.announced(err(), "symsweep " + sweep.name(),
                masterUrl, conf.entries)) {
            SparkSession spark = lease.session();
            ResultStore store = new ResultStore(spark, outDir).messages(err());
            List<TableSummary> tables;
            SweepJob job = new SweepJob(spark, store, batch == null ? 0 : batch);
            // One writer at a time, from before --fresh deletes anything to after the runs row is written.
            try (WriterLock lock = store.lock("symsweep run " + sweep.name(), waitForLock)) {
                if (fresh) {
                    store.deleteTables(Experiments.of(sweep).tables());
                }
                tables = job.userErrors(t -> Failures.classify(t).status()
                        == io.symsweep.failure.InputException.EXIT_STATUS)
                        .run(sweep, specText);
            } catch (IncompatibleResultsException e) {
                throw new UserException(e.getMessage());
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
            printSummary(w, sweep, job.configurations(), tables, store.root(), seconds);
        }
        return 0;
    }

    /** The spec's text for the {@code runs} table (read once more: the reader has validated it). */
    private String readSpecText() {
        try {
            return java.nio.file.Files.readString(specFile, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    static void printSummary(PrintWriter w, SweepSpec sweep, long configurations, List<TableSummary> tables,
            String root, double seconds) {
        w.printf("sweep %s (%s): %d configurations%n", sweep.name(), sweep.kind().name(), configurations);
        for (TableSummary t : tables) {
            StringBuilder statuses = new StringBuilder();
            t.statuses().forEach((k, v) -> statuses.append(statuses.length() == 0 ? "" : ", ").append(k).append(' ')
                    .append(v));
            w.printf("  %-9s %7d rows  (%d computed now, %d already there)  status: %s%n", t.table(), t.total(),
                    t.computed(), t.skipped(), statuses);
        }
        w.printf("results: %s   time: %.1f s%n", root, seconds);
        w.flush();
    }
}
