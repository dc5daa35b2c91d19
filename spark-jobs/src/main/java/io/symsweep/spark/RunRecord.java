package io.symsweep.spark;

import io.symsweep.BuildInfo;
import io.symsweep.engine.DenseEngine;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.RunRow;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * The {@code runs} row of one run, kept as the run goes (what each table planned and committed) and written once at
 * its end by {@link #close()}. When the JVM is shut down mid-run (Ctrl-C, SIGTERM) a shutdown hook, which runs before
 * Spark's own (Hadoop's hook manager, a higher priority than Spark's), marks the run interrupted and cancels its
 * Spark jobs; the run's thread then ends through {@link #close()} and writes the row while the session is still up,
 * and the hook waits for that (or writes the row itself after {@value #HOOK_WAIT_SECONDS} s), then prints the one
 * line that says what is kept. A cancelled job commits nothing (its batch's one file is moved into the table only by
 * a job that succeeded, {@link ResultStore#append}), so an interrupted run leaves whole batches. Writing the row never
 * fails the run: an error there is one warning line after a completed run, and nothing more after a failed one (its
 * error is the line).
 */
final class RunRecord implements AutoCloseable {

    /** Hadoop shutdown-hook priority: above Spark's (FileSystem's 10 + 30), so the session is still up. */
    private static final int SHUTDOWN_PRIORITY = 100;
    /** How long the shutdown hook waits for the run's thread to write the row. */
    static final int HOOK_WAIT_SECONDS = 20;

    private final SparkSession spark;
    private final ResultStore store;
    private final SweepSpec spec;
    private final String specText;
    private final Instant started = Instant.now();
    private final String runId = UUID.randomUUID().toString();
    private final Map<String, Long> planned = new LinkedHashMap<>();
    private final Map<String, Long> pending = new LinkedHashMap<>();
    private final Map<String, Long> computed = new LinkedHashMap<>();
    private final TaskCounters counters;
    private final Runnable hook = this::interrupted;
    private final java.util.concurrent.CountDownLatch rowWritten = new java.util.concurrent.CountDownLatch(1);
    private RunRow.Status status = RunRow.Status.INTERRUPTED;
    private String failure;
    private boolean written;
    private boolean interrupted;

    private RunRecord(SparkSession spark, ResultStore store, SweepSpec spec, String specText) {
        this.spark = spark;
        this.store = store;
        this.spec = spec;
        this.specText = specText == null ? "" : specText;
        SparkContext sc = spark.sparkContext();
        this.counters = new TaskCounters(sc.longAccumulator("tasks"), sc.longAccumulator("simd tasks"));
        ShutdownHookManager.get().addShutdownHook(hook, SHUTDOWN_PRIORITY);
    }

    static RunRecord start(SparkSession spark, ResultStore store, SweepSpec spec, String specText) {
        return new RunRecord(spark, store, spec, specText);
    }

    /** What tasks report: how many ran, and how many of them had the SIMD path. */
    TaskCounters counters() {
        return counters;
    }

    synchronized void planned(Map<String, Long> perTable) {
        planned.putAll(perTable);
        perTable.keySet().forEach(t -> computed.putIfAbsent(t, 0L));
    }

    /** What each of these tables still lacked when the run began (known once a stage's work is sliced). */
    synchronized void pending(Map<String, Long> pendingPerTable) {
        pending.putAll(pendingPerTable);
    }

    /** {@code n} more configurations of {@code table} committed. */
    synchronized void committed(String table, long n) {
        computed.merge(table, n, Long::sum);
    }

    synchronized long computed(String table) {
        return computed.getOrDefault(table, 0L);
    }

    synchronized long planned(String table) {
        return planned.getOrDefault(table, 0L);
    }

    /** Stops the run before its next batch once the JVM is shutting down (the hook has cancelled its jobs). */
    synchronized void checkNotInterrupted() {
        if (interrupted) {
            throw new RunInterruptedException(null);
        }
    }

    /**
     * What the run's failure {@code t} is to the user, when more than {@code t} says: the interruption (when the hook
     * cancelled the jobs, {@code t} is only their cancellation), or a full disk named with the space the rest of the
     * run needs. Null when {@code t} says it itself.
     */
    RuntimeException explain(Throwable t) {
        synchronized (this) {
            if (interrupted) {
                return t instanceof RunInterruptedException r ? r : new RunInterruptedException(t);
            }
        }
        return DiskFull.isDiskFull(t) ? new DiskFull(spark, store, this).exception(t) : null;
    }

    /** Per table: configurations in it now (committed before this run, or by it) and still missing. */
    synchronized Map<String, long[]> progress() {
        Map<String, long[]> out = new LinkedHashMap<>();
        planned.forEach((t, n) -> {
            long done = n - pending.getOrDefault(t, n) + computed.getOrDefault(t, 0L);
            out.put(t, new long[] {done, Math.max(0, n - done)});
        });
        return out;
    }

    synchronized void completed() {
        status = interrupted ? RunRow.Status.INTERRUPTED : RunRow.Status.COMPLETED;
    }

    /**
     * The run ended by a mistake in the user's input before it committed anything: no row, since a user error
     * writes nothing that was not there before.
     */
    synchronized boolean discardIfNothingCommitted() {
        if (interrupted || computed.values().stream().anyMatch(n -> n > 0)) {
            return false;
        }
        written = true;
        return true;
    }

    /** The run ended by {@code t}: FAILED, unless the shutdown hook interrupted it (its jobs cancelled). */
    synchronized void failed(Throwable t) {
        if (interrupted) {
            return;
        }
        status = RunRow.Status.FAILED;
        String m = t.getMessage();
        failure = t.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    /** The shutdown hook: the run did not reach its end. */
    private void interrupted() {
        synchronized (this) {
            if (written) {
                return;
            }
            interrupted = true;
            status = RunRow.Status.INTERRUPTED;
        }
        spark.sparkContext().cancelAllJobs();
        try {
            if (!rowWritten.await(HOOK_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                write();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder kept = new StringBuilder();
        progress().forEach((t, n) -> kept.append(kept.length() == 0 ? "" : ", ").append(t).append(' ').append(n[0])
                .append(" of ").append(n[0] + n[1]));
        String row = rowFailure == null ? "its runs row says INTERRUPTED" : "its runs row was not written ("
                + rowFailure + ")";
        System.err.println("symsweep: interrupted: " + (kept.length() == 0 ? "the run stopped before it computed "
                + "anything; " + row : "the run stopped; its committed batches are kept (" + kept + " in the folder) "
                + "and " + row) + "; run the same command again to resume");
        System.err.flush();
    }

    private volatile String rowFailure;

    @Override
    public void close() {
        try {
            ShutdownHookManager.get().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is shutting down; the hook writes the row.
        }
        write();
    }

    private void write() {
        RunRow row;
        synchronized (this) {
            if (written) {
                rowWritten.countDown();
                return;
            }
            written = true;
            row = row();
        }
        try {
            store.appendRun(row);
        } catch (Exception e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("");
            rowFailure = m;
            if (row.status() == RunRow.Status.COMPLETED) {
                System.err.println("symsweep: warning: the runs row was not written (" + m + "); the results are not "
                        + "affected");
            }
        } finally {
            rowWritten.countDown();
        }
    }

    private RunRow row() {
        Map<String, Long> skipped = new LinkedHashMap<>();
        planned.forEach((t, n) -> skipped.put(t, Math.max(0, n - computed.getOrDefault(t, 0L))));
        SparkContext sc = spark.sparkContext();
        int executors = sc.statusTracker().getExecutorInfos().length;
        if (!sc.isLocal()) {
            executors = Math.max(0, executors - 1);
        }
        long tasks = counters.tasks().value();
        Boolean simd = tasks == 0 ? null : counters.simdTasks().value() == tasks;
        return new RunRow(runId, spec.name(), spec.kind().name(), started, Instant.now(), status, failure,
                Map.copyOf(planned), Map.copyOf(skipped), Map.copyOf(computed), sc.master(), executors,
                sc.defaultParallelism(), BuildInfo.version(), BuildInfo.commit(), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                simd, DenseEngine.lanes(), BuildInfo.artifactVersion("org.deeplearning4j", "deeplearning4j-nn"),
                BuildInfo.artifactVersion("org.nd4j", "nd4j-api"), specText);
    }

    /**
     * Accumulators every task adds to once.
     *
     * @param tasks     tasks that ran
     * @param simdTasks of those, the ones whose JVM had the dense engine's SIMD path
     */
    record TaskCounters(LongAccumulator tasks, LongAccumulator simdTasks) implements Serializable {

        /** Called by each task on its executor. */
        void taskRan() {
            tasks.add(1);
            if (DenseEngine.vectorized()) {
                simdTasks.add(1);
            }
        }
    }
}
