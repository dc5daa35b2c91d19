package io.symsweep.spark;

import io.symsweep.experiment.IndependentExperiment;
import io.symsweep.experiment.RescalingBarrier;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.BarrierRow;
import io.symsweep.table.BarriersTable;
import io.symsweep.table.MinimaTable;
import io.symsweep.table.MinimumRow;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.util.LongAccumulator;

/**
 * Runs a sweep on Spark. A {@code rescaling-barrier} sweep has a train stage (one task per minimum,
 * written to {@code minima}), then a probe stage (every probe setting of every minimum, written to
 * {@code barriers}); an {@link IndependentExperiment} has one stage ({@link IndependentJob}). Each stage
 * computes only the configurations not yet committed, in batches that each commit on their own.
 */
public final class SweepJob {

    /** Configurations per committed batch of a stage. */
    public static final int DEFAULT_BATCH = 5_000;
    /** Minima whose weights one probe batch brings through the driver, at most. */
    static final int MAX_MINIMA_PER_PROBE_BATCH = 2_000;

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final ResultStore store;
    private final int batchSize;

    public SweepJob(SparkSession spark, ResultStore store, int batchSize) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.store = store;
        this.batchSize = batchSize;
    }

    /** Runs every configuration of {@code spec} that the store does not hold yet. */
    public List<TableSummary> run(SweepSpec spec, List<Configuration> configurations) {
        if (spec.kind() instanceof IndependentExperiment independent) {
            return new IndependentJob(jsc, store, batchSize).run(spec.name(), independent, configurations);
        }
        if (!(spec.kind() instanceof RescalingBarrier kind)) {
            throw new IllegalArgumentException("no Spark job for kind " + spec.kind().name());
        }
        Map<String, Configuration> minima = new LinkedHashMap<>();
        for (Configuration c : configurations) {
            Configuration m = kind.minimumOf(c);
            minima.putIfAbsent(m.id(), m);
        }
        store.checkSchema(MinimaTable.INSTANCE);
        store.checkSchema(BarriersTable.INSTANCE);
        int engineBatch = engineBatch(spec);
        TableSummary trained = trainStage(spec.name(), new ArrayList<>(minima.values()), engineBatch);
        TableSummary probed = probeStage(spec.name(), kind, configurations, engineBatch);
        return List.of(trained, probed);
    }

    /** The spec's {@value RescalingBarrier#BATCH_SIZE}, or 0 (automatic). */
    static int engineBatch(SweepSpec spec) {
        Object b = spec.execution().get(RescalingBarrier.BATCH_SIZE);
        return b == null ? 0 : Math.toIntExact((Long) b);
    }

    private TableSummary trainStage(String sweep, List<Configuration> minima, int engineBatch) {
        MinimaTable table = MinimaTable.INSTANCE;
        store.clearStaging(table);
        Set<String> done = store.committedIds(table);
        List<Configuration> todo = minima.stream().filter(m -> !done.contains(m.id())).toList();
        List<List<Configuration>> batches = batches(todo);
        try (Progress progress = Progress.start(spark.sparkContext(), sweep + ": train minima", todo.size())) {
            for (int b = 0; b < batches.size(); b++) {
                List<Configuration> batch = batches.get(b);
                jsc.setJobDescription(sweep + ": train minima, batch " + (b + 1) + "/" + batches.size() + " ("
                        + batch.size() + ")");
                JavaRDD<Row> rows = jsc.parallelize(batch, trainSlices(batch.size()))
                        .mapPartitions(new TrainTask(sweep, engineBatch, progress.counter()));
                store.append(table, rows);
            }
        }
        return summary(table, todo.size(), minima.size() - todo.size());
    }

    private TableSummary probeStage(String sweep, RescalingBarrier kind, List<Configuration> configurations,
            int engineBatch) {
        BarriersTable table = BarriersTable.INSTANCE;
        store.clearStaging(table);
        Set<String> done = store.committedIds(table);
        Map<String, List<Configuration>> pending = new LinkedHashMap<>();
        int todo = 0;
        for (Configuration c : configurations) {
            if (!done.contains(c.id())) {
                pending.computeIfAbsent(kind.minimumOf(c).id(), k -> new ArrayList<>()).add(c);
                todo++;
            }
        }
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int inCurrent = 0;
        for (Map.Entry<String, List<Configuration>> e : pending.entrySet()) {
            if (!current.isEmpty() && (inCurrent + e.getValue().size() > batchSize
                    || current.size() >= MAX_MINIMA_PER_PROBE_BATCH)) {
                batches.add(current);
                current = new ArrayList<>();
                inCurrent = 0;
            }
            current.add(e.getKey());
            inCurrent += e.getValue().size();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        Dataset<Row> minimaTable = store.read(MinimaTable.INSTANCE);
        try (Progress progress = Progress.start(spark.sparkContext(), sweep + ": probe barriers", todo)) {
            for (int b = 0; b < batches.size(); b++) {
                List<String> ids = batches.get(b);
                // The batch's minima come to the driver once and go out with their probe settings: no join,
                // no shuffle. MAX_MINIMA_PER_PROBE_BATCH bounds the driver memory this takes.
                List<ProbeGroup> groups = new ArrayList<>();
                for (Row r : minimaTable.filter(functions.col("config_id").isin(ids.toArray())).collectAsList()) {
                    MinimumRow m = SparkTables.fromRow(MinimaTable.INSTANCE, r);
                    groups.add(new ProbeGroup(m, pending.get(m.configId())));
                }
                if (groups.size() != ids.size()) {
                    throw new IllegalStateException(ids.size() - groups.size() + " minima of this batch are missing "
                            + "from " + store.location(MinimaTable.INSTANCE));
                }
                int configs = groups.stream().mapToInt(g -> g.configs().size()).sum();
                jsc.setJobDescription(sweep + ": probe barriers, batch " + (b + 1) + "/" + batches.size() + " ("
                        + configs + " probes of " + groups.size() + " minima)");
                JavaRDD<Row> rows = jsc.parallelize(groups, probeSlices(groups))
                        .flatMap(new ProbeTask(sweep, engineBatch, progress.counter()));
                store.append(table, rows);
            }
        }
        return summary(table, todo, configurations.size() - todo);
    }

    private TableSummary summary(io.symsweep.table.Table<?> table, long computed, long skipped) {
        Map<String, Long> statuses = store.countBy(table, "status");
        long total = statuses.values().stream().mapToLong(Long::longValue).sum();
        return new TableSummary(table.name(), total, computed, skipped, statuses);
    }

    private <T> List<List<T>> batches(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += batchSize) {
            out.add(all.subList(i, Math.min(all.size(), i + batchSize)));
        }
        return out;
    }

    /**
     * Partitions of the train stage: as for {@link #slices}, but with at least {@link #MIN_TRAIN_SLICE}
     * minima each where that still leaves every core a task, so that the dense engine's SIMD batches
     * (one vector, 8 networks on AVX-512, refilled as networks stop) stay full. Results do not depend on it.
     */
    private int trainSlices(int items) {
        int parallelism = jsc.defaultParallelism();
        return Math.max(1, Math.min(items, Math.max(parallelism, Math.min(parallelism * 8, items / MIN_TRAIN_SLICE))));
    }

    /** Minima per train partition below which batches would run part empty. */
    static final int MIN_TRAIN_SLICE = 16;

    /**
     * Partitions of a probe batch: as for {@link #slices}, and more where that keeps each task's share of the
     * minima's weights (shipped with the task) under {@link #PROBE_TASK_BYTES}.
     */
    private int probeSlices(List<ProbeGroup> groups) {
        long bytes = 0;
        for (ProbeGroup g : groups) {
            for (double[] w : g.minimum().weights()) {
                bytes += 8L * w.length;
            }
        }
        return (int) Math.min(groups.size(), Math.max(slices(groups.size()), bytes / PROBE_TASK_BYTES + 1));
    }

    /** Weight bytes one probe task carries at most (Spark warns above 1 MiB per task). */
    static final long PROBE_TASK_BYTES = 512 * 1024;

    /** Enough tasks to balance uneven training times; results do not depend on it. */
    private int slices(int items) {
        return Math.max(1, Math.min(items, jsc.defaultParallelism() * 8));
    }

    /**
     * Trains the minima of a partition, those of one shape as batches; a few lines around
     * {@link RescalingBarrier#trainAll}.
     */
    private static final class TrainTask implements FlatMapFunction<Iterator<Configuration>, Row> {
        private static final long serialVersionUID = 1L;
        private final String sweep;
        private final int engineBatch;
        private final LongAccumulator done;

        TrainTask(String sweep, int engineBatch, LongAccumulator done) {
            this.sweep = sweep;
            this.engineBatch = engineBatch;
            this.done = done;
        }

        @Override
        public Iterator<Row> call(Iterator<Configuration> configs) {
            List<Configuration> minima = new ArrayList<>();
            configs.forEachRemaining(minima::add);
            List<MinimumRow> trained = new RescalingBarrier().trainAll(minima, sweep, engineBatch);
            done.add(trained.size());
            return new MappedIterator<>(trained.iterator(), m -> SparkTables.toRow(MinimaTable.INSTANCE, m));
        }
    }

    /** A minimum and the probe configurations still to compute on it. */
    record ProbeGroup(MinimumRow minimum, List<Configuration> configs) implements java.io.Serializable {
    }

    /** Probes every configuration of one minimum as one batch; a few lines around {@link RescalingBarrier#probeAll}. */
    private static final class ProbeTask implements FlatMapFunction<ProbeGroup, Row> {
        private static final long serialVersionUID = 1L;
        private final String sweep;
        private final int engineBatch;
        private final LongAccumulator done;

        ProbeTask(String sweep, int engineBatch, LongAccumulator done) {
            this.sweep = sweep;
            this.engineBatch = engineBatch;
            this.done = done;
        }

        @Override
        public Iterator<Row> call(ProbeGroup group) {
            List<Row> rows = new ArrayList<>();
            for (BarrierRow b : new RescalingBarrier().probeAll(group.configs(), group.minimum(), sweep, engineBatch)) {
                rows.add(SparkTables.toRow(BarriersTable.INSTANCE, b));
            }
            done.add(rows.size());
            return rows.iterator();
        }
    }
}
