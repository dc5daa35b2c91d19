package io.symsweep.spark;

import io.symsweep.experiment.Experiment;
import io.symsweep.experiment.Experiments;
import io.symsweep.experiment.IndependentExperiment;
import io.symsweep.experiment.IndependentExperiment.TableRows;
import io.symsweep.experiment.SweepInputs;
import io.symsweep.experiment.TwoStageExperiment;
import io.symsweep.experiment.TwoStageExperiment.ProbeGroup;
import io.symsweep.spark.SweepPlan.PendingGroup;
import io.symsweep.spark.SweepPlan.PendingProbe;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * Runs a sweep on Spark, for any kind, by its contract: a {@link TwoStageExperiment} has an artefact stage (the
 * artefacts the pending probes need, written to the artefact table) and then a probe stage; an
 * {@link IndependentExperiment} has the probe stage only, each configuration its own group. Each stage computes only
 * what its tables lack ({@link SweepPlan}), in batches that each commit on their own, and the run leaves one row in
 * {@code runs} ({@link RunRecord}).
 */
public final class SweepJob {

    /** Configurations per committed batch of a stage. */
    public static final int DEFAULT_BATCH = 5_000;
    /** Artefacts per partition of the artefact stage below which the dense engine's batches would run part empty. */
    static final int MIN_ARTEFACT_SLICE = 16;
    /** Artefact bytes one probe task carries at most (Spark warns above 1 MiB per task). */
    static final long PROBE_TASK_BYTES = 512 * 1024;

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final ResultStore store;
    private final int batchSize;

    private java.util.function.Predicate<Throwable> userError = t -> false;

