package io.symsweep.spark;

import io.symsweep.experiment.Experiment;
import io.symsweep.experiment.Experiments;
import io.symsweep.experiment.IndependentExperiment;
import io.symsweep.experiment.IndependentExperiment.TableRows;
import io.symsweep.experiment.SweepInputs;
import io.symsweep.experiment.TwoStageExperiment;
import io.symsweep.experiment.TwoStageExperiment.ProbeGroup;
import io.symsweep.spark.SweepPlan.PendingProbe;
import io.symsweep.spark.SweepPlan.ProbeWork;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ConfigurationSpace;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * Runs a sweep on Spark, for any kind, by its contract: a {@link TwoStageExperiment} has an artefact stage (the
 * artefacts the pending probes need, written to the artefact table) and then a probe stage; an
 * {@link IndependentExperiment} has the probe stage only, each configuration its own group. Each stage computes only
 * what its tables lack ({@link SweepPlan}, made on the executors), in batches that each commit on their own, and the
 * run leaves one row in {@code runs} ({@link RunRecord}).
 *
 * <p>A batch is one Spark job over some slices of the stage's planned work and commits as a whole (its files appear
 * when the job commits), so every configuration ends up exactly once whatever is killed when. With a fixed batch size
 * every batch has about that many configurations; by default the first batch of a stage has the kind's
 * {@link Experiment#firstBatch()} ({@value io.symsweep.experiment.Experiment#DEFAULT_FIRST_BATCH} for most kinds, 4 for
 * alignment and components, 64 for approximate-action) and each next one as many as the last one's rate computes in about {@value #TARGET_BATCH_SECONDS} s (at
 * most 4 times the last, at least the first), so that a job's fixed cost stays small beside its work while a crash
 * loses little.
 */
public final class SweepJob {

    /** Seconds an automatic batch aims at. */
    static final double TARGET_BATCH_SECONDS = 30;
    /** Configurations in an automatic batch at most. */
    static final int MAX_AUTOMATIC_BATCH = 2_000_000;
    /** Artefacts per partition of the artefact stage below which the dense engine's batches would run part empty. */
    static final int MIN_ARTEFACT_SLICE = 16;
    /** Tasks of a probe batch per core, at most: enough to balance uneven work. */
    static final int PROBE_TASKS_PER_CORE = 8;

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final ResultStore store;
    private final int batchSize;
    private double planningSeconds;
    private double probeStageSeconds;
    private long configurations;

    private java.util.function.Predicate<Throwable> userError = t -> false;

