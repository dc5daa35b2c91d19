package io.symsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.failure.EnvironmentException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer lock on the local file system, with real processes' PIDs and real file times: one holder, the second
 * refused with its holder named or made to wait, stale locks (a dead PID here, a heartbeat that stopped elsewhere)
 * taken over, a live heartbeat elsewhere respected, a lock taken over from its holder detected, and exclusive creation
 * under contention.
 */
class WriterLockTest {

    /** Fast enough for a test: heartbeat 0.2 s, stale after 1 s, polled every 0.05 s. */
    private static final WriterLock.Timing FAST = new WriterLock.Timing(Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofMillis(50));

    @TempDir
    java.nio.file.Path dir;

    FileSystem fs;
    Path root;
    StringWriter said;
    PrintWriter messages;

    @BeforeEach
    void localFileSystem() throws Exception {
        fs = FileSystem.getLocal(new Configuration());
        root = new Path(dir.resolve("out").toString());
        said = new StringWriter();
        messages = new PrintWriter(said, true);
    }

    private WriterLock acquire(boolean wait) {
        return WriterLock.acquire(fs, root, "symsweep run test", wait, FAST, messages);
    }

    private java.nio.file.Path lockFile() {
        return dir.resolve("out").resolve(WriterLock.NAME);
    }

