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
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.PairFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Runs a sweep on Spark. A {@code rescaling-barrier} sweep has a train stage (one task per minimum,
 * written to {@code minima}), then a probe stage (every probe setting of every minimum, written to
 * {@code barriers}); an {@link IndependentExperiment} has one stage ({@link IndependentJob}). Each stage
 * computes only the configurations not yet committed, in batches that each commit on their own.
 */
public final class SweepJob {

    /** Configurations per committed batch of a stage. */
    public static final int DEFAULT_BATCH = 5_000;

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
        for (int b = 0; b < batches.size(); b++) {
            List<Configuration> batch = batches.get(b);
            jsc.setJobDescription(sweep + ": train minima, batch " + (b + 1) + "/" + batches.size() + " ("
                    + batch.size() + ")");
            JavaRDD<Row> rows = jsc.parallelize(batch, trainSlices(batch.size()))
                    .mapPartitions(new TrainTask(sweep, engineBatch));
            store.append(table, rows);
        }
        return summary(table, todo.size(), minima.size() - todo.size());
    }

    private TableSummary probeStage(String sweep, RescalingBarrier kind, List<Configuration> configurations,
            int engineBatch) {
        BarriersTable table = BarriersTable.INSTANCE;
        store.clearStaging(table);
        Set<String> done = store.committedIds(table);
        List<Configuration> todo = configurations.stream().filter(c -> !done.contains(c.id())).toList();
        List<List<Configuration>> batches = batches(todo);
        Dataset<Row> minimaTable = store.read(MinimaTable.INSTANCE);
        for (int b = 0; b < batches.size(); b++) {
            List<Configuration> batch = batches.get(b);
            jsc.setJobDescription(sweep + ": probe barriers, batch " + (b + 1) + "/" + batches.size() + " ("
                    + batch.size() + ")");
            List<Tuple2<String, Configuration>> plan = new ArrayList<>();
            List<String> minimumIds = new ArrayList<>();
            for (Configuration c : batch) {
                String m = kind.minimumOf(c).id();
                plan.add(new Tuple2<>(m, c));
                minimumIds.add(m);
            }
            int slices = slices(batch.size());
            JavaPairRDD<String, Configuration> planRdd = jsc.parallelizePairs(plan, slices);
            Dataset<Row> needed = spark.createDataset(minimumIds.stream().distinct().toList(),
                    org.apache.spark.sql.Encoders.STRING()).toDF("config_id");
            JavaPairRDD<String, MinimumRow> minimumRdd = minimaTable.join(needed, "config_id").toJavaRDD()
                    .mapToPair(new MinimumById());
            JavaRDD<Row> rows = planRdd.cogroup(minimumRdd, slices).flatMap(new ProbeTask(sweep, engineBatch));
            store.append(table, rows);
        }
        return summary(table, todo.size(), configurations.size() - todo.size());
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

        TrainTask(String sweep, int engineBatch) {
            this.sweep = sweep;
            this.engineBatch = engineBatch;
        }

        @Override
        public Iterator<Row> call(Iterator<Configuration> configs) {
            List<Configuration> minima = new ArrayList<>();
            configs.forEachRemaining(minima::add);
            List<MinimumRow> trained = new RescalingBarrier().trainAll(minima, sweep, engineBatch);
            return new MappedIterator<>(trained.iterator(), m -> SparkTables.toRow(MinimaTable.INSTANCE, m));
        }
    }

    /** Keys a {@code minima} row by its id. */
    private static final class MinimumById implements PairFunction<Row, String, MinimumRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<String, MinimumRow> call(Row row) {
            MinimumRow m = SparkTables.fromRow(MinimaTable.INSTANCE, row);
            return new Tuple2<>(m.configId(), m);
        }
    }

    /** Probes every configuration of one minimum as one batch; a few lines around {@link RescalingBarrier#probeAll}. */
    private static final class ProbeTask implements
            FlatMapFunction<Tuple2<String, Tuple2<Iterable<Configuration>, Iterable<MinimumRow>>>, Row> {
        private static final long serialVersionUID = 1L;
        private final String sweep;
        private final int engineBatch;

        ProbeTask(String sweep, int engineBatch) {
            this.sweep = sweep;
            this.engineBatch = engineBatch;
        }

        @Override
        public Iterator<Row> call(Tuple2<String, Tuple2<Iterable<Configuration>, Iterable<MinimumRow>>> group) {
            Iterator<MinimumRow> minimum = group._2()._2().iterator();
            if (!minimum.hasNext()) {
                throw new IllegalStateException("minimum " + group._1() + " is missing from the minima table");
            }
            MinimumRow m = minimum.next();
            List<Configuration> probes = new ArrayList<>();
            group._2()._1().forEach(probes::add);
            List<Row> rows = new ArrayList<>();
            for (BarrierRow b : new RescalingBarrier().probeAll(probes, m, sweep, engineBatch)) {
                rows.add(SparkTables.toRow(BarriersTable.INSTANCE, b));
            }
            return rows.iterator();
        }
    }
}
