package io.symsweep.cli;

import static io.symsweep.cli.CommandResult.symsweep;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.failure.EnvironmentException;
import io.symsweep.sweep.SpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mapping from exceptions to one line and an exit status, the accepted master URLs, {@code --debug}
 * and {@code --help}, and an output folder that cannot be written.
 */
class FailureReportTest {

    @TempDir
    Path dir;

    static Path spec() throws Exception {
        return Path.of(FailureReportTest.class.getResource("/specs/cli.yaml").toURI());
    }

    @Test
    void anInputErrorInsideASparkFailureIsStillAnInputError() {
        SparkException wrapped = new SparkException("Job aborted due to stage failure: Task 0 in stage 1.0 failed 1 "
                + "times, most recent failure:\n\tat somewhere", new SpecException("probe.factors[1]", "must be > 0"));
        assertEquals(new Failures.Failure(2, "probe.factors[1]: must be > 0"), Failures.classify(wrapped));
    }

    @Test
    void theEnvironmentIsExitStatusThree() {
        assertEquals(new Failures.Failure(3, "out/minima: permission denied"),
                Failures.classify(new UncheckedIOException(new AccessDeniedException("out/minima"))));
        assertEquals(3, Failures.classify(new SparkException("Job aborted", new FileSystemException("/full/x.parquet",
                null, "No space left on device"))).status());
        assertEquals(new Failures.Failure(3, "/full/x.parquet: no space left on the device; free space and rerun: "
                + "what is committed is kept"),
                Failures.classify(new FileSystemException("/full/x.parquet", null, "No space left on device")));
        assertEquals(3, Failures.classify(new IOException("Read-only file system")).status());
        // An immutable folder (chattr +i), as Hadoop's local file system reports it.
        assertEquals(new Failures.Failure(3, "/out/minima/_SUCCESS: operation not permitted (an immutable file or "
                + "folder, see lsattr, or one of another owner); fix it and rerun: what is committed is kept"),
                Failures.classify(new SparkException("Job aborted", new java.io.FileNotFoundException(
                        "/out/minima/_SUCCESS (Operation not permitted)"))));
        assertEquals(3, Failures.classify(new EnvironmentException("the lock is held")).status());
        assertEquals(3, Failures.classify(new OutOfMemoryError("Java heap space")).status());
    }

