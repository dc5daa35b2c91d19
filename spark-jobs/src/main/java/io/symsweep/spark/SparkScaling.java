package io.symsweep.spark;

import io.symsweep.bench.BenchNetwork;
import io.symsweep.experiment.Experiments;
import io.symsweep.experiment.TwoStageExperiment;
import io.symsweep.experiment.TwoStageExperiment.ProbeGroup;
import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.MinimumRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code symsweep bench --spark}: one {@code rescaling-barrier} sweep of many networks (every seed a
 * minimum, one rescaling factor each), run first in-process on the calling thread through the pure
 * functions of {@code common}, then through {@link SweepJob} on the given Spark session, which writes
 * Parquet. The ratio of the two rates is the speed-up Spark gives.
 */
public final class SparkScaling {

    /**
     * The two runs of one sweep.
     *
     * @param networks         minima trained (and probed once each)
     * @param steps            SGD steps per minimum (loss tolerance 0: every minimum takes them all)
     * @param inProcessSeconds wall time in-process on one thread
     * @param sparkSeconds     wall time of the Spark job (train and probe stages, Parquet written)
     * @param master           the Spark master
     * @param identical        true when the Spark minima equal the in-process ones bitwise (but
     *                         {@code train_seconds})
     * @param overheadSeconds  wall time of a second tiny sweep on Spark ({@link #OVERHEAD_NETWORKS} networks,
     *                         10 steps): the job's fixed cost (scheduling, Parquet, the probe stage's reads of the minima),
     *                         which caps the speed-up at {@code 2 T / (T + 2 overhead)} on 2 cores
     */
    public record Result(int networks, long steps, double inProcessSeconds, double sparkSeconds, String master,
            boolean identical, double overheadSeconds) {

        /** Networks per second in-process. */
        public double inProcessRate() {
            return networks / inProcessSeconds;
        }

        /** Networks per second on Spark. */
        public double sparkRate() {
            return networks / sparkSeconds;
        }

        /** {@code sparkRate / inProcessRate}. */
        public double speedup() {
            return inProcessSeconds / sparkSeconds;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("networks", networks);
            m.put("steps", steps);
            m.put("master", master);
            m.put("in_process_seconds", inProcessSeconds);
            m.put("spark_seconds", sparkSeconds);
            m.put("in_process_networks_per_second", inProcessRate());
            m.put("spark_networks_per_second", sparkRate());
            m.put("spark_speedup", speedup());
            m.put("identical_minima", identical);
            m.put("spark_fixed_overhead_seconds", overheadSeconds);
            return m;
        }
    }

    /** Networks of the warm-up and overhead sweeps. */
    public static final int OVERHEAD_NETWORKS = 64;

    private SparkScaling() {
    }

    private static boolean sameBits(double[][] a, double[][] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) {
                return false;
            }
            for (int j = 0; j < a[i].length; j++) {
                if (Double.doubleToRawLongBits(a[i][j]) != Double.doubleToRawLongBits(b[i][j])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The spec of the sweep: {@code networks} seeds of {@code network}, {@code steps} steps, one factor. */
    public static SweepSpec spec(BenchNetwork network, int networks, long steps) {
        MlpArchitecture arch = network.architecture();
        Activation a = arch.activation();
        String yaml = "name: bench-spark\n"
                + "kind: rescaling-barrier\n"
                + "architecture:\n"
                + "  widths: " + Arrays.toString(arch.widths()) + "\n"
                + "  activation: " + a.kind().specName() + "\n"
                + (a.kind() == Activation.Kind.LEAKY_RELU ? "  slope: " + a.slope() + "\n" : "")
                + "data:\n  samples: " + network.samples() + "\n"
                + "training:\n  learning_rate: " + network.learningRate() + "\n  steps: " + steps + "\n"
                + "seeds: 0.." + (networks - 1) + "\n"
                + "probe:\n  factors: [10]\n";
        return Experiments.reader().parse(yaml);
    }

    /**
     * Runs the sweep in-process, then on {@code spark} into {@code outDir} (which must not exist). A small
     * sweep first warms Spark up (class loading, code generation of its queries), untimed, as the JIT is
     * warm for the in-process run after its first networks.
     */
    public static Result run(SparkSession spark, BenchNetwork network, int networks, long steps, String outDir) {
        SweepSpec warmup = spec(network, OVERHEAD_NETWORKS, 10);
        new SweepJob(spark, new ResultStore(spark, outDir + "-warmup")).run(warmup);
        long t = System.nanoTime();
        new SweepJob(spark, new ResultStore(spark, outDir + "-overhead")).run(warmup);
        double overhead = (System.nanoTime() - t) * 1e-9;
        SweepSpec spec = spec(network, networks, steps);
        List<Configuration> configurations = spec.configurations();
        @SuppressWarnings("unchecked")
        TwoStageExperiment<MinimumRow> kind = (TwoStageExperiment<MinimumRow>) Experiments.of(spec);

        long t0 = System.nanoTime();
        Map<String, Configuration> minima = new LinkedHashMap<>();
        for (Configuration c : configurations) {
            Configuration m = kind.artefactsOf(c).get(0);
            minima.putIfAbsent(m.id(), m);
        }
        List<MinimumRow> trained = kind.produce(new ArrayList<>(minima.values()), spec.name(),
                ExecutionSettings.AUTOMATIC);
        Map<String, MinimumRow> byId = new HashMap<>();
        trained.forEach(m -> byId.put(m.provenance().configId(), m));
        for (Configuration c : configurations) {
            kind.probe(new ProbeGroup<>(List.of(byId.get(kind.artefactsOf(c).get(0).id())), List.of(c)), spec.name(),
                    ExecutionSettings.AUTOMATIC);
        }
        double inProcess = (System.nanoTime() - t0) * 1e-9;

        ResultStore store = new ResultStore(spark, outDir);
        long t1 = System.nanoTime();
        new SweepJob(spark, store).run(spec);
        double onSpark = (System.nanoTime() - t1) * 1e-9;

        boolean identical = true;
        List<Row> rows = store.read(MinimumRow.TABLE).collectAsList();
        identical &= rows.size() == trained.size();
        for (Row r : rows) {
            MinimumRow s = SparkTables.fromRow(MinimumRow.TABLE, r);
            MinimumRow local = byId.get(s.provenance().configId());
            identical &= local != null && s.steps() == local.steps()
                    && Double.doubleToRawLongBits(s.finalLoss()) == Double.doubleToRawLongBits(local.finalLoss())
                    && sameBits(s.weights(), local.weights());
        }
        return new Result(networks, steps, inProcess, onSpark, spark.sparkContext().master(), identical, overhead);
    }
}
