package io.symsweep.spark;

import io.symsweep.experiment.Experiments;
import io.symsweep.experiment.TwoStageExperiment;
import io.symsweep.experiment.TwoStageExperiment.ProbeGroup;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.MinimumRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code symsweep bench --sweep}: two {@code rescaling-barrier} sweeps of the Figure-4 network, each run through
 * the kind's pure functions on the calling thread (the engine's in-process time) and through {@link SweepJob} on a
 * Spark session (end to end: planning, the stage's jobs, Parquet written and committed).
 * <ul>
 *   <li>probe-heavy: a few minima, many factors each; the minima are trained first by a one-factor sweep into the
 *       same folder, so the timed run plans the whole sweep, skips the minima and probes every factor;</li>
 *   <li>train-heavy: many minima, one factor each, trained and probed.</li>
 * </ul>
 * The ratio {@code end_to_end_vs_engine} is the Spark time over the in-process time divided by the session's
 * cores: 1 when Spark adds nothing to the engine's work spread over the cores.
 */
public final class SweepBench {

    /** What to run: the probe-heavy sweep's minima, factors and SGD steps; the train-heavy sweep's. */
    public record Options(int probeMinima, int probeFactors, long probeSteps, int trainMinima, long trainSteps) {
        public Options {
            if (probeMinima < 1 || probeFactors < 1 || probeSteps < 1 || trainMinima < 1 || trainSteps < 1) {
                throw new IllegalArgumentException("every count must be >= 1");
            }
        }
    }

    /**
     * One sweep measured both ways.
     *
     * @param configurations   probe configurations (rows of {@code barriers})
     * @param trained          minima trained by the timed runs
     * @param lossEvaluations  loss evaluations of the probes ({@code configurations x alpha_points})
     * @param engineSeconds    in-process, one thread: training the minima (train-heavy) or probing (probe-heavy)
     * @param endToEndSeconds  {@link SweepJob#run} on Spark, wall time
     * @param probeStageSeconds Spark's probe stage, from its first batch to its last commit
     * @param planningSeconds  Spark's planning ({@link SweepJob#planningSeconds()})
     * @param cores            the session's default parallelism
     */
    public record Figures(String sweep, long configurations, long trained, long lossEvaluations, double engineSeconds,
            double endToEndSeconds, double probeStageSeconds, double planningSeconds, int cores) {

        /** {@code endToEnd / (engine / cores)}. */
        public double endToEndVsEngine() {
            return endToEndSeconds / (engineSeconds / cores);
        }

        /** Loss evaluations per second of Spark's probe stage. */
        public double probeEvalsPerSecondEndToEnd() {
            return lossEvaluations / probeStageSeconds;
        }

        /** Loss evaluations per second in-process, one thread (probe-heavy: the probes only). */
        public double probeEvalsPerSecondEngine() {
            return lossEvaluations / engineSeconds;
        }

        /** Planning seconds per million configurations. */
        public double planningSecondsPerMillion() {
            return planningSeconds / configurations * 1e6;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("configurations", configurations);
            m.put("minima_trained", trained);
            m.put("loss_evaluations", lossEvaluations);
            m.put("engine_seconds_one_thread", engineSeconds);
            m.put("end_to_end_seconds", endToEndSeconds);
            m.put("probe_stage_seconds", probeStageSeconds);
            m.put("planning_seconds", planningSeconds);
            m.put("cores", cores);
            m.put("end_to_end_vs_engine", endToEndVsEngine());
            m.put("probe_evals_per_second_end_to_end", probeEvalsPerSecondEndToEnd());
            m.put("probe_evals_per_second_engine_one_thread", probeEvalsPerSecondEngine());
            m.put("planning_seconds_per_million", planningSecondsPerMillion());
            return m;
        }
    }

    /** Both sweeps. */
    public record Result(String master, Figures probeHeavy, Figures trainHeavy) {

        /**
         * The keys at the top ({@code probe_evals_per_second_end_to_end} and {@code end_to_end_vs_engine}
         * of the probe-heavy sweep, {@code planning_seconds_per_million} of it too, the larger plan), then both
         * sweeps' figures.
         */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("master", master);
            m.put("probe_evals_per_second_end_to_end", probeHeavy.probeEvalsPerSecondEndToEnd());
            m.put("end_to_end_vs_engine", probeHeavy.endToEndVsEngine());
            m.put("planning_seconds_per_million", probeHeavy.planningSecondsPerMillion());
            m.put("probe_heavy", probeHeavy.toJson());
            m.put("train_heavy", trainHeavy.toJson());
            return m;
        }
    }

    private SweepBench() {
    }

    /** A Figure-4 sweep: seeds {@code 0..minima-1}, {@code factors} log-spaced factors in [1, 12000]. */
    public static SweepSpec spec(String name, int minima, int factors, long steps) {
        String factorAxis = factors == 1 ? "[10]" : "{log: [1, 12000], points: " + factors + "}";
        String yaml = "name: " + name + "\n"
                + "kind: rescaling-barrier\n"
                + "architecture: {widths: [8, 16, 32, 16, 8, 4], activation: leaky_relu, slope: 0.01}\n"
                + "data: {samples: 4}\n"
                + "training: {engine: dense, learning_rate: 0.01, steps: " + steps + ", loss_tolerance: 0}\n"
                + "seeds: 0.." + (minima - 1) + "\n"
                + "probe: {factors: " + factorAxis + ", alpha_points: 25, rescaled_layer: 4}\n";
        return Experiments.reader().parse(yaml);
    }

    /**
     * Runs both sweeps, each in-process and on {@code spark}, under {@code dir} (which must not exist). A small sweep
     * first warms Spark and the JIT up, untimed.
     */
    public static Result run(SparkSession spark, Options o, String dir) {
        int cores = spark.sparkContext().defaultParallelism();
        new SweepJob(spark, new ResultStore(spark, dir + "/warmup")).run(spec("bench-warmup", 4, 64, 10));
        warmUpInProcess(spec("bench-warmup", 4, 64, 10));
        Figures probe = probeHeavy(spark, o, dir + "/probe-heavy", cores);
        Figures train = trainHeavy(spark, o, dir + "/train-heavy", cores);
        return new Result(spark.sparkContext().master(), probe, train);
    }

    @SuppressWarnings("unchecked")
    private static TwoStageExperiment<MinimumRow> kind(SweepSpec spec) {
        return (TwoStageExperiment<MinimumRow>) Experiments.of(spec);
    }

    private static void warmUpInProcess(SweepSpec spec) {
        TwoStageExperiment<MinimumRow> kind = kind(spec);
        Map<String, List<Configuration>> groups = groups(kind, spec.configurations());
        List<MinimumRow> minima = kind.produce(artefacts(kind, groups), spec.name(), ExecutionSettings.AUTOMATIC);
        probeAll(kind, spec.name(), minima, groups);
    }

    private static Figures probeHeavy(SparkSession spark, Options o, String dir, int cores) {
        ResultStore store = new ResultStore(spark, dir);
        new SweepJob(spark, store).run(spec("bench-probe-heavy", o.probeMinima(), 1, o.probeSteps()));
        SweepSpec spec = spec("bench-probe-heavy", o.probeMinima(), o.probeFactors(), o.probeSteps());
        SweepJob job = new SweepJob(spark, store);
        long t = System.nanoTime();
        job.run(spec);
        double endToEnd = (System.nanoTime() - t) * 1e-9;

        TwoStageExperiment<MinimumRow> kind = kind(spec);
        List<MinimumRow> minima = new ArrayList<>();
        for (Row r : store.read(MinimumRow.TABLE).collectAsList()) {
            minima.add(SparkTables.fromRow(MinimumRow.TABLE, r));
        }
        Map<String, List<Configuration>> groups = groups(kind, spec.configurations());
        long t0 = System.nanoTime();
        long probes = probeAll(kind, spec.name(), minima, groups);
        double engine = (System.nanoTime() - t0) * 1e-9;
        return new Figures(spec.name(), probes, 0, probes * 25, engine, endToEnd, job.probeStageSeconds(),
                job.planningSeconds(), cores);
    }

    private static Figures trainHeavy(SparkSession spark, Options o, String dir, int cores) {
        SweepSpec spec = spec("bench-train-heavy", o.trainMinima(), 1, o.trainSteps());
        SweepJob job = new SweepJob(spark, new ResultStore(spark, dir));
        long t = System.nanoTime();
        job.run(spec);
        double endToEnd = (System.nanoTime() - t) * 1e-9;

        TwoStageExperiment<MinimumRow> kind = kind(spec);
        Map<String, List<Configuration>> groups = groups(kind, spec.configurations());
        long t0 = System.nanoTime();
        List<MinimumRow> minima = kind.produce(artefacts(kind, groups), spec.name(), ExecutionSettings.AUTOMATIC);
        long probes = probeAll(kind, spec.name(), minima, groups);
        double engine = (System.nanoTime() - t0) * 1e-9;
        return new Figures(spec.name(), probes, minima.size(), probes * 25, engine, endToEnd,
                job.probeStageSeconds(), job.planningSeconds(), cores);
    }

    /** The configurations by the id of the minimum they probe, in point order. */
    private static Map<String, List<Configuration>> groups(TwoStageExperiment<MinimumRow> kind,
            List<Configuration> configurations) {
        Map<String, List<Configuration>> groups = new LinkedHashMap<>();
        for (Configuration c : configurations) {
            groups.computeIfAbsent(kind.artefactsOf(c).get(0).id(), k -> new ArrayList<>()).add(c);
        }
        return groups;
    }

    private static List<Configuration> artefacts(TwoStageExperiment<MinimumRow> kind,
            Map<String, List<Configuration>> groups) {
        List<Configuration> out = new ArrayList<>();
        for (List<Configuration> g : groups.values()) {
            out.add(kind.artefactsOf(g.get(0)).get(0));
        }
        return out;
    }

    /**
     * Every group probed in calls of the kind of at most {@link ExecutorPlan#MAX_PROBES_PER_CALL} probes, as a Spark
     * task does it; the probes made.
     */
    private static long probeAll(TwoStageExperiment<MinimumRow> kind, String sweep, List<MinimumRow> minima,
            Map<String, List<Configuration>> groups) {
        Map<String, MinimumRow> byId = new HashMap<>();
        minima.forEach(m -> byId.put(m.provenance().configId(), m));
        long n = 0;
        for (Map.Entry<String, List<Configuration>> g : groups.entrySet()) {
            List<Configuration> cs = g.getValue();
            for (int from = 0; from < cs.size(); from += ExecutorPlan.MAX_PROBES_PER_CALL) {
                List<Configuration> piece = cs.subList(from, Math.min(cs.size(), from + ExecutorPlan.MAX_PROBES_PER_CALL));
                n += kind.probe(new ProbeGroup<>(List.of(byId.get(g.getKey())), piece), sweep,
                        ExecutionSettings.AUTOMATIC).get(0).rows().size();
            }
        }
        return n;
    }
}