    /**
     * A table folder made immutable while a task writes: Hadoop's local file system says only "Mkdirs failed"; the line
     * names the nearest folder that exists, the one in which nothing could be created.
     */
    @Test
    void aFolderThatCannotBeCreatedNamesTheFolderItWasToBeIn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path minima = java.nio.file.Files.createDirectory(dir.resolve("minima"));
        String hadoop = "Mkdirs failed to create file:" + minima + "/_temporary/0/_temporary/attempt_2026_0016_m_000000_47"
                + " (exists=false, cwd=file:/work)";
        assertEquals(new Failures.Failure(3, minima + ": cannot create a folder in it (an immutable or read-only "
                + "folder, see lsattr, or one of another owner); fix it and rerun: what is committed is kept"),
                Failures.classify(new SparkException("Job aborted due to stage failure", new IOException(hadoop))));
    }

    @Test
    void anythingElseIsOneLineNamingADefect() {
        Failures.Failure f = Failures.classify(new IllegalStateException("-2 minima of this batch are missing\n\tat x"));
        assertEquals(70, f.status());
        assertEquals("internal error: IllegalStateException: -2 minima of this batch are missing (a defect of "
                + "symsweep; --debug or SYMSWEEP_DEBUG=1 shows the stack trace)", f.message());
        assertEquals("internal error: NullPointerException: (no message) (a defect of symsweep; --debug or "
                + "SYMSWEEP_DEBUG=1 shows the stack trace)", Failures.classify(new NullPointerException()).message());
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertEquals(70, Failures.classify(a).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "local[1]", "local[8]", "local[*]", "local[2,3]", "local[*,4]", "local[ 2 , 3 ]"})
    void everyLocalFormSparkAcceptsIsAccepted(String master) {
        assertDoesNotThrow(() -> MasterUrl.check(master));
    }

    @Test
    void aStandaloneMasterThatAnswersIsAccepted() throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                ServerSocket closed = new ServerSocket(0)) {
            int free = closed.getLocalPort();
            closed.close();
            int port = listening.getLocalPort();
            assertDoesNotThrow(() -> MasterUrl.check("spark://127.0.0.1:" + port));
            assertDoesNotThrow(() -> MasterUrl.check("spark://127.0.0.1:" + free + ",localhost:" + port),
                    "one of several masters answering is enough");
        }
    }

    @Test
    void aWellFormedKubernetesMasterNeedsItsClusterManager() {
        EnvironmentException e = assertThrows(EnvironmentException.class,
                () -> MasterUrl.check("k8s://https://127.0.0.1:6443"));
        assertEquals("--master k8s://https://127.0.0.1:6443: this class path has no Kubernetes support "
                + "(spark-kubernetes is not bundled); submit spark-jobs/target/symsweep.jar with a Spark "
                + "distribution's spark-submit --master k8s://https://127.0.0.1:6443", e.getMessage());
    }

    @Test
    void debugPrintsTheStackTraceAfterTheLine() throws Exception {
        CommandResult r = symsweep(false, "--debug", "validate", dir.resolve("nope.yaml").toString());
        assertEquals(2, r.code());
        String[] lines = r.err().split("\n");
        assertEquals("symsweep: no such file: " + dir.resolve("nope.yaml"), lines[0]);
        assertEquals("io.symsweep.sweep.SpecException: no such file: " + dir.resolve("nope.yaml"), lines[1]);

        CommandResult after = symsweep(false, "validate", spec().toString(), "--show", "-1", "--debug");
        assertTrue(after.err().startsWith("symsweep: --show: must be >= 0, found -1\nio.symsweep.cli.UserException"),
                after.err());
        CommandResult byEnvironment = symsweep(true, "validate", dir.resolve("nope.yaml").toString());
        assertTrue(byEnvironment.err().contains("\nio.symsweep.sweep.SpecException: "), byEnvironment.err());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0", "false"})
    void theDebugVariableOff(String value) {
        assertFalse(SymsweepCommand.debugVariable(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "yes"})
    void theDebugVariableOn(String value) {
        assertTrue(SymsweepCommand.debugVariable(value));
    }

    @Test
    void usageOnlyOnRequest() {
        CommandResult help = symsweep(false, "run", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: symsweep run "), help.out());
        assertEquals("", help.err());
        CommandResult top = symsweep(false, "--help");
        assertTrue(top.out().contains("check"), "check is listed: " + top.out());
        CommandResult wrong = symsweep(false, "run", "--batch");
        assertEquals("symsweep: Missing required parameter for option '--batch' (N); see `symsweep run --help`\n",
                wrong.err());
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsTheEnvironment() throws Exception {
        Path out = Files.createDirectory(dir.resolve("locked"));
        boolean immutable = lock(out, true);
        try {
            Map<String, String> before = MalformedCommandTest.tree(dir);
            CommandResult r = symsweep(false, "run", spec().toString(), "--out", out.toString());
            assertEquals("symsweep: --out: cannot write to " + out + " (permission denied, or a read-only or immutable "
                    + "folder)\n", r.err(), immutable ? "chattr +i" : "chmod 555");
            assertEquals(3, r.code());
            CommandResult inside = symsweep(false, "run", spec().toString(), "--out", out.resolve("sweep").toString());
            assertEquals("symsweep: --out: cannot create " + out.resolve("sweep") + ": " + out + " is not writable "
                    + "(permission denied, or a read-only or immutable folder)\n", inside.err());
            assertEquals(3, inside.code());
            assertEquals(before, MalformedCommandTest.tree(dir), "nothing written");
        } finally {
            lock(out, false);
        }
    }

    /**
     * Makes {@code folder} unwritable or writable again: {@code chattr +i} for root (whom permissions do not
     * stop), {@code chmod} otherwise. True when chattr was used.
     */
    static boolean lock(Path folder, boolean locked) throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            Process p = new ProcessBuilder("chattr", locked ? "+i" : "-i", folder.toString()).inheritIO().start();
            assertEquals(0, p.waitFor(), "chattr");
            return true;
        }
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString(
                locked ? "r-xr-xr-x" : "rwxr-xr-x"));
        return false;
    }
}
