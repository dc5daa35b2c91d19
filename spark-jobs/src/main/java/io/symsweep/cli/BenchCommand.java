package io.symsweep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.symsweep.bench.BenchNetwork;
import io.symsweep.bench.ThroughputBench;
import io.symsweep.spark.Sessions;
import io.symsweep.spark.SparkScaling;
import io.symsweep.spark.SweepBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code symsweep bench}: training and probing throughput on one thread, and optionally Spark's speed-up. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure throughput on one thread: microseconds per model-step of DL4J fit, of the dense "
                + "engine one network at a time and batched, and probe evaluations per second; each the median of "
                + "timed repeats after warm-up.",
                "--spark also runs one sweep of many networks in-process and on Spark (local[2]) and prints the "
                + "ratio of the rates.",
                "--sweep also runs a probe-heavy and a train-heavy sweep of the Figure-4 network in-process and on "
                + "Spark and prints the engine's time, Spark's end-to-end time, their ratio and the planning time."})
final class BenchCommand extends Subcommand {

    @Option(names = "--network", paramLabel = "NAME", defaultValue = "figure4",
            description = "figure4 (default), wide100, deep-linear, a label such as mlp[8,100,4]/leaky_relu(0.01), "
                    + "or digits-mlp (the alignment bench: DL4J training, alignment per method, assignment solver)")
    String network;

    /** The {@code --network} of the alignment bench ({@link io.symsweep.bench.AlignmentBench}). */
    static final String DIGITS_MLP = "digits-mlp";

