package io.symsweep.cli;

import io.symsweep.failure.EnvironmentException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A results folder checked before Spark starts and before anything is written: a local path must be a
 * folder or creatable as one, each table's folder in it a folder, and the folder (or the ancestor it would
 * be created in) writable. A URI of another file system ({@code hdfs://}, {@code s3a://}) is left to it.
 */
final class OutputFolder {

    /** A URI's scheme, as Hadoop's {@code Path} reads one (so {@code a:b} is scheme {@code a}). */
    private static final Pattern URI_SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.*");

    private OutputFolder() {
    }

    /**
     * Checks {@code out} (given by {@code option}) as the folder of {@code tables}. A wrong path is a
     * {@link UserException}; a path that cannot be written (permissions, read-only or immutable) an
     * {@link EnvironmentException}.
     */
    static void check(String option, String out, List<String> tables) {
        if (out == null || out.isBlank()) {
            throw new UserException(option + ": must be a folder, found an empty path");
        }
        String local = out;
        var scheme = URI_SCHEME.matcher(out);
        if (scheme.matches()) {
            if (!scheme.group(1).equals("file")) {
                checkScheme(option, out, scheme.group(1));
                return;
            }
            local = out.substring("file:".length()).replaceFirst("^//(?=/)", "");
        }
        Path dir;
        try {
            dir = Path.of(local);
        } catch (InvalidPathException e) {
            throw new UserException(option + ": not a valid path: " + e.getMessage());
        }
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new UserException(option + ": " + out + " is a file, not a folder");
            }
            for (String table : tables) {
                Path t = dir.resolve(table);
                if (Files.exists(t) && !Files.isDirectory(t)) {
                    throw new UserException(option + ": " + t + " is a file, but it must be the folder of table "
                            + table + "; move it away or choose another " + option);
                }
                if (Files.isDirectory(t) && !Files.isWritable(t)) {
                    throw new EnvironmentException(option + ": cannot write to " + t + " (permission denied, or a "
                            + "read-only or immutable folder)");
                }
            }
            if (!Files.isWritable(dir)) {
                throw new EnvironmentException(option + ": cannot write to " + out + " (permission denied, or a "
                        + "read-only or immutable folder)");
            }
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null) {
            throw new UserException(option + ": cannot create " + out + ": no folder of its path exists");
        }
        if (!Files.isDirectory(parent)) {
            throw new UserException(option + ": cannot create " + out + ": " + parent + " is a file, not a folder");
        }
        if (!Files.isWritable(parent)) {
            throw new EnvironmentException(option + ": cannot create " + out + ": " + parent + " is not writable "
                    + "(permission denied, or a read-only or immutable folder)");
        }
    }

    /** A URI's scheme must name a Hadoop file system on this class path ({@code hdfs}, {@code s3a}, ...). */
    private static void checkScheme(String option, String out, String scheme) {
        try {
            org.apache.hadoop.fs.FileSystem.getFileSystemClass(scheme, new org.apache.hadoop.conf.Configuration());
        } catch (java.io.IOException e) {
            throw new UserException(option + ": no file system for the scheme '" + scheme + "' of " + out
                    + " (a path with a colon reads as a URI; local paths need none, hdfs:// and file:// work)");
        }
    }
}
