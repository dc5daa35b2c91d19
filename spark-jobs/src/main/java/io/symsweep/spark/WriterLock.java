package io.symsweep.spark;

import io.symsweep.failure.EnvironmentException;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.util.ShutdownHookManager;

/**
 * The one writer of a results folder: a lock file {@value #NAME} in it, created atomically, naming its holder (run,
 * user, host, PID) and kept alive by a heartbeat (its modification time, renewed every {@link Timing#heartbeat()}).
 * <ul>
 *   <li>Creation is exclusive: on the local file system through {@code open(O_CREAT | O_EXCL)} (Java's
 *       {@code CREATE_NEW}), since Hadoop's local {@code create(path, overwrite = false)} checks for the file and then
 *       opens it (RawLocalFileSystem, Hadoop 3.5), two steps another process can come between; on HDFS through
 *       {@code create(path, false)}, which the NameNode decides atomically. An object store without an atomic create
 *       (s3a) makes the lock advisory.</li>
 *   <li>A lock is stale when its holder cannot be running: on the same machine (same host name, boot and PID
 *       namespace) when its PID is gone or now names a process started at another time; elsewhere when its heartbeat
 *       has not moved for {@link Timing#stale()}, watched on this machine's clock (clocks of two machines are never
 *       compared). A stale lock is taken over with a message: renamed away (one rename succeeds), checked to be the
 *       lock judged stale, deleted, and created anew.</li>
 *   <li>The holder reads the lock back at every heartbeat; a lock that is gone or names another run has been taken
 *       over (its heartbeat had stopped, e.g. a pause of the driver), and {@link #checkHeld()} then refuses every
 *       further commit.</li>
 *   <li>{@link #close()} deletes the lock if it is still this run's; a shutdown hook (after the {@code runs} row's,
 *       before Spark's) does the same when the JVM is stopped by a signal.</li>
 * </ul>
 * Readers ({@code sql}, {@code serve}, notebooks) take no lock: each batch is one file per table, committed by one
 * rename ({@link ResultStore#append}).
 */
public final class WriterLock implements AutoCloseable {

    /** The lock file's name in the results folder (hidden from Spark's readers by its {@code _}). */
    public static final String NAME = "_lock";
    /** Hadoop shutdown-hook priority: below {@link RunRecord}'s 100 (its row is written first), above Spark's 40. */
    private static final int SHUTDOWN_PRIORITY = 90;

    /**
     * How often the holder renews its heartbeat, and how long a heartbeat must stand still before another machine
     * takes the lock over.
     */
    public record Timing(Duration heartbeat, Duration stale, Duration poll) {
        /** Every 10 s; stale after 60 s (six missed heartbeats); a waiting run looks again every second. */
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(1));

