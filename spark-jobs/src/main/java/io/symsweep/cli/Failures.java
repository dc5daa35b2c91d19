package io.symsweep.cli;

import io.symsweep.failure.EnvironmentException;
import io.symsweep.failure.InputException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What a command's exception means for the user: who can fix it (the exit status) and the one line that
 * says what. The cause chain is searched outside in, so an {@link InputException} thrown inside a Spark task
 * (and wrapped by Spark) is still reported as itself.
 * <table>
 *   <caption>exit statuses</caption>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>{@code check} found problems</td></tr>
 *   <tr><td>2</td><td>{@link InputException} (spec, option, path): the user fixes the input</td></tr>
 *   <tr><td>3</td><td>{@link EnvironmentException}, permission denied, disk full, read-only file system,
 *       cluster unreachable, out of memory: the user fixes the machine and reruns</td></tr>
 *   <tr><td>70</td><td>anything else: a defect of symsweep (EX_SOFTWARE of sysexits.h)</td></tr>
 *   <tr><td>130, 143</td><td>a run stopped by SIGINT (Ctrl-C) or SIGTERM: the JVM's status for the signal</td></tr>
 * </table>
 */
final class Failures {

    /** Exit status of {@code check} when it found problems. */
    static final int PROBLEMS_FOUND = 1;
    /** Exit status of an exception no rule explains: a defect of symsweep. */
    static final int INTERNAL = 70;
    /** Exit status of a run stopped by Ctrl-C (128 + SIGINT), which the JVM's own exit status then overrides. */
    static final int INTERRUPTED = 130;

    /** How deep the cause chain is searched. */
    private static final int MAX_CAUSES = 32;

    private Failures() {
    }

    /**
     * A classified failure: the exit status and the message line (without the {@code symsweep: } prefix), null when
     * the line has been printed already (an interrupted run's, by its shutdown hook).
     */
    record Failure(int status, String message) {
    }

