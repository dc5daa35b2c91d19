package io.symsweep.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.PartitionPruningRDD;
import scala.Function1;

/**
 * A stage's pending work as a fixed partitioning into slices, each slice a partition of one RDD whose shuffle
 * output stays on the executors, and the driver's view of it: per slice, how many configurations it holds for each
 * table. A batch is a run of consecutive slices ({@link #range}): a job over those partitions only, so a stage costs
 * one expansion of the sweep however many batches commit it.
 *
 * @param work   the slices' work, one partition per slice
 * @param counts table name to the configurations each slice holds for it
 * @param <T>    a unit of work
 */
record Slices<T>(JavaRDD<T> work, Map<String, long[]> counts) {

    Slices {
        counts = Map.copyOf(counts);
    }

    /** Slices. */
    int size() {
        return work.getNumPartitions();
    }

    /** Configurations of {@code table} in slices {@code [from, to)}. */
    long count(String table, int from, int to) {
        long[] c = counts.get(table);
        long n = 0;
        for (int i = from; i < to; i++) {
            n += c[i];
        }
        return n;
    }

    /** Per table: configurations in all slices. */
    Map<String, Long> totals() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        counts.keySet().stream().sorted().forEach(t -> out.put(t, count(t, 0, size())));
        return out;
    }

    /** Configurations, over all tables counted, of slice {@code i}: at most the sum, at least the largest. */
    long largest(int i) {
        long n = 0;
        for (long[] c : counts.values()) {
            n = Math.max(n, c[i]);
        }
        return n;
    }

    /** Configurations of slices {@code [from, to)} (the largest count over the tables, per slice). */
    long largest(int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            n += largest(i);
        }
        return n;
    }

    /** The work of slices {@code [from, to)}, in at most {@code tasks} partitions. */
    JavaRDD<T> range(int from, int to, int tasks) {
        PartitionPruningRDD<T> pruned = PartitionPruningRDD.create(work.rdd(), new InRange(from, to));
        JavaRDD<T> slice = pruned.toJavaRDD();
        return tasks < to - from ? slice.coalesce(Math.max(1, tasks)) : slice;
    }

    /** The partition filter of {@link #range}. */
    private record InRange(int from, int to) implements Function1<Object, Object>, Serializable {
        @Override
        public Object apply(Object partition) {
            int p = (Integer) partition;
            return p >= from && p < to;
        }
    }

    /** An empty plan's slices: none. */
    static <T> Slices<T> none(org.apache.spark.api.java.JavaSparkContext jsc, List<String> tables) {
        java.util.Map<String, long[]> counts = new java.util.HashMap<>();
        tables.forEach(t -> counts.put(t, new long[0]));
        return new Slices<>(jsc.<T>emptyRDD(), counts);
    }
}