    /** A job whose batches have {@code batchSize} configurations each (0: automatic). */
    public SweepJob(SparkSession spark, ResultStore store, int batchSize) {
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size must be >= 0 (0: automatic), found " + batchSize);
        }
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.store = store;
        this.batchSize = batchSize;
    }

    /** A job with automatic batch sizes. */
    public SweepJob(SparkSession spark, ResultStore store) {
        this(spark, store, 0);
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
    public List<TableSummary> run(SweepSpec spec) {
        return run(spec, "");
    }

    /** As {@link #run(SweepSpec)}, recording {@code specText} (the YAML) in the run's {@code runs} row. */
    public List<TableSummary> run(SweepSpec spec, String specText) {
        Experiment kind = Experiments.of(spec);
        try (WriterLock lock = store.lock("symsweep run " + spec.name(), false);
                RunRecord record = RunRecord.start(spark, store, spec, specText)) {
            try {
                List<TableSummary> out = stages(kind, spec, record);
                record.completed();
                return out;
            } catch (Throwable e) {
                // Throwable: Spark's Scala code throws the checked SparkException without declaring it.
                if (!(userError.test(e) && record.discardIfNothingCommitted())) {
                    record.failed(e);
                }
                RuntimeException explained = record.explain(e);
                if (explained != null) {
                    throw explained;
                }
                throw e;
            }
        }
    }

    /**
     * Seconds the last run spent planning: making the plan (the expansion, the joins, the counts) and slicing each
     * stage's work, until the first batch of each stage could start.
     */
    public double planningSeconds() {
        return planningSeconds;
    }

    /** Seconds the last run's probe stage took, from the start of its first batch to the commit of its last. */
    public double probeStageSeconds() {
        return probeStageSeconds;
    }

    /** The configurations of the last run's sweep (after merging duplicates), done or not. */
    public long configurations() {
        return configurations;
    }

    /**
     * The user's data files the sweep reads, read once on the driver, checked before any stage and shipped to every
     * task. A kind that reads such files (alignment: pairs and groups of a few hundred trained models) has its
     * configurations enumerated here to name and check them; every other kind reads none and is never enumerated.
     */
    private SweepInputs inputs(Experiment kind, SweepSpec spec) {
        if (!kind.readsInputFiles()) {
            return SparkInputs.read(spark, List.of());
        }
        List<Configuration> configurations = spec.configurations();
        SweepInputs inputs = SparkInputs.read(spark, kind.inputFiles(configurations));
        kind.checkInputs(configurations, inputs);
        return inputs;
    }

    private List<TableSummary> stages(Experiment kind, SweepSpec spec, RunRecord record) {
        Broadcast<SweepInputs> inputs = jsc.broadcast(inputs(kind, spec));
        ConfigurationSpace space = spec.space();
        space.check();
        planningSeconds = 0;
        probeStageSeconds = 0;
        long start = System.nanoTime();
        jsc.setJobDescription(spec.name() + ": checks");
        // Before the quarantine: a folder whose every file is one a completed run of this spec checked or wrote (its
        // note lists them) needs neither the files' checks (which read every id) nor a plan.
        java.util.Optional<Map<String, Long>> complete = CompletedSweep.find(store, kind, spec);
        for (Table<?> t : kind.tables()) {
            if (complete.isEmpty()) {
                store.quarantineDamaged(t);
            }
            store.checkSchema(t);
            store.clearStaging(t);
        }
        List<Table<?>> probeTables = kind instanceof TwoStageExperiment<?> t ? t.probeTables() : kind.tables();
        if (complete.isPresent()) {
            // Nothing to plan: the folder holds this sweep's every row (CompletedSweep says why that is exact).
            record.planned(complete.get());
            Map<String, Long> none = new java.util.LinkedHashMap<>();
            complete.get().keySet().forEach(t -> none.put(t, 0L));
            record.pending(none);
            configurations = complete.get().get(probeTables.get(0).name());
            planningSeconds = (System.nanoTime() - start) * 1e-9;
            return summaries(kind, record);
        }
        jsc.setJobDescription(spec.name() + ": planning");
        int firstBatch = batchSize > 0 ? batchSize : kind.firstBatch();
        try (SweepPlan plan = new ExecutorPlan(spark, store, kind, space, firstBatch)) {
            record.planned(plan.planned());
            configurations = plan.planned().get(probeTables.get(0).name());
            if (kind instanceof TwoStageExperiment<?> twoStage) {
                Slices<Configuration> artefacts = plan.artefacts();
                record.pending(artefacts.totals());
                planningSeconds += (System.nanoTime() - start) * 1e-9;
                artefactStage(spec, twoStage, artefacts, record, inputs);
                start = System.nanoTime();
                jsc.setJobDescription(spec.name() + ": planning");
            }
            Slices<ProbeWork<?>> probes = plan.probes();
            record.pending(probes.totals());
            planningSeconds += (System.nanoTime() - start) * 1e-9;
            long probeStart = System.nanoTime();
            probeStage(spec, kind, probes, record, inputs);
            probeStageSeconds = (System.nanoTime() - probeStart) * 1e-9;
            // Every pending configuration is committed now (a numerical failure is a row too): note the sweep complete.
            CompletedSweep.record(store, kind, spec, plan.planned());
        }
        return summaries(kind, record);
    }

    private List<TableSummary> summaries(Experiment kind, RunRecord record) {
        jsc.setJobDescription(kind.name() + ": summary");
        List<TableSummary> out = new ArrayList<>();
        for (Table<?> t : kind.tables()) {
            out.add(summary(t, record.computed(t.name()), record.planned(t.name()) - record.computed(t.name())));
        }
        return out;
    }

    /** Runs {@code slices} batch by batch: consecutive slices of about the batch size, each a job that commits. */
    private <T> void inBatches(Slices<T> slices, String stage, int firstBatch, Batch batch, RunRecord record) {
        long target = batchSize > 0 ? batchSize : firstBatch;
        int b = 1;
        for (int from = 0; from < slices.size(); ) {
            record.checkNotInterrupted();
            if (slices.largest(from) == 0) {
                from++;
                continue;
            }
            int to = from + 1;
            long n = slices.largest(from);
            while (to < slices.size() && n + slices.largest(to) <= target) {
                n += slices.largest(to++);
            }
            jsc.setJobDescription(stage + ", batch " + b++ + " (" + n + " configurations)");
            long t0 = System.nanoTime();
            batch.run(from, to, n);
            double seconds = Math.max(1e-3, (System.nanoTime() - t0) * 1e-9);
            if (batchSize == 0) {
                target = Math.max(firstBatch, Math.min(Math.min(MAX_AUTOMATIC_BATCH, 4 * Math.max(target, n)),
                        (long) (n / seconds * TARGET_BATCH_SECONDS)));
            }
            from = to;
        }
    }

    /** One batch: the slices {@code [from, to)}, {@code configurations} in all. */
    private interface Batch {
        void run(int from, int to, long configurations);
    }

    private <A> void artefactStage(SweepSpec spec, TwoStageExperiment<A> kind, Slices<Configuration> todo,
            RunRecord record, Broadcast<SweepInputs> inputs) {
        Table<A> table = kind.artefactTable();
        String stage = spec.name() + ": " + table.name();
        try (Progress progress = Progress.start(spark.sparkContext(), stage, todo.count(table.name(), 0,
                todo.size()))) {
            inBatches(todo, stage, kind.firstBatch(), (from, to, n) -> {
                JavaRDD<Row> rows = todo.range(from, to, artefactTasks(to - from, n))
                        .mapPartitions(new ArtefactTask<>(kind, new StageContext(spec.name(), spec.execution(),
                                progress.counter(), record.counters(), inputs)));
                store.append(table, rows);
                record.committed(table.name(), todo.count(table.name(), from, to));
            }, record);
        }
    }

    private void probeStage(SweepSpec spec, Experiment kind, Slices<ProbeWork<?>> work, RunRecord record,
            Broadcast<SweepInputs> inputs) {
        List<Table<?>> tables = kind instanceof TwoStageExperiment<?> t ? t.probeTables() : kind.tables();
        long todo = work.largest(0, work.size());
        String stage = spec.name() + ": " + String.join(", ", tables.stream().map(Table::name).toList());
        try (Progress progress = Progress.start(spark.sparkContext(), stage, todo)) {
            inBatches(work, stage, kind.firstBatch(), (from, to, n) -> {
                JavaRDD<Tuple2<String, Row>> rows = work.range(from, to,
                        jsc.defaultParallelism() * PROBE_TASKS_PER_CORE).mapPartitions(new ProbeTask(kind,
                                new StageContext(spec.name(), spec.execution(), progress.counter(),
                                        record.counters(), inputs)));
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
                    record.committed(t.name(), work.count(t.name(), from, to));
                }
            }, record);
        }
    }

    /**
     * Tasks of an artefact batch of {@code artefacts} over {@code slices} slices: enough to balance uneven training
     * times, with at least {@link #MIN_ARTEFACT_SLICE} artefacts each where that still leaves every core a task, so
     * that the dense engine's SIMD batches (one vector, 8 networks on AVX-512, refilled as networks stop) stay full.
     * Results do not depend on it.
     */
    private int artefactTasks(int slices, long artefacts) {
        int parallelism = jsc.defaultParallelism();
        long tasks = Math.max(parallelism, Math.min(parallelism * 8L, artefacts / MIN_ARTEFACT_SLICE));
        return (int) Math.max(1, Math.min(slices, Math.min(artefacts, tasks)));
    }

    private TableSummary summary(Table<?> table, long computed, long skipped) {
        boolean hasStatus = table.columns().stream().anyMatch(c -> c.name().equals("status"));
        Map<String, Long> statuses = hasStatus ? store.countBy(table, "status") : Map.of();
        long total = hasStatus ? statuses.values().stream().mapToLong(Long::longValue).sum()
                : store.read(table) == null ? 0 : store.read(table).count();
        return new TableSummary(table.name(), total, computed, skipped, statuses);
    }

    /**
     * What a task of either stage holds beside its kind: only serializable values (the sweep's name, the execution
     * settings, the accumulators it reports to and the broadcast inputs), never a session.
     */
    private record StageContext(String sweep, ExecutionSettings execution, LongAccumulator done,
            RunRecord.TaskCounters counters, Broadcast<SweepInputs> inputs) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Produces a partition's artefacts as one call; a few lines around {@link TwoStageExperiment#produce}. */
    private record ArtefactTask<A>(TwoStageExperiment<A> kind, StageContext c)
            implements FlatMapFunction<Iterator<Configuration>, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Row> call(Iterator<Configuration> configs) {
            c.counters().taskRan();
            List<Configuration> artefacts = new ArrayList<>();
            configs.forEachRemaining(artefacts::add);
            List<A> produced = kind.produce(artefacts, c.sweep(), c.execution(), c.inputs().value());
            c.done().add(produced.size());
            return new MappedIterator<>(produced.iterator(), a -> SparkTables.toRow(kind.artefactTable(), a));
        }
    }

    /**
     * Computes a partition's groups; a few lines around {@link TwoStageExperiment#probe} or
     * {@link IndependentExperiment#run}. Only the rows of tables that lack them are kept (the exactly-once rule).
     */
    private record ProbeTask(Experiment kind, StageContext c)
            implements FlatMapFunction<Iterator<ProbeWork<?>>, Tuple2<String, Row>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Tuple2<String, Row>> call(Iterator<ProbeWork<?>> work) {
            c.counters().taskRan();
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
                c.done().add(configs.size());
            }
            return out.iterator();
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private List<TableRows<?>> rows(ProbeWork<?> w, List<Configuration> configs) {
            if (kind instanceof TwoStageExperiment twoStage) {
                return twoStage.probe(new ProbeGroup(w.artefacts(), configs), c.sweep(), c.execution(),
                        c.inputs().value());
            }
            List<TableRows<?>> rows = new ArrayList<>();
            for (Configuration config : configs) {
                rows.addAll(((IndependentExperiment) kind).run(config, c.sweep(), c.execution()));
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
