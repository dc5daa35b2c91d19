package io.symsweep.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.experiment.Experiments;
import io.symsweep.experiment.TwoStageExperiment;
import io.symsweep.spark.ResultStore;
import io.symsweep.spark.SparkTables;
import io.symsweep.spark.SparkTestSession;
import io.symsweep.spark.TableComparison;
import io.symsweep.spark.TableFiles;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.BarrierRow;
import io.symsweep.table.MinimumRow;
import io.symsweep.table.RunRow;
import io.symsweep.table.Table;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The faults of a bad day, each on real processes ({@code ./symsweep} started here, signalled by PID with
 * {@code kill}), real Spark and real file systems: a malformed master URL, a master that does not answer (for every
 * command that starts Spark) and a driver port already taken; SIGINT, SIGTERM and SIGKILL in the middle of a run, one
 * after the other into one folder, then a run that takes the dead writer's lock over while a second writer is refused
 * and a third waits ({@code --wait}); a folder made immutable ({@code chattr +i}, since root ignores permissions)
 * before and during a run; a truncated Parquet file and a foreign file in a table folder; a full disk (a tmpfs of
 * 2 MiB, mounted here: CI runs as root). Each checks the one line on stderr, the exit status, and, after the rerun
 * that resumes, every configuration exactly once by config id (a Spark query of the tables), the same rows as the
 * other folders here; each prints its figures. Every process started here is stopped by PID, the mount undone and the
 * immutable flags cleared, on failure too.
 *
 * <p>The full-disk and read-only tests need root (to mount a tmpfs and to set the immutable flag). Where that is
 * impossible they fail, saying so, rather than skip: a fault test that skips itself is a gap nobody sees, and the
 * one place these run, CI, is root.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultIT {

    private static final String SPEC = "spark-jobs/src/test/resources/specs/faults.yaml";
    private static final String DISK_SPEC = "spark-jobs/src/test/resources/specs/faults-disk.yaml";
    private static final String BATCH = "5";
    private static final int BATCH_ROWS = 5;
    /** Configurations of {@link #SPEC} in each table; of {@link #DISK_SPEC}, minima. */
    private static final long MINIMA = 20;
    private static final long BARRIERS = 20;
    private static final long DISK_MINIMA = 30;
    private static final String DISK_BATCH = "10";
    private static final long RUN_TIMEOUT_MINUTES = 10;
    /** A progress line (printed every 10 s when stderr is not a terminal), the one kind of line besides the failure's. */
    private static final Pattern PROGRESS = Pattern.compile("^faults(-disk)?: [a-z_, ]+: \\d+/\\d+ \\(.*");
    /** The line a command prints while this JVM starts Spark (SessionStart), ended by its outcome. */
    private static final Pattern STARTING =
            Pattern.compile("^symsweep: starting Spark \\(\\S+\\) \\.\\.\\. (ready in \\d+\\.\\d s|failed)$");

    /** Spark's line when a stopped driver's heartbeat reaches it late (after SIGSTOP and SIGCONT). */
    private static final Pattern STOPPED =
            Pattern.compile("^\\d\\d:\\d\\d:\\d\\d WARN NettyRpcEnv: Ignored message: HeartbeatResponse\\(false\\)$");

    private Path repo;
    private Path work;
    private final List<Process> started = new ArrayList<>();
    private final List<Path> immutable = new ArrayList<>();
    private Path mount;
    private Path firstComplete;
    private final long startNanos = System.nanoTime();

    /** What a finished {@code ./symsweep} process did. */
    record Finished(int status, String out, List<String> errLines, double seconds) {
        String err() {
            return String.join("\n", errLines);
        }
    }

    @BeforeAll
    void folders() throws Exception {
        repo = Path.of(System.getProperty("symsweep.repo", "..")).toAbsolutePath().normalize();
        work = Path.of(System.getProperty("symsweep.faultsDir", "target/faults")).toAbsolutePath();
        // What a run of these tests that was itself killed may have left: the mount, then the folders.
        command("umount", work.resolve("tmpfs").toString());
        deleteRecursively(work);
        Files.createDirectories(work);
    }

    @AfterAll
    void cleanUp() throws Exception {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Path p : immutable) {
            command("chattr", "-i", p.toString());
        }
        if (mount != null) {
            command("umount", mount.toString());
        }
        System.out.printf("fault tests: %.0f s in all%n", (System.nanoTime() - startNanos) * 1e-9);
    }

    @Test
    @Order(1)
    void aMalformedOrSilentMasterAndASparkThatCannotStartAreOneLineForEveryCommand() throws Exception {
        Path out = work.resolve("master");
        int port = freePort();
        String silent = "spark://127.0.0.1:" + port;
        String silentLine = "symsweep: --master " + silent + ": no Spark master answers at 127.0.0.1:" + port
                + " (connection refused); is the cluster up (deploy/cluster.sh start)?";
        // Each command that starts Spark, at once (they wait on nothing but the JVM).
        Process malformed = start("master-malformed", "run", SPEC, "--out", out.toString(), "--master",
                "spark://127.0.0.1");
        Map<String, Process> commands = new java.util.LinkedHashMap<>();
        commands.put("run", start("master-run", "run", SPEC, "--out", out.toString(), "--master", silent));
        commands.put("sql", start("master-sql", "sql", "--results", out.toString(), "--master", silent, "SELECT 1"));
        commands.put("serve", start("master-serve", "serve", "--results", out.toString(), "--master", silent));
        commands.put("bench", start("master-bench", "bench", "--spark", "--master", silent));
        commands.put("reproduce", start("master-reproduce", "reproduce", "--scale", "quick", "--out",
                out.toString(), "--master", silent));
        Finished noPort = finish(malformed);
        assertEquals(List.of("symsweep: --master spark://127.0.0.1: each standalone master is HOST:PORT (e.g. "
                + "spark://127.0.0.1:7077), found '127.0.0.1'"), noPort.errLines());
        assertEquals(2, noPort.status());
        StringBuilder figures = new StringBuilder();
        for (Map.Entry<String, Process> c : commands.entrySet()) {
            Finished f = finish(c.getValue());
            assertEquals(List.of(silentLine), f.errLines(), c.getKey());
            assertEquals(3, f.status(), c.getKey());
            figures.append(String.format(" %s %.1f s;", c.getKey(), f.seconds()));
        }

        // Spark itself fails to start: its driver's port is taken (spark-defaults.conf, read as spark-submit would).
        Path conf = work.resolve("conf-port-taken");
        Files.createDirectories(conf);
        String portLine;
        Finished run;
        Finished reproduce;
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Files.writeString(conf.resolve("spark-defaults.conf"), "spark.driver.port " + taken.getLocalPort()
                    + "\nspark.port.maxRetries 0\n");
            Map<String, String> env = Map.of("SPARK_CONF_DIR", conf.toString());
            Process r = start("port-run", env, "run", SPEC, "--out", out.toString());
            Process p = start("port-reproduce", env, "reproduce", "--scale", "quick", "--out", out.toString());
            run = finish(r);
            reproduce = finish(p);
            portLine = "symsweep: Spark did not start (local[*]): BindException: bind(..) failed with error(-98): "
                    + "Address already in use: Service 'sparkDriver' failed after 0 retries (starting from "
                    + taken.getLocalPort() + ")! Consider explicitly setting the appropriate port for the service "
                    + "'sparkDriver' (for example spark.ui.port for SparkUI) to an available port or increasing "
                    + "spark.port.maxRetries; --debug or SYMSWEEP_DEBUG=1 shows the stack trace";
        }
        assertEquals(List.of(portLine), failureLines(run));
        assertEquals(3, run.status());
        assertEquals(List.of(portLine), failureLines(reproduce));
        assertEquals(3, reproduce.status());
        assertFalse(Files.exists(out), "nothing written");
        System.out.printf("malformed master URL: exit %d in %.1f s, \"%s\"; no master at the URL: exit 3, the same "
                + "line from run, sql, serve, bench --spark, reproduce (%s); the driver's port taken: run and "
                + "reproduce exit 3 in %.1f and %.1f s, \"%s\"; nothing written%n", noPort.status(), noPort.seconds(),
                noPort.err(), figures.toString().strip(), run.seconds(), reproduce.seconds(), portLine);
    }

    /**
     * One folder through every way a writer stops: SIGINT after its first batch, SIGTERM after the next, SIGKILL after
     * the one after (its lock left behind), then a run that takes the lock over; while it holds the lock (held still
     * by SIGSTOP, so that the race is decided), a second writer is refused and a third waits with {@code --wait}.
     */
    @Test
    @Order(2)
    void sigintSigtermSigkillThenTwoWritersAtOnce() throws Exception {
        Path out = work.resolve("writers");
        StringBuilder figures = new StringBuilder();
        long files = 0;
        long kept = 0;
        for (String[] signal : new String[][] {{"INT", "130"}, {"TERM", "143"}}) {
            Process run = startSweep("sig" + signal[0].toLowerCase(java.util.Locale.ROOT), out);
            waitForMoreFiles(out.resolve("minima"), files, run);
            command("kill", "-" + signal[0], Long.toString(run.pid()));
            Finished r = finish(run);
            List<String> lines = failureLines(r);
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.get(0).matches("symsweep: interrupted: the run stopped; its committed batches are kept "
                    + "\\(minima \\d+ of " + MINIMA + ", barriers \\d+ of " + BARRIERS + " in the folder\\) and its "
                    + "runs row says INTERRUPTED; run the same command again to resume"), lines.get(0));
            assertEquals(Integer.parseInt(signal[1]), r.status());
            assertFalse(Files.exists(out.resolve("_lock")), "the lock is released");
            Map<String, Long> minimaFiles = rowsPerFile(out, MinimumRow.TABLE);
            assertTrue(wholeBatches(minimaFiles, BATCH_ROWS), "whole batches only: " + minimaFiles);
            long minima = sum(minimaFiles);
            long before = kept;
            assertTrue(minimaFiles.size() > files && minima < MINIMA, "stopped mid-run after a new batch: " + minima
                    + " minima in " + minimaFiles.size() + " files");
            assertTrue(lines.get(0).contains("minima " + minima + " of " + MINIMA), lines.get(0));
            List<RunRow> runs = runs(out);
            assertTrue(runs.stream().allMatch(row -> row.status() == RunRow.Status.INTERRUPTED), runs.toString());
            assertEquals(minima - before, runs.get(runs.size() - 1).computed().get("minima"));
            kept = minima;
            files = minimaFiles.size();
            figures.append(String.format("SIG%s mid-batch: exit %d after %.1f s, \"%s\", %d minima in %d whole files; ",
                    signal[0], r.status(), r.seconds(), lines.get(0), minima, files));
        }

        Process killed = startSweep("sigkill", out);
        waitForMoreFiles(out.resolve("minima"), files, killed);
        command("kill", "-KILL", Long.toString(killed.pid()));
        assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, killed.exitValue());
        assertTrue(Files.exists(out.resolve("_lock")), "SIGKILL leaves the lock");
        long minimaBefore = sum(rowsPerFile(out, MinimumRow.TABLE));
        assertTrue(minimaBefore < MINIMA, minimaBefore + " minima");

        Process taker = startSweep("takeover", out);
        waitForLockOf(out, taker);
        command("kill", "-STOP", Long.toString(taker.pid()));
        Process refused;
        Process waiting;
        try {
            refused = startSweep("second-writer", out);
            waiting = start("waiting-writer", "run", SPEC, "--out", out.toString(), "--batch", BATCH, "--wait");
            Finished second = finish(refused);
            List<String> lines = failureLines(second);
            assertEquals(1, lines.size(), second.err());
            assertTrue(lines.get(0).matches("symsweep: " + Pattern.quote(out.toString()) + " is being written by "
                    + "another run \\(symsweep run faults, started \\S+ by \\S+ on \\S+, pid " + taker.pid() + ", last "
                    + "heartbeat \\S+\\); wait for it to end or pass --wait \\(if no such run is alive, delete "
                    + Pattern.quote(out.resolve("_lock").toString()) + "\\)"), lines.get(0));
            assertEquals(3, second.status());
            figures.append(String.format("a second writer: exit 3 after %.1f s, \"%s\"; ", second.seconds(),
                    lines.get(0)));
            waitForLine(waiting, "symsweep: waiting for " + out + ": another run writes it (symsweep run faults, ");
        } finally {
            command("kill", "-CONT", Long.toString(taker.pid()));
        }
        Finished took = finish(taker);
        assertEquals(0, took.status(), took.err());
        // Held still by SIGSTOP, the driver's own heartbeat (local mode) came late: Spark logs that once. A pause of the
        // JVM (SIGSTOP here, a long GC elsewhere) is what causes it; nothing else prints that line.
        List<String> takeover = failureLines(took).stream().filter(l -> !STOPPED.matcher(l).matches()).toList();
        assertEquals(1, takeover.size(), took.err());
        assertTrue(takeover.get(0).startsWith("symsweep: taking over the lock " + out.resolve("_lock") + " of symsweep "
                + "run faults, started "), takeover.get(0));
        assertTrue(takeover.get(0).contains(", pid " + killed.pid() + " (pid " + killed.pid() + " is no longer "
                + "running)"), takeover.get(0));
        assertTrue(took.out().contains(summary("minima", MINIMA, MINIMA - minimaBefore)), took.out());
        Finished third = finish(waiting);
        assertEquals(0, third.status(), third.err());
        assertEquals(1, failureLines(third).size(), third.err());
        assertTrue(third.out().contains(summary("minima", MINIMA, 0)), third.out());
        exactlyOnce(out);
        assertEquals(List.of(RunRow.Status.INTERRUPTED, RunRow.Status.INTERRUPTED, RunRow.Status.COMPLETED,
                RunRow.Status.COMPLETED), runs(out).stream().map(RunRow::status).toList());
        System.out.printf("%sSIGKILL: exit 137, the lock left, %d minima kept; the next run: \"%s\", exit 0, computed "
                + "%d minima; a third writer with --wait: exit 0 after %.1f s, computed 0; %s%n", figures,
                minimaBefore, takeover.get(0), MINIMA - minimaBefore, third.seconds(), counts(out));
    }

    @Test
    @Order(3)
    void anImmutableFolderBeforeAndDuringARun() throws Exception {
        Path out = work.resolve("immutable");
        Process run = startSweep("immutable-1", out);
        waitForMoreFiles(out.resolve("minima"), 0, run);
        chattrImmutable(out.resolve("minima"));
        Finished during = finish(run);
        List<String> lines = failureLines(during);
        assertEquals(1, lines.size(), during.err());
        assertEquals(3, during.status(), during.err());
        assertTrue(lines.get(0).startsWith("symsweep: " + out.resolve("minima")), lines.get(0));
        Map<String, Long> files = rowsPerFile(out, MinimumRow.TABLE);
        assertTrue(wholeBatches(files, BATCH_ROWS), "whole batches only: " + files);

        chattrImmutable(out);
        Map<String, String> before = tree(out);
        Finished refused = finish(startSweep("immutable-2", out));
        assertEquals(List.of("symsweep: --out: cannot write to " + out.resolve("minima") + " (permission denied, or a "
                + "read-only or immutable folder)"), failureLines(refused));
        assertEquals(3, refused.status());
        assertEquals(before, tree(out), "nothing written");

        chattrMutable(out);
        chattrMutable(out.resolve("minima"));
        Finished again = finish(startSweep("immutable-3", out));
        assertEquals(0, again.status(), again.err());
        exactlyOnce(out);
        System.out.printf("immutable table folder mid-run: exit %d, \"%s\", %d minima in whole files kept; immutable "
                + "folder before a run: exit %d in %.1f s, \"%s\", nothing written; after chattr -i the rerun: exit 0, "
                + "%s%n", during.status(), lines.get(0), sum(files), refused.status(), refused.seconds(),
                refused.err(), counts(out));
    }

    @Test
    @Order(4)
    void aTruncatedAndAForeignFileAreQuarantinedAndComputedAgain() throws Exception {
        Path out = work.resolve("damaged");
        copyTree(complete(), out);
        Path minimaFile = dataFiles(out.resolve("minima")).get(0);
        Path barrierFile = dataFiles(out.resolve("barriers")).get(0);
        long minimaLost = rowsOf(minimaFile);
        long barriersLost = rowsOf(barrierFile);
        truncate(minimaFile, 2000);
        truncate(barrierFile, 1000);
        Path foreign = out.resolve("barriers").resolve("part-00000-exported.snappy.parquet");
        Files.copy(dataFiles(out.resolve("minima")).get(1), foreign);

        Finished check = finish(start("damaged-check", "check", out.toString()));
        assertEquals(1, check.status());
        List<String> problems = check.out().lines().filter(l -> !l.startsWith("check ")).toList();
        assertEquals(List.of(barrierFile + ": truncated Parquet file (1000 bytes; it does not end with PAR1, so its "
                        + "footer is missing)",
                foreign + ": schema differs from table barriers (schema version 3): missing columns "),
                problems.stream().map(l -> l.replaceFirst("missing columns .*", "missing columns ")).limit(2).toList());
        assertEquals(minimaFile + ": truncated Parquet file (2000 bytes; it does not end with PAR1, so its footer is "
                + "missing)", problems.get(2));

        Finished sql = finish(start("damaged-sql", "sql", "--results", out.toString(), "--format", "csv",
                "SELECT count(*) AS minima, count(DISTINCT config_id) AS ids FROM minima"));
        assertEquals(0, sql.status(), sql.err());
        assertEquals("minima,ids\n" + (MINIMA - minimaLost) + "," + (MINIMA - minimaLost) + "\n", sql.out());
        assertEquals(3, sql.errLines().stream().filter(l -> l.startsWith("symsweep: warning: skipping ")).count(),
                sql.err());

        Finished run = finish(startSweep("damaged-run", out));
        assertEquals(0, run.status(), run.err());
        List<String> warnings = failureLines(run);
        assertEquals(List.of(
                "symsweep: warning: " + minimaFile + ": truncated Parquet file (2000 bytes; it does not end with "
                        + "PAR1, so its footer is missing); moved to " + out + "/_quarantine/minima/, its configurations "
                        + "are computed again",
                "symsweep: warning: " + barrierFile + ": truncated Parquet file (1000 bytes; it does not end with "
                        + "PAR1, so its footer is missing); moved to " + out + "/_quarantine/barriers/, its "
                        + "configurations are computed again",
                "symsweep: warning: " + foreign + ": schema differs from table barriers (schema version 3): "),
                warnings.stream().map(l -> l.replaceFirst("\\(schema version 3\\): .*", "(schema version 3): "))
                        .toList());
        assertTrue(run.out().contains(summary("minima", MINIMA, minimaLost)), run.out());
        assertTrue(run.out().contains(summary("barriers", BARRIERS, barriersLost)), run.out());
        exactlyOnce(out);
        Finished after = finish(start("damaged-check-2", "check", out.toString()));
        assertEquals(0, after.status(), after.out());
        System.out.printf("truncated minima and barriers files and a foreign file: check exit %d with %d problems; sql "
                + "skipped them (%d warnings) and counted %d minima; run: exit 0, %d warnings, recomputed %d minima and "
                + "%d barriers; %s; check afterwards: exit %d%n", check.status(), problems.size(),
                failureLines(sql).size(), MINIMA - minimaLost, warnings.size(), minimaLost, barriersLost, counts(out),
                after.status());
    }

    @Test
    @Order(5)
    void aFullDiskStopsTheRunAndARerunAfterSpaceIsFreedResumes() throws Exception {
        mount = work.resolve("tmpfs");
        Files.createDirectories(mount);
        String mounted = command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString());
        if (mounted != null) {
            mount = null;
            throw new AssertionError("the full-disk test cannot run: mounting a tmpfs of 2 MiB failed (" + mounted
                    + "); it needs root with CAP_SYS_ADMIN, as CI has. This test fails rather than skips, so that a "
                    + "missing fault test is seen.");
        }
        Path out = mount.resolve("out");
        Finished full = finish(start("disk-1", "run", DISK_SPEC, "--out", out.toString(), "--batch", DISK_BATCH));
        List<String> lines = failureLines(full);
        assertEquals(1, lines.size(), full.err());
        assertTrue(lines.get(0).matches("symsweep: " + Pattern.quote(out.toString()) + ": no space left on the device "
                + "\\(\\d+(\\.\\d)? (bytes|KiB|MiB) free; the rest of the run needs about \\d+\\.\\d MiB more "
                + "\\(\\d+ minima at \\d+\\.\\d KiB each, as the committed files take; and barriers, not measured yet\\)\\); "
                + "free space and rerun: what is committed is kept"), lines.get(0));
        assertEquals(3, full.status());
        Map<String, Long> files = rowsPerFile(out, MinimumRow.TABLE);
        assertTrue(wholeBatches(files, Integer.parseInt(DISK_BATCH)), "whole batches only: " + files);
        long kept = sum(files);
        assertTrue(kept > 0 && kept < DISK_MINIMA, kept + " minima kept");

        assertEquals(null, command("mount", "-o", "remount,size=16m", mount.toString()));
        Finished again = finish(start("disk-2", "run", DISK_SPEC, "--out", out.toString(), "--batch", DISK_BATCH));
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains(summary("minima", DISK_MINIMA, DISK_MINIMA - kept)), again.out());
        exactlyOnce(out, spec(DISK_SPEC));
        System.out.printf("full disk (tmpfs of 2 MiB): exit %d after %.1f s, \"%s\", %d minima in whole files kept; "
                + "remounted at 16 MiB, the rerun: exit 0, computed %d minima, %s%n", full.status(), full.seconds(),
                lines.get(0), kept, DISK_MINIMA - kept, counts(out));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** A folder holding the whole sweep, written by an earlier test (or now, when this test runs alone). */
    private Path complete() throws Exception {
        if (firstComplete == null) {
            Path out = work.resolve("complete");
            Finished r = finish(startSweep("complete", out));
            assertEquals(0, r.status(), r.err());
            firstComplete = out;
        }
        return firstComplete;
    }

    private Process startSweep(String log, Path out) throws IOException {
        return start(log, "run", SPEC, "--out", out.toString(), "--batch", BATCH);
    }

    private Process start(String log, String... args) throws IOException {
        return start(log, Map.of(), args);
    }

    /**
     * {@code ./symsweep ARGS} in the repository with {@code env} added to the environment, stdout and stderr to files
     * {@code work/LOG.out}, {@code .err}.
     */
    private Process start(String log, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("./symsweep"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile())
                .redirectOutput(work.resolve(log + ".out").toFile()).redirectError(work.resolve(log + ".err").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().remove("SYMSWEEP_DEBUG");
        pb.environment().remove("SPARK_CONF_DIR");
        pb.environment().remove("SPARK_HOME");
        pb.environment().putAll(env);
        long began = System.nanoTime();
        Process p = pb.start();
        started.add(p);
        logs.put(p.pid(), log);
        startedAt.put(p.pid(), began);
        return p;
    }

    private final Map<Long, String> logs = new TreeMap<>();
    private final Map<Long, Long> startedAt = new TreeMap<>();

    /** Waits for {@code p}: its exit status, output, stderr lines and wall time from its start. */
    private Finished finish(Process p) throws Exception {
        if (!p.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("timed out after " + RUN_TIMEOUT_MINUTES + " minutes: " + p.info().commandLine());
        }
        double seconds = (System.nanoTime() - startedAt.get(p.pid())) * 1e-9;
        String log = logs.get(p.pid());
        settled(work.resolve(log + ".err"));
        String err = Files.readString(work.resolve(log + ".err"), StandardCharsets.UTF_8);
        String out = Files.readString(work.resolve(log + ".out"), StandardCharsets.UTF_8);
        return new Finished(p.exitValue(), out, err.lines().toList(), seconds);
    }

    /**
     * Waits until {@code file} has stopped growing for 200 ms (at most 5 s): the launcher's stderr filter, a child of
     * the JVM, may still be copying its last line when the JVM has exited.
     */
    private static void settled(Path file) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long size = -1;
        while (System.nanoTime() < deadline) {
            long now = Files.size(file);
            if (now == size) {
                return;
            }
            size = now;
            Thread.sleep(200);
        }
    }

    /** {@code RunCommand}'s summary line of a table. */
    private static String summary(String table, long total, long computed) {
        return String.format("  %-9s %7d rows  (%d computed now, %d already there)", table, total, computed,
                total - computed);
    }

    private static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The lines of stderr but the progress lines. */
    /**
     * Whether each file of a table holds one committed batch: a batch is a run of whole slices of at most the batch
     * size (SweepJob), written as one file, so a file of 1 to {@code batch} rows; a half-written batch leaves none.
     */
    private static boolean wholeBatches(Map<String, Long> rowsPerFile, int batch) {
        return !rowsPerFile.isEmpty() && rowsPerFile.values().stream().allMatch(n -> n >= 1 && n <= batch);
    }

    private static List<String> failureLines(Finished r) {
        return r.errLines().stream().filter(l -> !PROGRESS.matcher(l).matches() && !STARTING.matcher(l).matches())
                .toList();
    }

    /** Runs a command; null when it succeeded, else what it printed. */
    private static String command(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 ? null : String.join(" ", cmd) + ": exit " + p.exitValue() + ": " + output;
    }

    private void chattrImmutable(Path p) throws Exception {
        String failed = command("chattr", "+i", p.toString());
        if (failed != null) {
            throw new AssertionError("the read-only test cannot run: " + failed + " (chattr needs root and a file "
                    + "system with the immutable flag, as CI has); it fails rather than skips");
        }
        immutable.add(p);
    }

    private void chattrMutable(Path p) throws Exception {
        assertEquals(null, command("chattr", "-i", p.toString()));
        immutable.remove(p);
    }

    /** Waits until more than {@code files} data files are committed to {@code table}, while the run goes on. */
    private static void waitForMoreFiles(Path table, long files, Process run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (dataFilesOrNone(table).size() > files) {
                assertTrue(run.isAlive(), "the run ended before the fault could be injected");
                return;
            }
            assertTrue(run.isAlive(), "the run exited early with status " + (run.isAlive() ? "" : run.exitValue()));
            Thread.sleep(20);
        }
        throw new AssertionError("no new batch committed to " + table + " within 10 minutes");
    }

    /** Waits until the lock file of {@code out} names {@code run}'s PID. */
    private static void waitForLockOf(Path out, Process run) throws Exception {
        Path lock = out.resolve("_lock");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            String text = "";
            try {
                text = Files.readString(lock, StandardCharsets.UTF_8);
            } catch (IOException absentOrMoving) {
                // not (yet) this run's
            }
            if (text.contains("\npid=" + run.pid() + "\n")) {
                return;
            }
            assertTrue(run.isAlive(), "the run exited with status " + (run.isAlive() ? "" : run.exitValue())
                    + " before it held the lock");
            Thread.sleep(20);
        }
        throw new AssertionError(run.pid() + " did not take " + lock + " within 10 minutes");
    }

    /** Waits until {@code run}'s stderr has a line starting with {@code prefix}. */
    private void waitForLine(Process run, String prefix) throws Exception {
        Path err = work.resolve(logs.get(run.pid()) + ".err");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.readString(err, StandardCharsets.UTF_8).lines().anyMatch(l -> l.startsWith(prefix))) {
                return;
            }
            assertTrue(run.isAlive(), "exited with status " + (run.isAlive() ? "" : run.exitValue()) + " before "
                    + "saying \"" + prefix + "\"");
            Thread.sleep(50);
        }
        throw new AssertionError("no line \"" + prefix + "...\" from " + err + " within 10 minutes");
    }

    private static SweepSpec spec(String path) throws Exception {
        return Experiments.reader().read(Path.of(System.getProperty("symsweep.repo", "..")).resolve(path));
    }

    private void exactlyOnce(Path out) throws Exception {
        exactlyOnce(out, spec(SPEC));
        if (firstComplete == null) {
            firstComplete = out;
        } else {
            ResultStore a = store(firstComplete);
            ResultStore b = store(out);
            List<String> diffs = new ArrayList<>(TableComparison.differences(TableComparison.rows(a, MinimumRow.TABLE),
                    TableComparison.rows(b, MinimumRow.TABLE), MinimumRow.TABLE));
            diffs.addAll(TableComparison.differences(TableComparison.rows(a, BarrierRow.TABLE),
                    TableComparison.rows(b, BarrierRow.TABLE), BarrierRow.TABLE));
            assertTrue(diffs.isEmpty(), out + " differs from " + firstComplete + ": " + String.join("\n", diffs));
        }
    }

    /** Every configuration of the spec exactly once in each table, counted by config id, and no id it lacks. */
    private static void exactlyOnce(Path out, SweepSpec spec) {
        TwoStageExperiment<?> kind = (TwoStageExperiment<?>) Experiments.of(spec);
        Set<String> barrierIds = new TreeSet<>();
        Set<String> minimumIds = new TreeSet<>();
        for (Configuration c : spec.configurations()) {
            barrierIds.add(c.id());
            kind.artefactsOf(c).forEach(a -> minimumIds.add(a.id()));
        }
        ResultStore store = store(out);
        for (Map.Entry<Table<?>, Set<String>> e : Map.<Table<?>, Set<String>>of(MinimumRow.TABLE, minimumIds,
                BarrierRow.TABLE, barrierIds).entrySet()) {
            List<String> ids = store.read(e.getKey()).select("config_id").collectAsList().stream()
                    .map(r -> r.getString(0)).toList();
            assertEquals(e.getValue().size(), ids.size(), e.getKey().name() + " rows in " + out);
            assertEquals(e.getValue(), new TreeSet<>(ids), e.getKey().name() + " ids in " + out);
        }
    }

    /** {@code minima 80 rows, 80 ids; barriers 240 rows, 240 ids}. */
    private static String counts(Path out) {
        ResultStore store = store(out);
        return Stream.of(MinimumRow.TABLE, BarrierRow.TABLE).map(t -> {
            Row r = store.read(t).selectExpr("count(*)", "count(DISTINCT config_id)").first();
            return t.name() + " " + r.getLong(0) + " rows, " + r.getLong(1) + " ids";
        }).collect(Collectors.joining("; "));
    }

    private static List<RunRow> runs(Path out) {
        return store(out).read(RunRow.TABLE).collectAsList().stream().map(r -> SparkTables.fromRow(RunRow.TABLE, r))
                .sorted(Comparator.comparing(RunRow::started)).toList();
    }

    private static ResultStore store(Path out) {
        return new ResultStore(SparkTestSession.get(), out.toString());
    }

    /** Rows of each data file of the table, by file name. */
    private static Map<String, Long> rowsPerFile(Path out, Table<?> table) throws Exception {
        Map<String, Long> rows = new TreeMap<>();
        for (Path f : dataFilesOrNone(out.resolve(table.name()))) {
            rows.put(f.getFileName().toString(), rowsOf(f));
        }
        return rows;
    }

    private static long rowsOf(Path file) throws IOException {
        var fs = org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration());
        var status = fs.getFileStatus(new org.apache.hadoop.fs.Path(file.toString()));
        return new TableFiles(new org.apache.hadoop.conf.Configuration()).checkFooter(fs, status,
                List.copyOf(TableFiles.declared().get(file.getParent().getFileName().toString()))).rows();
    }

    private static long sum(Map<String, Long> rows) {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<Path> dataFiles(Path dir) throws IOException {
        List<Path> files = dataFilesOrNone(dir);
        assertFalse(files.isEmpty(), "no data file in " + dir);
        return files;
    }

    private static List<Path> dataFilesOrNone(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !TableFiles.hidden(p.getFileName().toString()) && Files.isRegularFile(p)).sorted()
                    .toList();
        }
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        }
    }

    /** Every path under {@code dir} with its size and modification time. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                var a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                out.put(dir.relativize(p).toString(), (a.isDirectory() ? "dir " : a.size() + " bytes ")
                        + a.lastModifiedTime().toMillis());
            }
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void deleteRecursively(Path p) throws Exception {
        if (!Files.exists(p)) {
            return;
        }
        command("chattr", "-R", "-i", p.toString());
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