        public Timing {
            if (heartbeat.isNegative() || heartbeat.isZero() || stale.compareTo(heartbeat.multipliedBy(2)) < 0
                    || poll.isNegative() || poll.isZero()) {
                throw new IllegalArgumentException("heartbeat > 0, stale >= 2 heartbeats, poll > 0: " + heartbeat
                        + ", " + stale + ", " + poll);
            }
        }
    }

    /**
     * Who holds a lock.
     *
     * @param run          a random id of the holding run
     * @param purpose      what it does, e.g. {@code symsweep run quickstart}
     * @param user         the holder's user name
     * @param host         its host name
     * @param pid          its process id
     * @param processStart when that process started (null when unknown): a PID reused by a later process differs
     * @param machine      boot id and PID namespace of its host (Linux; null elsewhere): two containers may share a
     *                     host name, never both
     * @param started      when the lock was taken
     */
    public record Holder(String run, String purpose, String user, String host, long pid, Instant processStart,
            String machine, Instant started) {

        /** This process, for a run doing {@code purpose}. */
        static Holder self(String purpose) {
            ProcessHandle me = ProcessHandle.current();
            return new Holder(UUID.randomUUID().toString(), purpose, System.getProperty("user.name", "?"), HOST,
                    me.pid(), me.info().startInstant().orElse(null), MACHINE, Instant.now());
        }

        byte[] toBytes() {
            StringBuilder b = new StringBuilder("# symsweep: the run writing this results folder; its heartbeat is this "
                    + "file's modification time\n");
            b.append("run=").append(run).append('\n').append("purpose=").append(purpose).append('\n')
                    .append("user=").append(user).append('\n').append("host=").append(host).append('\n')
                    .append("pid=").append(pid).append('\n');
            if (processStart != null) {
                b.append("process_start=").append(processStart).append('\n');
            }
            if (machine != null) {
                b.append("machine=").append(machine).append('\n');
            }
            b.append("started=").append(started).append('\n').append("end=\n");
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** The holder a lock file names, or null when it is not (yet) complete. */
        static Holder parse(byte[] bytes) {
            Properties p = new Properties();
            try {
                p.load(new java.io.InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                return null;
            }
            if (!p.containsKey("end") || p.getProperty("run") == null) {
                return null;
            }
            try {
                String ps = p.getProperty("process_start");
                return new Holder(p.getProperty("run"), p.getProperty("purpose", "?"), p.getProperty("user", "?"),
                        p.getProperty("host", "?"), Long.parseLong(p.getProperty("pid", "-1")),
                        ps == null ? null : Instant.parse(ps), p.getProperty("machine"),
                        Instant.parse(p.getProperty("started")));
            } catch (RuntimeException e) {
                return null;
            }
        }

        /** {@code symsweep run fault, started 2025-...Z by root on host h, pid 12}. */
        String describe() {
            return purpose + ", started " + started.truncatedTo(ChronoUnit.SECONDS) + " by " + user + " on " + host
                    + ", pid " + pid;
        }

        /** True when this holder ran on this machine (then its PID says whether it still runs). */
        boolean onThisMachine() {
            if (!host.equals(HOST)) {
                return false;
            }
            return machine == null || MACHINE == null || machine.equals(MACHINE);
        }

        /** On this machine: whether the process is still the holder. */
        boolean running() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> processStart == null
                    || h.info().startInstant().map(s -> Math.abs(Duration.between(s, processStart).toMillis()) < 2_000)
                    .orElse(true)).orElse(false);
        }
    }

    private final FileSystem fs;
    private final Path file;
    private final Holder self;
    private final Timing timing;
    private final PrintWriter messages;
    private final Runnable hook = this::release;
    private final Thread heartbeat;
    private volatile String lostTo;
    private volatile Runnable onLost = () -> { };
    private final boolean createdRoot;
    private int holds = 1;
    private boolean released;

    private WriterLock(FileSystem fs, Path file, Holder self, Timing timing, PrintWriter messages, boolean createdRoot) {
        this.createdRoot = createdRoot;
        this.fs = fs;
        this.file = file;
        this.self = self;
        this.timing = timing;
        this.messages = messages;
        ShutdownHookManager.get().addShutdownHook(hook, SHUTDOWN_PRIORITY);
        this.heartbeat = new Thread(this::beat, "symsweep-lock-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
    }

    /**
     * Takes the lock of the folder {@code root} for {@code purpose}. When another run holds it: with {@code wait},
     * waits (saying so once on {@code messages}) until it is released or stale; without, throws
     * {@link EnvironmentException} naming the holder. A stale lock is taken over, said on {@code messages}.
     */
    public static WriterLock acquire(FileSystem fs, Path root, String purpose, boolean wait, Timing timing,
            PrintWriter messages) {
        Path file = new Path(root, NAME);
        Holder self = Holder.self(purpose);
        byte[] content = self.toBytes();
        boolean announced = false;
        try {
            while (true) {
                // A folder this run creates and leaves empty is removed again (a run that wrote nothing leaves
                // nothing); it may vanish meanwhile for that reason, when another run that created it ends.
                boolean createdRoot = !fs.exists(root) && fs.mkdirs(root);
                try {
                    if (createExclusive(fs, file, content)) {
                        return new WriterLock(fs, file, self, timing, messages, createdRoot);
                    }
                } catch (FileNotFoundException | java.nio.file.NoSuchFileException vanished) {
                    continue;
                }
                Observed held = observe(fs, file, timing);
                if (held == null) {
                    continue;
                }
                String stale = staleness(fs, file, held, timing, messages);
                if (stale != null) {
                    if (takeOver(fs, file, held, self)) {
                        messages.println("symsweep: taking over the lock " + file + " of " + held.holder().describe()
                                + " (" + stale + ")");
                        messages.flush();
                    }
                    continue;
                }
                if (!wait) {
                    throw new EnvironmentException(root + " is being written by another run (" + held.describe()
                            + "); wait for it to end or pass --wait (if no such run is alive, delete " + file + ")");
                }
                if (!announced) {
                    messages.println("symsweep: waiting for " + root + ": another run writes it (" + held.describe()
                            + ")");
                    messages.flush();
                    announced = true;
                }
                Thread.sleep(timing.poll().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while waiting for the lock " + file, e);
        } catch (IOException e) {
            throw new EnvironmentException("cannot take the lock " + file + " (" + TableFiles.firstLine(e.getMessage())
                    + ")", e);
        }
    }

    /** A lock file as read: its holder and its heartbeat. */
    private record Observed(Holder holder, long heartbeatMillis) {
        String describe() {
            return holder.describe() + ", last heartbeat " + Instant.ofEpochMilli(heartbeatMillis)
                    .truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /**
     * The lock file as it is, or null when it vanished meanwhile. A file still being written (created, its content
     * not yet there) is read again shortly; one that stays incomplete for a stale interval is a holder that died
     * between the two, named as unknown.
     */
    private static Observed observe(FileSystem fs, Path file, Timing timing) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timing.stale().toNanos();
        while (true) {
            FileStatus status;
            byte[] bytes;
            try {
                status = fs.getFileStatus(file);
                bytes = read(fs, file);
            } catch (FileNotFoundException e) {
                return null;
            }
            Holder h = Holder.parse(bytes);
            if (h != null) {
                return new Observed(h, status.getModificationTime());
            }
            if (System.nanoTime() > deadline) {
                return new Observed(new Holder("?", "an unknown run (its lock file is incomplete)", "?", "?", -1, null,
                        null, Instant.ofEpochMilli(status.getModificationTime())), status.getModificationTime());
            }
            Thread.sleep(50);
        }
    }

    /** Why {@code held} is stale, or null when its holder may be running. */
    private static String staleness(FileSystem fs, Path file, Observed held, Timing timing, PrintWriter messages)
            throws IOException, InterruptedException {
        Holder h = held.holder();
        if (h.pid() >= 0 && h.onThisMachine()) {
            return h.running() ? null : "pid " + h.pid() + " is no longer running";
        }
        long age = System.currentTimeMillis() - held.heartbeatMillis();
        if (age < timing.stale().toMillis()) {
            return null;
        }
        messages.println("symsweep: the lock " + file + " of " + h.describe() + " has a heartbeat " + age / 1000
                + " s old by this machine's clock; watching it for " + timing.stale().toSeconds() + " s");
        messages.flush();
        long start = System.nanoTime();
        while (System.nanoTime() - start < timing.stale().toNanos()) {
            Thread.sleep(timing.poll().toMillis());
            Observed now = observe(fs, file, timing);
            if (now == null || !now.holder().run().equals(h.run()) || now.heartbeatMillis() != held.heartbeatMillis()) {
                return null;
            }
        }
        return "its heartbeat did not move for " + timing.stale().toSeconds() + " s";
    }

    /**
     * Removes the stale lock {@code held}: renamed to a name of this run's (of two runs taking it over, one rename
     * succeeds), then deleted when it is the lock judged stale, or put back when it is not (a third run's, created
     * meanwhile). True when the stale lock is gone.
     */
    private static boolean takeOver(FileSystem fs, Path file, Observed held, Holder self) throws IOException {
        Path aside = new Path(file.getParent(), NAME + ".stale-" + self.run());
        if (!fs.rename(file, aside)) {
            return false;
        }
        byte[] bytes = read(fs, aside);
        Holder moved = Holder.parse(bytes);
        boolean same = moved == null ? held.holder().run().equals("?") : moved.run().equals(held.holder().run());
        if (!same) {
            createExclusive(fs, file, bytes);
        }
        fs.delete(aside, false);
        return same;
    }

    /** Creates {@code file} holding {@code content} unless it exists, atomically; false when it exists. */
    private static boolean createExclusive(FileSystem fs, Path file, byte[] content) throws IOException {
        if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
            java.nio.file.Path local = java.nio.file.Path.of(fs.makeQualified(file).toUri());
            try (OutputStream out = Files.newOutputStream(local, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(content);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (IOException e) {
                Files.deleteIfExists(local);
                throw e;
            }
            return true;
        }
        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write(content);
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
        return true;
    }

    private static byte[] read(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return in.readNBytes(64 * 1024);
        }
    }

    /**
     * Who holds the lock of the folder {@code root} now, in words (holder, start, last heartbeat), or null when there
     * is no lock file; for {@code symsweep check}.
     */
    public static String describe(FileSystem fs, Path root) throws IOException {
        Path file = new Path(root, NAME);
        try {
            FileStatus status = fs.getFileStatus(file);
            Holder h = Holder.parse(read(fs, file));
            String heartbeat = "last heartbeat " + Instant.ofEpochMilli(status.getModificationTime())
                    .truncatedTo(ChronoUnit.SECONDS);
            return h == null ? "an incomplete lock file, " + heartbeat : h.describe() + ", " + heartbeat
                    + (h.onThisMachine() && !h.running() ? " (that process is no longer running: the next run takes "
                    + "the lock over)" : "");
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /** Who holds this lock. */
    public Holder holder() {
        return self;
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Called (once, on the heartbeat's thread) when the lock is found taken over: e.g. cancel the running jobs. */
    public void onLost(Runnable action) {
        this.onLost = action;
    }

    /** One more holder of this lock in this process; {@link #close()} releases it when the last one closes. */
    synchronized WriterLock enter() {
        if (released) {
            throw new IllegalStateException("the lock " + file + " was released");
        }
        holds++;
        return this;
    }

    /** True while this process holds the lock (taken, not released, not taken over). */
    public synchronized boolean held() {
        return !released && lostTo == null;
    }

    /** Throws {@link EnvironmentException} when the lock was taken over: nothing more may be committed. */
    public void checkHeld() {
        String to = lostTo;
        if (to != null) {
            throw new EnvironmentException("the lock " + file + " was taken over by another run (" + to + ") after "
                    + "this run's heartbeat had stopped for " + timing.stale().toSeconds() + " s; this run stops, "
                    + "what it committed is kept");
        }
    }

    private void beat() {
        while (true) {
            try {
                Thread.sleep(timing.heartbeat().toMillis());
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (released) {
                    return;
                }
            }
            try {
                fs.setTimes(file, System.currentTimeMillis(), -1);
                Holder now = Holder.parse(read(fs, file));
                if (now != null && !now.run().equals(self.run())) {
                    lost(now.describe());
                    return;
                }
            } catch (FileNotFoundException e) {
                lost("the lock file was deleted");
                return;
            } catch (IOException | RuntimeException e) {
                // A missed heartbeat (a file system that does not answer for a moment); the next one retries.
            }
        }
    }

    /** The lock was taken over, unless it was released meanwhile (its file deleted by {@link #release()}). */
    private void lost(String to) {
        synchronized (this) {
            if (released) {
                return;
            }
            lostTo = to;
        }
        onLost.run();
    }

    /** Releases one hold; the last deletes the lock file if it is still this run's. */
    @Override
    public void close() {
        synchronized (this) {
            if (released || --holds > 0) {
                return;
            }
        }
        try {
            ShutdownHookManager.get().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook releases it.
        }
        release();
    }

    private void release() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        heartbeat.interrupt();
        if (lostTo != null) {
            return;
        }
        try {
            Holder now = Holder.parse(read(fs, file));
            if (now != null && now.run().equals(self.run())) {
                fs.delete(file, false);
                if (createdRoot && fs.listStatus(file.getParent()).length == 0) {
                    // A run that wrote nothing leaves no folder behind; not recursive, so that a lock another run
                    // has just created in it stays.
                    try {
                        fs.delete(file.getParent(), false);
                    } catch (IOException notEmpty) {
                        // Another run is in it.
                    }
                }
            }
        } catch (FileNotFoundException gone) {
            // Nothing to release.
        } catch (IOException | RuntimeException e) {
            messages.println("symsweep: warning: the lock " + file + " was not removed (" + TableFiles.firstLine(
                    e.getMessage()) + "); the next run takes it over");
            messages.flush();
        }
    }


    private static final String HOST = findHostName();
    private static final String MACHINE = findMachine();

    private static String findHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "unknown-host";
        }
    }

    /** Linux's boot id and this process's PID namespace, or null where there are none. */
    private static String findMachine() {
        try {
            String boot = Files.readString(java.nio.file.Path.of("/proc/sys/kernel/random/boot_id")).strip();
            String ns = Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/pid")).toString();
            return boot + " " + ns;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }
}
