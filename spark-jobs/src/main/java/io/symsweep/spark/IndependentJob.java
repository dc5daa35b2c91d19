package io.symsweep.spark;

import io.symsweep.experiment.IndependentExperiment;
import io.symsweep.experiment.IndependentExperiment.TableRows;
import io.symsweep.sweep.Configuration;
import io.symsweep.table.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * Runs an {@link IndependentExperiment}: each batch of pending configurations is one Spark pass whose
 * rows are appended to every table that still misses them (see the exactly-once rule there).
 */
final class IndependentJob {

    private final JavaSparkContext jsc;
    private final ResultStore store;
    private final int batchSize;

    IndependentJob(JavaSparkContext jsc, ResultStore store, int batchSize) {
        this.jsc = jsc;
        this.store = store;
        this.batchSize = batchSize;
    }

    List<TableSummary> run(String sweep, IndependentExperiment kind, List<Configuration> configurations) {
        List<Table<?>> tables = kind.tables();
        Map<String, Set<String>> done = new HashMap<>();
        for (Table<?> t : tables) {
            store.checkSchema(t);
            store.clearStaging(t);
            done.put(t.name(), store.committedIds(t));
        }
        List<Task> todo = new ArrayList<>();
        for (Configuration c : configurations) {
            String id = c.id();
            Set<String> missing = new HashSet<>();
            for (Table<?> t : tables) {
                if (!done.get(t.name()).contains(id)) {
                    missing.add(t.name());
                }
            }
            if (!missing.isEmpty()) {
                todo.add(new Task(c, missing));
            }
        }
        try (Progress progress = Progress.start(jsc.sc(), sweep + ": " + kind.name(), todo.size())) {
            int batches = (todo.size() + batchSize - 1) / batchSize;
            for (int start = 0, b = 1; start < todo.size(); start += batchSize, b++) {
                List<Task> batch = todo.subList(start, Math.min(todo.size(), start + batchSize));
                jsc.setJobDescription(sweep + ": " + kind.name() + ", batch " + b + "/" + batches + " ("
                        + batch.size() + ")");
                int slices = Math.max(1, Math.min(batch.size(), jsc.defaultParallelism() * 8));
                JavaRDD<Tuple2<String, Row>> rows = jsc.parallelize(new ArrayList<>(batch), slices)
                        .mapPartitions(new RunTask(sweep, kind, progress.counter()))
                        .persist(StorageLevel.MEMORY_AND_DISK());
                for (Table<?> t : tables) {
                    String name = t.name();
                    store.append(t, rows.filter(r -> r._1().equals(name)).map(Tuple2::_2));
                }
                rows.unpersist(false);
            }
        }
        List<TableSummary> out = new ArrayList<>();
        for (Table<?> t : tables) {
            long computed = todo.stream().filter(k -> k.tables().contains(t.name())).count();
            boolean hasStatus = t.columns().stream().anyMatch(c -> c.name().equals("status"));
            Map<String, Long> statuses = hasStatus ? store.countBy(t, "status")
                    : Map.of("configurations", (long) store.committedIds(t).size());
            long rows = hasStatus ? statuses.values().stream().mapToLong(Long::longValue).sum()
                    : store.read(t) == null ? 0 : store.read(t).count();
            out.add(new TableSummary(t.name(), rows, computed, configurations.size() - computed, statuses));
        }
        return out;
    }

    /** One configuration and the tables that still miss its rows. */
    record Task(Configuration config, Set<String> tables) implements java.io.Serializable {
    }

    /** Computes a partition's configurations; a few lines around {@link IndependentExperiment#run}. */
    private static final class RunTask implements FlatMapFunction<Iterator<Task>, Tuple2<String, Row>> {
        private static final long serialVersionUID = 1L;
        private final String sweep;
        private final IndependentExperiment kind;
        private final LongAccumulator done;

        RunTask(String sweep, IndependentExperiment kind, LongAccumulator done) {
            this.sweep = sweep;
            this.kind = kind;
            this.done = done;
        }

        @Override
        public Iterator<Tuple2<String, Row>> call(Iterator<Task> tasks) {
            List<Tuple2<String, Row>> out = new ArrayList<>();
            while (tasks.hasNext()) {
                Task task = tasks.next();
                for (TableRows<?> tr : kind.run(task.config(), sweep)) {
                    if (task.tables().contains(tr.table().name())) {
                        add(out, tr);
                    }
                }
                done.add(1);
            }
            return out.iterator();
        }

        private static <R> void add(List<Tuple2<String, Row>> out, TableRows<R> tr) {
            for (R r : tr.rows()) {
                out.add(new Tuple2<>(tr.table().name(), SparkTables.toRow(tr.table(), r)));
            }
        }
    }
}
