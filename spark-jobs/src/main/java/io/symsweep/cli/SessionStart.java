package io.symsweep.cli;

import io.symsweep.failure.EnvironmentException;
import io.symsweep.failure.InputException;
import io.symsweep.spark.Sessions;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * How every command that needs Spark ({@code run}, {@code sql}, {@code serve}, {@code bench --spark},
 * {@code reproduce}) starts its session, so that a failure to start is one line whatever the command: the
 * {@code --master} URL checked first ({@link MasterUrl#check}), then the session started, and whatever Spark
 * throws while it starts classified by {@link Failures}: the user's setting (exit status 2) or the machine's
 * (exit status 3, also for anything no rule names: a session that does not start is the environment's failure,
 * not a defect of the command that asked for it).
 */
final class SessionStart {

    private SessionStart() {
    }

    /**
     * {@link MasterUrl#check}, then {@link Sessions#create}. A malformed URL or an {@link IllegalArgumentException}
     * while Spark starts (a malformed {@code --conf} value such as {@code spark.executor.memory=lots}) is a
     * {@link UserException}; a master that does not answer, a port that cannot be bound, a broken class path, any
     * other failure an {@link EnvironmentException} naming the master and Spark's first line.
     */
    static Sessions.Lease lease(String appName, String master, Map<String, String> conf) {
        MasterUrl.check(master);
        try {
            return Sessions.create(appName, master, conf);
        } catch (IllegalArgumentException e) {
            throw new UserException("Spark did not start with these settings: "
                    + Failures.sparkText(Failures.firstLine(e.getMessage())) + " (see --master and --conf)", e);
        } catch (Throwable e) {
            throw startFailure(master, e);
        }
    }

    /**
     * {@link #lease}, saying so on {@code err} when this JVM starts Spark now (the few seconds before a command's
     * first own line): {@code symsweep: starting Spark (MASTER) ... ready in 4.2 s}, or {@code ... failed} before the
     * failure's line. Silent when a session is already running in the JVM.
     */
    static Sessions.Lease announced(PrintWriter err, String appName, String master, Map<String, String> conf) {
        if (SparkSession.getDefaultSession().isDefined()) {
            return lease(appName, master, conf);
        }
        MasterUrl.check(master);
        Announcement starting = new Announcement(err, master, "");
        Sessions.Lease lease;
        try {
            lease = lease(appName, master, conf);
        } catch (RuntimeException e) {
            starting.failed();
            throw e;
        }
        starting.ready();
        return lease;
    }

    /**
     * The line on {@code err} while Spark starts: {@code symsweep: starting Spark (MASTER)ALSO ...} when made, then
     * {@code  ready in 4.2 s} (the seconds since) or {@code  failed}.
     */
    static final class Announcement {

        private final PrintWriter err;
        private final long start = System.nanoTime();

        /** {@code also}: what starts with Spark, e.g. {@code " and Spark Connect"}, or empty. */
        Announcement(PrintWriter err, String master, String also) {
            this.err = err;
            err.print("symsweep: starting Spark (" + SqlCommand.masterShown(master) + ")" + also + " ...");
            err.flush();
        }

        void ready() {
            err.printf(Locale.ROOT, " ready in %.1f s%n", (System.nanoTime() - start) * 1e-9);
            err.flush();
        }

        void failed() {
            err.println(" failed");
            err.flush();
        }
    }

    /** What a failure {@code e} of Spark's start means: a user error, or the environment's, in one line. */
    static RuntimeException startFailure(String master, Throwable e) {
        Failures.Failure f = Failures.classify(e);
        if (f.status() == InputException.EXIT_STATUS) {
            return new UserException(f.message(), e);
        }
        String what = f.status() == EnvironmentException.EXIT_STATUS ? f.message()
                : e.getClass().getSimpleName() + ": " + Failures.sparkText(Failures.firstLine(e.getMessage()))
                        .replaceFirst("\\.$", "");
        return new EnvironmentException("Spark did not start (" + SqlCommand.masterShown(master) + "): " + what
                + "; --debug or SYMSWEEP_DEBUG=1 shows the stack trace", e);
    }
}