    public SweepJob(SparkSession spark, ResultStore store, int batchSize) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.store = store;
        this.batchSize = batchSize;
    }

    /**
     * This job, with {@code isUserError} telling the failures that are the user's input (a damaged results file, a
     * bad setting): a run they end before it committed anything writes no {@code runs} row.
     */
    public SweepJob userErrors(java.util.function.Predicate<Throwable> isUserError) {
        this.userError = isUserError;
        return this;
    }

    /** Runs every configuration of {@code spec} that the store does not hold yet. */
    public List<TableSummary> run(SweepSpec spec, List<Configuration> configurations) {
        return run(spec, configurations, "");
    }

    /** As {@link #run(SweepSpec, List)}, recording {@code specText} (the YAML) in the run's {@code runs} row. */
    public List<TableSummary> run(SweepSpec spec, List<Configuration> configurations, String specText) {
        Experiment kind = Experiments.of(spec);
        try (RunRecord record = RunRecord.start(spark, store, spec, specText)) {
            try {
                List<TableSummary> out = stages(kind, spec, configurations, record);
                record.completed();
                return out;
            } catch (Throwable e) {
                // Throwable: Spark's Scala code throws the checked SparkException without declaring it.
                if (!(userError.test(e) && record.discardIfNothingCommitted())) {
                    record.failed(e);
                }
                throw e;
            }
        }
    }

    private List<TableSummary> stages(Experiment kind, SweepSpec spec, List<Configuration> configurations,
            RunRecord record) {
        // the user's data files: read once here, checked before any stage, shipped to every task
        SweepInputs inputs = SparkInputs.read(spark, kind.inputFiles(configurations));
        kind.checkInputs(configurations, inputs);
        Broadcast<SweepInputs> shared = jsc.broadcast(inputs);
        Map<String, Set<String>> committed = new HashMap<>();
        for (Table<?> t : kind.tables()) {
            store.checkSchema(t);
            store.clearStaging(t);
            committed.put(t.name(), store.committedIds(t));
        }
        SweepPlan plan = new DriverPlan(kind, configurations, committed, batchSize);
        record.planned(plan.planned());
        if (kind instanceof TwoStageExperiment<?> twoStage) {
            artefactStage(spec, twoStage, plan.artefactsToProduce(), record, shared);
        }
        probeStage(spec, kind, plan, record, shared);
        List<TableSummary> out = new ArrayList<>();
        for (Table<?> t : kind.tables()) {
            out.add(summary(t, record.computed(t.name()), record.planned(t.name()) - record.computed(t.name())));
        }
        return out;
    }

    private <A> void artefactStage(SweepSpec spec, TwoStageExperiment<A> kind, List<Configuration> todo,
            RunRecord record, Broadcast<SweepInputs> inputs) {
        Table<A> table = kind.artefactTable();
        String stage = spec.name() + ": " + table.name();
        try (Progress progress = Progress.start(spark.sparkContext(), stage, todo.size())) {
            int batches = (todo.size() + batchSize - 1) / batchSize;
            for (int start = 0, b = 1; start < todo.size(); start += batchSize, b++) {
                record.checkNotInterrupted();
                List<Configuration> batch = todo.subList(start, Math.min(todo.size(), start + batchSize));
                jsc.setJobDescription(stage + ", batch " + b + "/" + batches + " (" + batch.size() + ")");
                JavaRDD<Row> rows = jsc.parallelize(new ArrayList<>(batch), artefactSlices(batch.size()))
                        .mapPartitions(new ArtefactTask<>(spec.name(), kind, spec.execution(), progress.counter(),
                                record.counters(), inputs));
                store.append(table, rows);
                record.committed(table.name(), batch.size());
            }
        }
    }

    private void probeStage(SweepSpec spec, Experiment kind, SweepPlan plan, RunRecord record,
            Broadcast<SweepInputs> inputs) {
        List<Table<?>> tables = kind instanceof TwoStageExperiment<?> t ? t.probeTables() : kind.tables();
        List<List<PendingGroup>> batches = plan.probeBatches();
        long todo = batches.stream().flatMap(List::stream).mapToLong(g -> g.probes().size()).sum();
        String stage = spec.name() + ": " + String.join(", ", tables.stream().map(Table::name).toList());
        try (Progress progress = Progress.start(spark.sparkContext(), stage, todo)) {
            for (int b = 0; b < batches.size(); b++) {
                record.checkNotInterrupted();
                List<ProbeWork<?>> work = work(kind, batches.get(b));
                int probes = work.stream().mapToInt(w -> w.probes().size()).sum();
                jsc.setJobDescription(stage + ", batch " + (b + 1) + "/" + batches.size() + " (" + probes
                        + " configurations in " + work.size() + " groups)");
                JavaRDD<Tuple2<String, Row>> rows = jsc.parallelize(work, probeSlices(kind, work))
                        .mapPartitions(new ProbeTask(spec.name(), kind, spec.execution(), progress.counter(),
                                record.counters(), inputs));
                if (tables.size() == 1) {
                    store.append(tables.get(0), rows.map(Tuple2::_2));
                } else {
                    rows = rows.persist(StorageLevel.MEMORY_AND_DISK());
                    for (Table<?> t : tables) {
                        String name = t.name();
                        store.append(t, rows.filter(r -> r._1().equals(name)).map(Tuple2::_2));
                    }
                    rows.unpersist(false);
                }
                for (Table<?> t : tables) {
                    record.committed(t.name(), work.stream().flatMap(w -> w.probes().stream())
                            .filter(p -> p.tables().contains(t.name())).count());
                }
            }
        }
    }

    /**
     * The batch's groups with their artefact rows: the batch's artefacts come to the driver once and go out with
     * their probes (no join, no shuffle); {@link DriverPlan#MAX_ARTEFACTS_PER_PROBE_BATCH} bounds the memory.
     */
    private List<ProbeWork<?>> work(Experiment kind, List<PendingGroup> batch) {
        if (!(kind instanceof TwoStageExperiment<?> twoStage)) {
            return batch.stream().<ProbeWork<?>>map(g -> new ProbeWork<>(List.of(), g.probes())).toList();
        }
        return withArtefacts(twoStage, batch);
    }

    private <A> List<ProbeWork<?>> withArtefacts(TwoStageExperiment<A> kind, List<PendingGroup> batch) {
        Table<A> table = kind.artefactTable();
        Set<String> ids = new LinkedHashSet<>();
        batch.forEach(g -> ids.addAll(g.artefactIds()));
        Map<String, A> rows = new HashMap<>();
        Dataset<Row> all = store.read(table);
        if (all != null) {
            for (Row r : all.filter(functions.col(table.keyColumn()).isin(ids.toArray())).collectAsList()) {
                A a = SparkTables.fromRow(table, r);
                rows.put(table.key(a), a);
            }
        }
        List<ProbeWork<?>> out = new ArrayList<>();
        for (PendingGroup g : batch) {
            List<A> artefacts = new ArrayList<>();
            for (String id : g.artefactIds()) {
                A a = rows.get(id);
                if (a == null) {
                    throw new IllegalStateException("artefact " + id + " is missing from " + store.location(table));
                }
                artefacts.add(a);
            }
            out.add(new ProbeWork<>(artefacts, g.probes()));
        }
        return out;
    }

    private TableSummary summary(Table<?> table, long computed, long skipped) {
        boolean hasStatus = table.columns().stream().anyMatch(c -> c.name().equals("status"));
        Map<String, Long> statuses = hasStatus ? store.countBy(table, "status") : Map.of();
        long total = hasStatus ? statuses.values().stream().mapToLong(Long::longValue).sum()
                : store.read(table) == null ? 0 : store.read(table).count();
        return new TableSummary(table.name(), total, computed, skipped, statuses);
    }

    /**
     * Partitions of the artefact stage: enough to balance uneven training times, with at least
     * {@link #MIN_ARTEFACT_SLICE} artefacts each where that still leaves every core a task, so that the dense
     * engine's SIMD batches (one vector, 8 networks on AVX-512, refilled as networks stop) stay full. Results do not
     * depend on it.
     */
    private int artefactSlices(int items) {
        int parallelism = jsc.defaultParallelism();
        return Math.max(1, Math.min(items, Math.max(parallelism, Math.min(parallelism * 8, items / MIN_ARTEFACT_SLICE))));
    }

    /**
     * Partitions of a probe batch: enough to balance uneven work ({@code 8 x} the parallelism), and more where that
     * keeps each task's share of the artefact rows (shipped with the task) under {@link #PROBE_TASK_BYTES}.
     */
    private int probeSlices(Experiment kind, List<ProbeWork<?>> work) {
        long bytes = 0;
        if (kind instanceof TwoStageExperiment<?> t) {
            for (ProbeWork<?> w : work) {
                bytes += payload(t.artefactTable(), w.artefacts());
            }
        }
        int slices = Math.max(1, Math.min(work.size(), jsc.defaultParallelism() * 8));
        return (int) Math.min(work.size(), Math.max(slices, bytes / PROBE_TASK_BYTES + 1));
    }

    /** Bytes of the arrays of {@code rows}: what dominates a task's size. */
    @SuppressWarnings("unchecked")
    private static <A> long payload(Table<A> table, List<?> rows) {
        long bytes = 0;
        for (Object r : rows) {
            for (Object v : table.values((A) r)) {
                if (v instanceof double[] d) {
                    bytes += 8L * d.length;
                } else if (v instanceof double[][] m) {
                    for (double[] d : m) {
                        bytes += 8L * d.length;
                    }
                } else if (v instanceof int[] i) {
                    bytes += 4L * i.length;
                }
            }
        }
        return bytes;
    }

    /** Pending probes that share their artefacts, with the artefact rows (none for an independent kind). */
    record ProbeWork<A>(List<A> artefacts, List<PendingProbe> probes) implements Serializable {
    }

    /**
     * What a task of either stage holds: only final serializable fields (the sweep's name, the kind, the execution
     * settings and the accumulators it reports to), never a session.
     */
    private abstract static class StageTask<K extends Experiment> implements Serializable {
        private static final long serialVersionUID = 1L;
        final String sweep;
        final K kind;
        final ExecutionSettings execution;
        final LongAccumulator done;
        final RunRecord.TaskCounters counters;
        final Broadcast<SweepInputs> inputs;

        StageTask(String sweep, K kind, ExecutionSettings execution, LongAccumulator done,
                RunRecord.TaskCounters counters, Broadcast<SweepInputs> inputs) {
            this.sweep = sweep;
            this.kind = kind;
            this.execution = execution;
            this.done = done;
            this.counters = counters;
            this.inputs = inputs;
        }
    }

    /** Produces a partition's artefacts as one call; a few lines around {@link TwoStageExperiment#produce}. */
    private static final class ArtefactTask<A> extends StageTask<TwoStageExperiment<A>>
            implements FlatMapFunction<Iterator<Configuration>, Row> {
        private static final long serialVersionUID = 1L;

        ArtefactTask(String sweep, TwoStageExperiment<A> kind, ExecutionSettings execution, LongAccumulator done,
                RunRecord.TaskCounters counters, Broadcast<SweepInputs> inputs) {
            super(sweep, kind, execution, done, counters, inputs);
        }

        @Override
        public Iterator<Row> call(Iterator<Configuration> configs) {
            counters.taskRan();
            List<Configuration> artefacts = new ArrayList<>();
            configs.forEachRemaining(artefacts::add);
            List<A> produced = kind.produce(artefacts, sweep, execution, inputs.value());
            done.add(produced.size());
            return new MappedIterator<>(produced.iterator(), a -> SparkTables.toRow(kind.artefactTable(), a));
        }
    }

    /**
     * Computes a partition's groups; a few lines around {@link TwoStageExperiment#probe} or
     * {@link IndependentExperiment#run}. Only the rows of tables that lack them are kept (the exactly-once rule).
     */
    private static final class ProbeTask extends StageTask<Experiment>
            implements FlatMapFunction<Iterator<ProbeWork<?>>, Tuple2<String, Row>> {
        private static final long serialVersionUID = 1L;

        ProbeTask(String sweep, Experiment kind, ExecutionSettings execution, LongAccumulator done,
                RunRecord.TaskCounters counters, Broadcast<SweepInputs> inputs) {
            super(sweep, kind, execution, done, counters, inputs);
        }

        @Override
        public Iterator<Tuple2<String, Row>> call(Iterator<ProbeWork<?>> work) {
            counters.taskRan();
            List<Tuple2<String, Row>> out = new ArrayList<>();
            while (work.hasNext()) {
                ProbeWork<?> w = work.next();
                Map<String, Set<String>> missing = new HashMap<>();
                List<Configuration> configs = new ArrayList<>();
                for (PendingProbe p : w.probes()) {
                    missing.put(p.config().id(), p.tables());
                    configs.add(p.config());
                }
                for (TableRows<?> tr : rows(w, configs)) {
                    keep(out, tr, missing);
                }
                done.add(configs.size());
            }
            return out.iterator();
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private List<TableRows<?>> rows(ProbeWork<?> w, List<Configuration> configs) {
            if (kind instanceof TwoStageExperiment twoStage) {
                return twoStage.probe(new ProbeGroup(w.artefacts(), configs), sweep, execution, inputs.value());
            }
            List<TableRows<?>> rows = new ArrayList<>();
            for (Configuration c : configs) {
                rows.addAll(((IndependentExperiment) kind).run(c, sweep, execution));
            }
            return rows;
        }

        private static <R> void keep(List<Tuple2<String, Row>> out, TableRows<R> tr, Map<String, Set<String>> missing) {
            String name = tr.table().name();
            for (R r : tr.rows()) {
                Set<String> tables = missing.get(tr.table().key(r));
                if (tables != null && tables.contains(name)) {
                    out.add(new Tuple2<>(name, SparkTables.toRow(tr.table(), r)));
                }
            }
        }
    }
}
