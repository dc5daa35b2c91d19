package io.symsweep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.spark.ResultStore;
import io.symsweep.spark.SparkTestSession;
import io.symsweep.spark.TableComparison;
import io.symsweep.table.BarrierRow;
import io.symsweep.table.MinimumRow;
import io.symsweep.table.Table;
import io.symsweep.train.TrainingStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real standalone cluster on 127.0.0.1 (a master and two workers from deploy/cluster.sh, executors in
 * their own JVMs), and sweeps run on it through ./symsweep and deploy/spark-submit: determinism across
 * local[1], local[2] and the cluster; kill -9 of an executor; kill -9 of the driver and a rerun; a
 * diverging configuration. Each test prints its figures. Every process started here is stopped by PID,
 * on failure too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final long RUN_TIMEOUT_MINUTES = 10;
    private static final String SPEC = "spark-jobs/src/test/resources/specs/fault.yaml";
    /** 60 seeds x 2 learning rates, 3 factors each. */
    private static final int MINIMA = 120;
    private static final int BARRIERS = 360;
    private static final String BATCH = "20";

    private Path repo;
    private Path clusterDir;
    private Path work;
    private String master;
    private final Map<String, String> env = new java.util.HashMap<>();
    private final List<Process> started = new ArrayList<>();
    private ResultStore reference;

    @BeforeAll
    void startCluster() throws Exception {
        repo = Path.of(System.getProperty("symsweep.repo", "..")).toAbsolutePath().normalize();
        clusterDir = Path.of(System.getProperty("symsweep.clusterDir", "target/cluster")).toAbsolutePath();
        work = clusterDir.resolve("runs");
        deleteRecursively(work);
        Files.createDirectories(work);
        int masterPort = freePort();
        env.put("SYMSWEEP_CLUSTER_DIR", clusterDir.toString());
        env.put("SPARK_MASTER_PORT", Integer.toString(masterPort));
        env.put("SPARK_MASTER_WEBUI_PORT", Integer.toString(freePort()));
        env.put("SPARK_WORKER_WEBUI_PORT", Integer.toString(freePortPair()));
        env.put("OMP_NUM_THREADS", "1");
        master = "spark://127.0.0.1:" + masterPort;
        run("cluster start", List.of("deploy/cluster.sh", "start", "2"), work.resolve("cluster-start.log"), true);
        // ./symsweep then reads the cluster's spark-defaults.conf (timeouts, ND4J flags) like spark-submit.
        env.put("SPARK_CONF_DIR", clusterDir.resolve("spark-home/conf").toString());
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (Process p : started) {
            kill(p.toHandle());
        }
        run("cluster stop", List.of("deploy/cluster.sh", "stop"), work.resolve("cluster-stop.log"), false);
    }

    @Test
    @Order(1)
    void sameTablesOnLocal1Local2AndTheCluster() throws Exception {
        ResultStore local1 = sweep("local-1", "--master", "local[1]");
        ResultStore local2 = sweep("local-2", "--master", "local[2]");
        int differences = 0;
        for (ResultStore other : List.of(local2, reference())) {
            differences += compare(local1, other, MinimumRow.TABLE).size();
            differences += compare(local1, other, BarrierRow.TABLE).size();
        }
        System.out.printf("determinism: local[1], local[2], 2-worker cluster: %d minima, %d barriers each, "
                + "%d differing values%n", MINIMA, BARRIERS, differences);
        assertEquals(0, differences);
    }

    @Test
    @Order(2)
    void anExecutorKilledMidSweep() throws Exception {
        Path out = work.resolve("executor-kill");
        Process driver = sweepUntilItCommits(out, "executor-kill.log");
        List<ProcessHandle> executors = executors();
        assertTrue(!executors.isEmpty(), "no executor JVM found under the workers");
        ProcessHandle victim = executors.get(0);
        victim.destroyForcibly();
        victim.onExit().get(30, TimeUnit.SECONDS);
        assertEquals(0, finish(driver), "the sweep finishes after losing an executor; see executor-kill.log");
        List<String> diffs = checkAgainstReference(store(out), "executor kill (pid " + victim.pid() + ")");
        assertTrue(diffs.isEmpty(), String.join("\n", diffs));
    }

    @Test
    @Order(3)
    void theDriverKilledMidSweepThenRunAgain() throws Exception {
        Path out = work.resolve("driver-kill");
        Process driver = sweepUntilItCommits(out, "driver-kill-1.log");
        driver.destroyForcibly();
        driver.waitFor(30, TimeUnit.SECONDS);
        ResultStore partial = store(out);
        int minimaBefore = partial.committedIds(MinimumRow.TABLE).size();
        int barriersBefore = partial.exists(BarrierRow.TABLE)
                ? partial.committedIds(BarrierRow.TABLE).size() : 0;
        assertTrue(minimaBefore > 0 && minimaBefore + barriersBefore < MINIMA + BARRIERS,
                "killed mid-sweep: " + minimaBefore + " minima and " + barriersBefore + " barriers committed");

        Process again = startSweep(out, "driver-kill-2.log");
        assertEquals(0, finish(again), "the rerun completes; see driver-kill-2.log");
        String summary = Files.readString(work.resolve("driver-kill-2.log"));
        long[] minima = computedAndSkipped(summary, "minima");
        long[] barriers = computedAndSkipped(summary, "barriers");
        System.out.printf("driver kill: committed before the kill: %d minima, %d barriers; the rerun computed "
                + "%d minima (skipped %d) and %d barriers (skipped %d)%n", minimaBefore, barriersBefore,
                minima[0], minima[1], barriers[0], barriers[1]);
        assertEquals(minimaBefore, minima[1], "committed minima are not recomputed");
        assertEquals(MINIMA - minimaBefore, minima[0]);
        assertEquals(barriersBefore, barriers[1], "committed barriers are not recomputed");
        assertEquals(BARRIERS - barriersBefore, barriers[0]);
        List<String> diffs = checkAgainstReference(store(out), "driver kill + rerun");
        assertTrue(diffs.isEmpty(), String.join("\n", diffs));
    }

    @Test
    @Order(4)
    void aDivergingConfigurationIsARowNotACrash() throws Exception {
        Map<String, MinimumRow> minima = TableComparison.rows(reference(), MinimumRow.TABLE);
        Map<String, BarrierRow> barriers = TableComparison.rows(reference(), BarrierRow.TABLE);
        long diverged = minima.values().stream().filter(m -> m.status() == TrainingStatus.DIVERGED).count();
        long divergedBarriers = barriers.values().stream()
                .filter(b -> b.status() == BarrierRow.Status.MINIMUM_DIVERGED).count();
        System.out.printf("divergence: %d of %d minima DIVERGED (learning rate 50), %d barriers MINIMUM_DIVERGED, "
                + "sweep completed%n", diverged, MINIMA, divergedBarriers);
        assertEquals(MINIMA / 2, diverged, "every learning-rate-50 minimum diverges");
        for (MinimumRow m : minima.values()) {
            boolean fast = m.provenance().config().contains("\"training.learning_rate\":50");
            assertEquals(fast, m.status() == TrainingStatus.DIVERGED, m.provenance().configId());
            if (fast) {
                assertTrue(!Double.isFinite(m.finalLoss()), "a diverged loss is NaN or infinite");
            }
        }
        assertEquals(3 * diverged, divergedBarriers);
    }

    // --- helpers -------------------------------------------------------------------------------------

    /**
     * The undisturbed sweep on the cluster through deploy/spark-submit, the reference of every test: run by the first
     * test that needs it, so each test stands alone (a failure here is a message, not a null in a later test).
     */
    private ResultStore reference() throws Exception {
        if (reference == null) {
            Path out = work.resolve("cluster");
            Process submit = start(List.of("deploy/spark-submit", "--master", master, "--class",
                    "io.symsweep.cli.SymsweepCommand", "spark-jobs/target/symsweep.jar", "run", SPEC, "--out",
                    out.toString(), "--batch", BATCH), work.resolve("cluster.log"));
            assertEquals(0, finish(submit), "the reference run through spark-submit failed; see "
                    + work.resolve("cluster.log"));
            reference = store(out);
        }
        return reference;
    }

    private List<String> checkAgainstReference(ResultStore out, String what) throws Exception {
        Map<String, MinimumRow> minima = TableComparison.rows(out, MinimumRow.TABLE);
        Map<String, BarrierRow> barriers = TableComparison.rows(out, BarrierRow.TABLE);
        long minimaRows = out.read(MinimumRow.TABLE).count();
        long barrierRows = out.read(BarrierRow.TABLE).count();
        List<String> diffs = new ArrayList<>();
        diffs.addAll(compare(reference(), out, MinimumRow.TABLE));
        diffs.addAll(compare(reference(), out, BarrierRow.TABLE));
        System.out.printf("%s: rows expected %d + %d, found %d + %d, duplicates %d, values differing from an "
                + "undisturbed run %d%n", what, MINIMA, BARRIERS, minimaRows, barrierRows,
                (minimaRows - minima.size()) + (barrierRows - barriers.size()), diffs.size());
        assertEquals(MINIMA, minimaRows);
        assertEquals(BARRIERS, barrierRows);
        return diffs;
    }

    private static <R> List<String> compare(ResultStore a, ResultStore b, Table<R> table) {
        return TableComparison.differences(TableComparison.rows(a, table), TableComparison.rows(b, table), table);
    }

    private ResultStore sweep(String name, String... options) throws Exception {
        Path out = work.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("./symsweep", "run", SPEC, "--out", out.toString(), "--batch", BATCH));
        cmd.addAll(List.of(options));
        assertEquals(0, finish(start(cmd, work.resolve(name + ".log"))), "see " + work.resolve(name + ".log"));
        return store(out);
    }

    /** A sweep on the cluster, returned (still running) once its first batch has committed files to minima. */
    private Process sweepUntilItCommits(Path out, String log) throws Exception {
        Process driver = startSweep(out, log);
        waitForCommittedFiles(out.resolve("minima"), driver);
        return driver;
    }

    private Process startSweep(Path out, String log) throws IOException {
        return start(List.of("./symsweep", "run", SPEC, "--out", out.toString(), "--batch", BATCH, "--master", master),
                work.resolve(log));
    }

    private static ResultStore store(Path out) {
        return new ResultStore(SparkTestSession.get(), out.toString());
    }

    /** Waits until a batch has committed files to {@code table}, while the driver is still running. */
    private static void waitForCommittedFiles(Path table, Process driver) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(table)) {
                try (Stream<Path> files = Files.list(table)) {
                    if (files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"))) {
                        assertTrue(driver.isAlive(), "the sweep ended before the fault could be injected");
                        return;
                    }
                }
            }
            assertTrue(driver.isAlive(), "the driver exited early with status " + (driver.isAlive() ? "" : driver.exitValue()));
            Thread.sleep(200);
        }
        throw new AssertionError("no batch committed to " + table + " within 5 minutes");
    }

    /** The executor JVMs the workers started (descendants of the worker PIDs from the cluster's pid files). */
    private List<ProcessHandle> executors() throws IOException {
        List<ProcessHandle> out = new ArrayList<>();
        try (Stream<Path> pids = Files.list(clusterDir.resolve("pids"))) {
            for (Path f : pids.filter(p -> p.getFileName().toString().startsWith("worker-")).toList()) {
                long pid = Long.parseLong(Files.readString(f).trim());
                ProcessHandle.of(pid).ifPresent(worker -> worker.descendants()
                        .filter(h -> h.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                        .forEach(out::add));
            }
        }
        return out;
    }

    private static final Pattern SUMMARY = Pattern.compile("(\\w+)\\s+\\d+ rows\\s+\\((\\d+) computed now, (\\d+) already there\\)");

    private static long[] computedAndSkipped(String output, String table) {
        Matcher m = SUMMARY.matcher(output);
        while (m.find()) {
            if (m.group(1).equals(table)) {
                return new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
            }
        }
        throw new AssertionError("no summary line for " + table + " in:\n" + output);
    }

    private Process start(List<String> command, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private int finish(Process p) throws InterruptedException {
        if (!p.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            kill(p.toHandle());
            throw new AssertionError("timed out after " + RUN_TIMEOUT_MINUTES + " minutes: " + p.info().commandLine());
        }
        return p.exitValue();
    }

    private void run(String what, List<String> command, Path log, boolean mustSucceed) throws Exception {
        int code = finish(start(command, log));
        if (mustSucceed) {
            assertEquals(0, code, what + " failed; see " + log + ":\n" + Files.readString(log));
        }
    }

    /** Stops a process we started and everything it started, by PID. */
    private static void kill(ProcessHandle h) {
        h.descendants().forEach(ProcessHandle::destroyForcibly);
        h.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A port p with p + 1 free too (two worker web UIs). */
    private static int freePortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p = freePort();
            try (ServerSocket s = new ServerSocket(p + 1, 1, java.net.InetAddress.getLoopbackAddress())) {
                return p;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IOException("no two consecutive free ports");
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