    @Option(names = "--widths", paramLabel = "H,...", split = ",", defaultValue = "16,64,256,512",
            description = "digits-mlp: the hidden widths h of 64-h-h-10 (default: ${DEFAULT-VALUE})")
    int[] widths;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "30",
            description = "digits-mlp: training epochs of each model (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--samples", paramLabel = "N", description = "samples (default: the network's, 4)")
    Integer samples;

    @Option(names = "--learning-rate", paramLabel = "LR",
            description = "SGD step size (default: the network's, 0.01 for figure4, 0.001 for wide100 and deep-linear)")
    Double learningRate;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON (- for stdout)")
    String json;

    @Option(names = "--networks", paramLabel = "N", defaultValue = "512",
            description = "networks in the batched measurement (default: ${DEFAULT-VALUE})")
    int networks;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "11",
            description = "timed repeats per figure; the median is reported (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "1.0",
            description = "untimed warm-up per figure (default: ${DEFAULT-VALUE})")
    double warmup;

    @Option(names = "--repeat-seconds", paramLabel = "SECONDS", defaultValue = "0.1",
            description = "length of one timed repeat (default: ${DEFAULT-VALUE})")
    double repeatSeconds;

    @Option(names = "--no-dl4j", description = "skip the DL4J figure")
    boolean noDl4j;

    @Option(names = "--spark", description = "also run one sweep in-process and on Spark and compare the rates")
    boolean spark;

    @Option(names = "--spark-networks", paramLabel = "N", defaultValue = "2000",
            description = "minima of the --spark sweep (default: ${DEFAULT-VALUE})")
    int sparkNetworks;

    @Option(names = "--spark-steps", paramLabel = "N", defaultValue = "50000",
            description = "SGD steps per minimum in the --spark sweep (default: ${DEFAULT-VALUE})")
    long sparkSteps;

    @Option(names = "--sweep", description = "also run a probe-heavy and a train-heavy sweep in-process and on Spark")
    boolean sweep;

    @Option(names = "--sweep-minima", paramLabel = "N", defaultValue = "8",
            description = "minima of the probe-heavy --sweep (default: ${DEFAULT-VALUE})")
    int sweepMinima;

    @Option(names = "--sweep-factors", paramLabel = "N", defaultValue = "125000",
            description = "factors per minimum of the probe-heavy --sweep (default: ${DEFAULT-VALUE})")
    int sweepFactors;

    @Option(names = "--sweep-train-minima", paramLabel = "N", defaultValue = "512",
            description = "minima of the train-heavy --sweep, one factor each (default: ${DEFAULT-VALUE})")
    int sweepTrainMinima;

    @Option(names = "--sweep-train-steps", paramLabel = "N", defaultValue = "5000",
            description = "SGD steps per minimum of the train-heavy --sweep (default: ${DEFAULT-VALUE})")
    long sweepTrainSteps;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[2]",
            description = "Spark master of --spark and --sweep (default: ${DEFAULT-VALUE})")
    String master;

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeastIfGiven("--samples", samples, 1);
        OptionChecks.positiveIfGiven("--learning-rate", learningRate);
        OptionChecks.atLeast("--networks", networks, 1);
        OptionChecks.atLeast("--repeats", repeats, 1);
        OptionChecks.nonNegative("--warmup", warmup);
        OptionChecks.positive("--repeat-seconds", repeatSeconds);
        OptionChecks.atLeast("--spark-networks", sparkNetworks, 1);
        OptionChecks.atLeast("--spark-steps", sparkSteps, 1);
        OptionChecks.atLeast("--sweep-minima", sweepMinima, 1);
        OptionChecks.atLeast("--sweep-factors", sweepFactors, 1);
        OptionChecks.atLeast("--sweep-train-minima", sweepTrainMinima, 1);
        OptionChecks.atLeast("--sweep-train-steps", sweepTrainSteps, 1);
        if (spark || sweep) {
            MasterUrl.check(master);
        }
        if (json != null && !json.equals("-")) {
            checkWritableFile("--json", json);
        }
        if (network.equals(DIGITS_MLP)) {
            return digitsMlp();
        }
        BenchNetwork net = benchNetwork();
        PrintWriter w = out();
        w.printf("bench %s, %d samples, one thread, float64%n", net.architecture().label(), net.samples());
        w.flush();
        ThroughputBench.Result r;
        try {
            r = ThroughputBench.run(new ThroughputBench.Options(net, networks, 64, repeats, warmup, repeatSeconds,
                    !noDl4j));
        } catch (ThroughputBench.StoppedEarly e) {
            throw new UserException(e.getMessage() + "; pass a smaller --learning-rate");
        }
        print(w, r);
        Map<String, Object> out = new LinkedHashMap<>(r.toJson());
        if (spark) {
            onSpark("symsweep-bench-spark", (session, outDir) -> {
                SparkScaling.Result s = SparkScaling.run(session, net, sparkNetworks, sparkSteps, outDir);
                w.printf("spark: %d networks x %d steps: in-process (1 thread) %.1f s = %.1f networks/s; %s %.1f s = "
                        + "%.1f networks/s; speed-up %.2fx; minima identical: %s; Spark's fixed cost per sweep %.1f s%n",
                        s.networks(), s.steps(), s.inProcessSeconds(), s.inProcessRate(), s.master(), s.sparkSeconds(),
                        s.sparkRate(), s.speedup(), s.identical(), s.overheadSeconds());
                out.put("spark", s.toJson());
            });
        }
        if (sweep) {
            onSpark("symsweep-bench-sweep", (session, outDir) -> {
                SweepBench.Result s = SweepBench.run(session, new SweepBench.Options(sweepMinima, sweepFactors,
                        SWEEP_PROBE_STEPS, sweepTrainMinima, sweepTrainSteps), outDir);
                print(w, s);
                out.put("sweep", s.toJson());
                out.put("probe_evals_per_second_end_to_end", s.probeHeavy().probeEvalsPerSecondEndToEnd());
                out.put("end_to_end_vs_engine", s.probeHeavy().endToEndVsEngine());
                out.put("planning_seconds_per_million", s.probeHeavy().planningSecondsPerMillion());
            });
        }
        writeJson(w, out);
        return 0;
    }

    /** {@code --network} with {@code --samples} and {@code --learning-rate}. */
    private BenchNetwork benchNetwork() {
        BenchNetwork net;
        try {
            net = BenchNetwork.parse(network, samples == null ? 0 : samples);
        } catch (IllegalArgumentException e) {
            throw new UserException("--network: must be figure4, wide100, deep-linear, digits-mlp or an architecture "
                    + "label like mlp[8,100,4]/leaky_relu(0.01), found " + network);
        }
        return learningRate == null ? net : net.withLearningRate(learningRate);
    }

    /** One measurement on Spark ({@code --spark}, {@code --sweep}): a session on {@code --master} and a fresh output folder. */
    private interface SparkMeasurement {
        void run(SparkSession session, String outDir) throws IOException;
    }

    /** Runs {@code m} on a session of {@code --master} (UI off), writing under a temporary folder removed afterwards. */
    private void onSpark(String tempPrefix, SparkMeasurement m) throws IOException {
        Path dir = Files.createTempDirectory(tempPrefix);
        try (Sessions.Lease lease = SessionStart.lease("symsweep bench", master, Map.of("spark.ui.enabled", "false"))) {
            m.run(lease.session(), dir.resolve("out").toString());
        } finally {
            deleteRecursively(dir);
        }
    }

    /** {@code --json}: the figures {@code out}, indented, on stdout ({@code -}) or into the file. */
    private void writeJson(PrintWriter w, Map<String, Object> out) throws IOException {
        if (json != null) {
            String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
            if (json.equals("-")) {
                w.println(text);
            } else {
                Files.writeString(Path.of(json), text + "\n");
                w.println("wrote " + json);
            }
        }
        w.flush();
    }

    /** SGD steps of the probe-heavy sweep's minima (trained before the timed run). */
    private static final long SWEEP_PROBE_STEPS = 200;

    private static void print(PrintWriter w, SweepBench.Result s) {
        w.printf("sweep on %s (%d cores): engine = the kind's functions in-process on one thread; end to end = "
                + "symsweep's Spark job, Parquet committed%n", s.master(), s.probeHeavy().cores());
        w.printf("  %-12s %13s %11s %13s %13s %12s %10s %15s %14s%n", "", "configs", "trained", "engine s",
                "end-to-end s", "probe s", "ratio", "evals/s (e2e)", "plan s/1e6");
        for (SweepBench.Figures f : List.of(s.probeHeavy(), s.trainHeavy())) {
            w.printf("  %-12s %13d %11d %13.2f %13.2f %12.2f %10.2f %15.0f %14.2f%n",
                    f.sweep().replace("bench-", ""), f.configurations(), f.trained(), f.engineSeconds(),
                    f.endToEndSeconds(), f.probeStageSeconds(), f.endToEndVsEngine(), f.probeEvalsPerSecondEndToEnd(),
                    f.planningSecondsPerMillion());
        }
        w.printf("  ratio = end-to-end / (engine / cores) (goal <= 1.3); probe-heavy: minima trained beforehand, "
                + "engine %.0f evals/s on one thread%n", s.probeHeavy().probeEvalsPerSecondEngine());
        w.flush();
    }

    /**
     * {@code --network digits-mlp}: the assignment solver against JGraphT at n = 128, 512, 1024 ({@code --repeats}
     * matrices each), then DL4J training, alignment seconds and the test-loss barrier of one pair per (class,
     * method) for each of {@code --widths} ({@link io.symsweep.bench.AlignmentBench}).
     */
    private Integer digitsMlp() throws IOException {
        OptionChecks.atLeast("--epochs", epochs, 1);
        for (int h : widths) {
            OptionChecks.atLeast("--widths", h, 1);
        }
        if (spark) {
            throw new UserException("--spark: not available with --network digits-mlp (its figures are one thread's)");
        }
        PrintWriter w = out();
        w.printf("bench digits-mlp: 64-h-h-10 relu for h in %s, %d epochs, one thread, float64%n",
                java.util.Arrays.toString(widths), epochs);
        w.flush();
        Map<String, Object> out = new LinkedHashMap<>(
                io.symsweep.bench.AssignmentBench.measure(Math.max(3, 2 * repeats - 1), Math.max(3, repeats / 2)));
        w.printf("  assignment (dense uniform costs, median ms): n=128 %.2f, n=512 %.2f, n=1024 %.2f; JGraphT "
                + "Kuhn-Munkres n=128 %.1f, n=512 %.1f: %.0fx slower at 512 (cpu time: %.0fx)%n",
                out.get("assignment_ms_n128"), out.get("assignment_ms_n512"), out.get("assignment_ms_n1024"),
                out.get("jgrapht_assignment_ms_n128"), out.get("jgrapht_assignment_ms_n512"),
                out.get("jgrapht_over_solver_n512"), out.get("jgrapht_over_solver_cpu_n512"));
        w.flush();
        Map<String, Object> align = io.symsweep.bench.AlignmentBench.run(widths, widths, 2, epochs);
        align.forEach((k, v) -> w.printf("  %-60s %s%n", k, v));
        out.putAll(align);
        writeJson(w, out);
        return 0;
    }

    /** A file that can be written when the benchmark ends: its folder exists and it is not a folder itself. */
    private static void checkWritableFile(String option, String file) {
        Path p;
        try {
            p = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UserException(option + ": not a valid path: " + e.getMessage());
        }
        if (Files.isDirectory(p)) {
            throw new UserException(option + ": " + file + " is a folder; give a file name");
        }
        Path parent = p.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserException(option + ": no folder " + parent + " to write " + file + " in");
        }
        if (Files.exists(p) ? !Files.isWritable(p) : !Files.isWritable(parent)) {
            throw new io.symsweep.failure.EnvironmentException(option + ": cannot write " + file
                    + " (permission denied, or a read-only folder)");
        }
    }

    private static void print(PrintWriter w, ThroughputBench.Result r) {
        double c = r.denseBatched().median();
        w.printf("  FLOP per model-step: %.0f (forward, backward, update); per probe evaluation: %.0f%n",
                r.flopsPerStep(), r.flopsPerProbe());
        w.printf("  %-34s %12s %10s %9s %8s %12s%n", "", "us/step", "x (c)", "GFLOP/s", "spread", "cpu us/step");
        row(w, "(a) DL4J MultiLayerNetwork.fit", r.dl4j(), c, r.flopsPerStep());
        row(w, "(b) dense, one network at a time", r.dense(), c, r.flopsPerStep());
        row(w, "(c) dense, batched (" + r.batch() + " at once)", r.denseBatched(), c, r.flopsPerStep());
        w.printf("  %-34s %12.0f %10s %9.2f %8.2f %12.0f%n", "probe evaluations per second",
                r.probeEvalsPerSecond().median(), "", r.probeEvalsPerSecond().median() * r.flopsPerProbe() * 1e-9,
                r.probeEvalsPerSecond().spread(), r.probeEvalsPerSecond().cpuMedian());
        w.printf("  wall-clock medians of %d repeats; spread = slowest / fastest repeat; cpu = this thread's CPU time "
                + "(below the wall time when other processes took the core)%n", r.repeats());
        w.flush();
    }

    private static void row(PrintWriter w, String what, ThroughputBench.Figure f, double c, double flops) {
        if (Double.isNaN(f.median())) {
            w.printf("  %-34s %12s%n", what, "skipped");
            return;
        }
        w.printf("  %-34s %12.3f %10.2f %9.2f %8.2f %12.3f%n", what, f.median(), f.median() / c,
                flops / f.median() * 1e-3, f.spread(), f.cpuMedian());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