    /** A lock file as another run would have left it, with its heartbeat {@code age} ago. */
    private void plant(WriterLock.Holder h, Duration age) throws Exception {
        Files.createDirectories(dir.resolve("out"));
        Files.write(lockFile(), h.toBytes());
        Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minus(age)));
    }

    private static WriterLock.Holder holder(String host, long pid, Instant processStart, String machine) {
        return new WriterLock.Holder("run-planted", "symsweep run planted", "someone", host, pid, processStart, machine,
                Instant.parse("2025-01-02T03:04:05Z"));
    }

    @Test
    void oneHolderNamedToTheSecondAndNothingLeftBehind() throws Exception {
        WriterLock.Holder self;
        try (WriterLock lock = acquire(false)) {
            self = lock.holder();
            assertTrue(Files.isRegularFile(lockFile()));
            String text = Files.readString(lockFile());
            assertTrue(text.contains("pid=" + ProcessHandle.current().pid() + "\n"), text);
            assertTrue(text.contains("run=" + self.run() + "\n"), text);
            EnvironmentException e = assertThrows(EnvironmentException.class, () -> acquire(false));
            assertTrue(e.getMessage().startsWith(root + " is being written by another run (symsweep run test, started "
                    + self.started().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " by "
                    + System.getProperty("user.name") + " on " + self.host() + ", pid " + self.pid()
                    + ", last heartbeat "), e.getMessage());
            assertTrue(e.getMessage().endsWith("); wait for it to end or pass --wait (if no such run is alive, delete "
                    + root + "/_lock)"), e.getMessage());
            assertTrue(lock.held());
        }
        assertFalse(Files.exists(dir.resolve("out")), "a lock that created its folder and wrote nothing removes it");
        assertEquals("", said.toString());
    }

    @Test
    void aStoreHoldsItsLockOnceForManyHolds() {
        ResultStore store = new ResultStore(SparkTestSession.get(), root.toString()).messages(messages);
        WriterLock outer = store.lock("symsweep run outer", false);
        WriterLock inner = store.lock("symsweep run inner", false);
        assertSame(outer, inner);
        inner.close();
        assertTrue(Files.exists(lockFile()), "the outer hold keeps it");
        assertThrows(EnvironmentException.class, () -> acquire(false));
        outer.close();
        assertFalse(Files.exists(lockFile()));
    }

    @Test
    void aLockOfAProcessThatEndedIsTakenOver() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertEquals(0, p.waitFor());
        WriterLock.Holder here = WriterLock.Holder.self("x");
        plant(holder(here.host(), p.pid(), Instant.now().minusSeconds(5), here.machine()), Duration.ZERO);
        try (WriterLock lock = acquire(false)) {
            assertTrue(Files.readString(lockFile()).contains("run=" + lock.holder().run()));
        }
        assertEquals("symsweep: taking over the lock " + root + "/_lock of symsweep run planted, started "
                + "2025-01-02T03:04:05Z by someone on " + here.host() + ", pid " + p.pid() + " (pid " + p.pid()
                + " is no longer running)\n", said.toString());
    }

    @Test
    void aReusedPidIsNotTheHolder() throws Exception {
        WriterLock.Holder here = WriterLock.Holder.self("x");
        // This very process, but started an hour before it did: another process that had the PID.
        plant(holder(here.host(), here.pid(), here.processStart().minusSeconds(3600), here.machine()), Duration.ZERO);
        try (WriterLock lock = acquire(false)) {
            assertTrue(lock.held());
        }
        assertTrue(said.toString().contains("(pid " + here.pid() + " is no longer running)"), said.toString());
    }

    @Test
    void aLockOfAnotherMachineIsTakenOverOnlyOnceItsHeartbeatStoodStill() throws Exception {
        plant(holder("elsewhere", 4242, null, null), Duration.ofHours(1));
        long start = System.nanoTime();
        try (WriterLock lock = acquire(false)) {
            assertTrue(lock.held());
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        assertTrue(seconds >= 1.0, "watched for the stale interval, took " + seconds + " s");
        String[] lines = said.toString().split("\n");
        assertEquals(2, lines.length, said.toString());
        assertTrue(lines[0].startsWith("symsweep: the lock " + root + "/_lock of symsweep run planted, started "
                + "2025-01-02T03:04:05Z by someone on elsewhere, pid 4242 has a heartbeat 3"), lines[0]);
        assertTrue(lines[0].endsWith(" s old by this machine's clock; watching it for 1 s"), lines[0]);
        assertEquals("symsweep: taking over the lock " + root + "/_lock of symsweep run planted, started "
                + "2025-01-02T03:04:05Z by someone on elsewhere, pid 4242 (its heartbeat did not move for 1 s)",
                lines[1]);
    }

    @Test
    void aLockOfAnotherMachineWithARecentHeartbeatIsHeld() throws Exception {
        plant(holder("elsewhere", 4242, null, null), Duration.ZERO);
        EnvironmentException e = assertThrows(EnvironmentException.class, () -> acquire(false));
        assertTrue(e.getMessage().contains("(symsweep run planted, started 2025-01-02T03:04:05Z by someone on "
                + "elsewhere, pid 4242, last heartbeat "), e.getMessage());
        assertEquals("", said.toString(), "a recent heartbeat is not watched");
    }

    @Test
    void aHeartbeatThatMovesWhileWatchedKeepsTheLock() throws Exception {
        plant(holder("elsewhere", 4242, null, null), Duration.ofHours(1));
        // The other machine's heartbeat resumes (its clock an hour behind ours) while this one watches.
        Thread beating = new Thread(() -> {
            try {
                Thread.sleep(300);
                Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minus(Duration.ofMinutes(59))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        beating.start();
        assertThrows(EnvironmentException.class, () -> acquire(false));
        beating.join();
        assertTrue(said.toString().contains("watching it for 1 s"), said.toString());
        assertFalse(said.toString().contains("taking over"), said.toString());
        assertTrue(Files.readString(lockFile()).contains("run=run-planted"));
    }

    @Test
    void aWaitingRunTakesTheLockWhenItIsReleased() throws Exception {
        WriterLock first = acquire(false);
        CountDownLatch waiting = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> second = pool.submit(() -> {
                waiting.countDown();
                try (WriterLock lock = acquire(true)) {
                    return lock.holder().run();
                }
            });
            waiting.await();
            Thread.sleep(500);
            assertFalse(second.isDone(), "the second run waits");
            first.close();
            String run = second.get(10, TimeUnit.SECONDS);
            assertTrue(!run.equals(first.holder().run()));
        } finally {
            pool.shutdownNow();
        }
        assertTrue(said.toString().startsWith("symsweep: waiting for " + root + ": another run writes it (symsweep run "
                + "test, started "), said.toString());
        assertEquals(1, said.toString().lines().count(), "said once");
    }

    @Test
    void aLockTakenOverFromItsHolderStopsItsCommits() throws Exception {
        WriterLock lock = acquire(false);
        CountDownLatch lost = new CountDownLatch(1);
        lock.onLost(lost::countDown);
        lock.checkHeld();
        Files.write(lockFile(), holder("elsewhere", 4242, null, null).toBytes());
        assertTrue(lost.await(5, TimeUnit.SECONDS), "the heartbeat noticed");
        assertFalse(lock.held());
        EnvironmentException e = assertThrows(EnvironmentException.class, lock::checkHeld);
        assertEquals("the lock " + root + "/_lock was taken over by another run (symsweep run planted, started "
                + "2025-01-02T03:04:05Z by someone on elsewhere, pid 4242) after this run's heartbeat had stopped for 1 "
                + "s; this run stops, what it committed is kept", e.getMessage());
        lock.close();
        assertTrue(Files.readString(lockFile()).contains("run=run-planted"), "the new holder's lock is not removed");
    }

    @Test
    void theHeartbeatMovesTheLockFilesTime() throws Exception {
        try (WriterLock lock = acquire(false)) {
            Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minusSeconds(3600)));
            Thread.sleep(600);
            long age = System.currentTimeMillis() - Files.getLastModifiedTime(lockFile()).toMillis();
            assertTrue(age < 1000, "heartbeat " + age + " ms old");
            assertTrue(lock.held());
        }
    }

    @Test
    void ofManyRunsStartingAtOnceExactlyOneTakesTheLock() throws Exception {
        int runs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            for (int round = 0; round < 20; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<WriterLock>> attempts = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    attempts.add(pool.submit(() -> {
                        go.await();
                        try {
                            return acquire(false);
                        } catch (EnvironmentException held) {
                            return null;
                        }
                    }));
                }
                go.countDown();
                List<WriterLock> winners = new ArrayList<>();
                for (Future<WriterLock> f : attempts) {
                    WriterLock l = f.get(30, TimeUnit.SECONDS);
                    if (l != null) {
                        winners.add(l);
                    }
                }
                assertEquals(1, winners.size(), "round " + round);
                winners.forEach(WriterLock::close);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("", said.toString(), "a live lock of this process is never taken over");
    }
}