    static Failure classify(Throwable thrown) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < MAX_CAUSES && seen.put(t, true) == null;
                t = t.getCause(), depth++) {
            Failure f = classifyOne(t);
            if (f != null) {
                return f;
            }
        }
        return new Failure(INTERNAL, "internal error: " + thrown.getClass().getSimpleName() + ": "
                + firstLine(thrown.getMessage()) + " (a defect of symsweep; --debug or SYMSWEEP_DEBUG=1 shows the "
                + "stack trace)");
    }

    private static Failure classifyOne(Throwable t) {
        if (t instanceof io.symsweep.spark.RunInterruptedException) {
            // The shutdown hook has printed the line; the JVM exits with the signal's status.
            return new Failure(INTERRUPTED, null);
        }
        if (t instanceof InputException) {
            return new Failure(InputException.EXIT_STATUS, firstLine(t.getMessage()));
        }
        if (t instanceof EnvironmentException) {
            return new Failure(EnvironmentException.EXIT_STATUS, firstLine(t.getMessage()));
        }
        if (t instanceof OutOfMemoryError) {
            return environment("out of memory (" + firstLine(t.getMessage()) + "); give the JVM more heap, e.g. "
                    + "SYMSWEEP_JAVA_OPTS=-Xmx8g, or run on a cluster");
        }
        if (t instanceof AccessDeniedException e) {
            return environment(e.getFile() + ": permission denied");
        }
        String name = t.getClass().getName();
        String message = firstLine(t.getMessage());
        if (name.equals("org.apache.hadoop.security.AccessControlException")) {
            return environment("permission denied: " + message);
        }
        if (t instanceof IOException) {
            String m = message.toLowerCase(java.util.Locale.ROOT);
            // A FileSystemException names its file; then its message adds nothing but the file again. So does the
            // "PATH (REASON)" of java.io's FileNotFoundException (what Hadoop's local file system passes on).
            String where = t instanceof FileSystemException f && f.getFile() != null ? f.getFile() + ": " : "";
            java.util.regex.Matcher pathAndReason = PATH_AND_REASON.matcher(message);
            if (where.isEmpty() && pathAndReason.matches()) {
                where = pathAndReason.group(1) + ": ";
            }
            String raw = where.isEmpty() ? " (" + message + ")" : "";
            if (m.contains("no space left on device") || m.contains("disk quota exceeded")) {
                return environment(where + "no space left on the device" + raw + "; free space and rerun: what is "
                        + "committed is kept");
            }
            if (m.contains("read-only file system")) {
                return environment(where + "the file system is read-only" + raw);
            }
            if (m.contains("operation not permitted")) {
                return environment(where + "operation not permitted (an immutable file or folder, see lsattr, or "
                        + "one of another owner)" + raw + "; fix it and rerun: what is committed is kept");
            }
            if (m.contains("permission denied")) {
                return environment(where + "permission denied" + raw);
            }
            java.util.regex.Matcher mkdirs = MKDIRS_FAILED.matcher(message);
            if (mkdirs.matches()) {
                // Hadoop's local file system says only that mkdirs returned false: name the folder it could not
                // create a folder in (the nearest that exists), as the other file-system failures name their file.
                java.nio.file.Path folder = java.nio.file.Path.of(mkdirs.group(1));
                while (folder.getParent() != null && !java.nio.file.Files.exists(folder)) {
                    folder = folder.getParent();
                }
                return environment(folder + ": cannot create a folder in it (an immutable or read-only folder, see "
                        + "lsattr, or one of another owner); fix it and rerun: what is committed is kept");
            }
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
            return environment("cannot connect: " + message);
        }
        if (t instanceof UnknownHostException) {
            return environment("unknown host " + message);
        }
        if (t instanceof org.apache.spark.SparkThrowable st && st.getCondition() != null) {
            if (st.getCondition().startsWith("FAILED_READ_FILE")) {
                return damagedFile(message);
            }
            if (st.getCondition().startsWith("INVALID_CONF_VALUE")) {
                return new Failure(InputException.EXIT_STATUS, "--conf: " + sparkText(message));
            }
        }
        if (name.equals("org.apache.spark.SparkException") && message.startsWith("Could not parse Master URL")) {
            return new Failure(InputException.EXIT_STATUS, "--master: " + message + "; " + MasterUrl.FORMS);
        }
        return null;
    }

    /** Hadoop's local file system's {@code Mkdirs failed to create file:/a/b (exists=false, cwd=file:/c)}. */
    private static final java.util.regex.Pattern MKDIRS_FAILED =
            java.util.regex.Pattern.compile("Mkdirs failed to create (?:file:)?(/[^ ]*)(?: \\(.*\\))?");

    /** {@code /some/path (Operation not permitted)}: java.io's message for a file it cannot open. */
    private static final java.util.regex.Pattern PATH_AND_REASON =
            java.util.regex.Pattern.compile("(/[^()]*?|[A-Za-z]:\\\\[^()]*?) \\(([^()]+)\\)");

    private static final java.util.regex.Pattern READING_FILE =
            java.util.regex.Pattern.compile(".*reading file (?:file:)?(.+?)\\. (.+?\\.)(?: .*)?");

    /**
     * Spark could not read a file of a results folder ({@code FAILED_READ_FILE}): a truncated, foreign or
     * changed file, named with Spark's reason. The user's results folder is damaged, so this is an input error.
     */
    private static Failure damagedFile(String sparkMessage) {
        var m = READING_FILE.matcher(sparkMessage);
        String what = m.matches() ? m.group(1) + ": cannot be read (Spark: " + m.group(2) + ")"
                : "a results file cannot be read (Spark: " + sparkText(sparkMessage) + ")";
        return new Failure(InputException.EXIT_STATUS, what + "; `symsweep check DIR` lists every damaged file of "
                + "the results folder DIR");
    }

    /** A Spark error message without its {@code [CONDITION]} prefix and {@code SQLSTATE} suffix. */
    static String sparkText(String message) {
        return message.replaceFirst("^\\[[A-Z_.]+] ", "").replaceFirst("\\s*SQLSTATE: \\w+\\s*$", "");
    }

    private static Failure environment(String message) {
        return new Failure(EnvironmentException.EXIT_STATUS, message);
    }

    /** The first line of a message, trimmed; the empty message says so. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }
}
