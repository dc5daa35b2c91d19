package io.symsweep.cli;

import io.symsweep.spark.ResultStore;
import io.symsweep.spark.TableFiles;
import io.symsweep.table.Table;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The result tables under a {@code --results} folder, found before Spark starts: the folder is one sweep's
 * ({@code results/figure4}: its subfolders holding Parquet files are the tables), or a folder of sweeps
 * ({@code results/}: the most recently written sweep, or every sweep's tables unioned with {@code --all}).
 * Any Hadoop file system URI works ({@code hdfs://...}); a plain path is a local folder.
 *
 * @param root      the {@code --results} folder, qualified ({@code file:/...})
 * @param sweeps    the sweep folders the tables come from, qualified
 * @param locations table name to its folders (one per sweep), by name
 */
record ResultTables(String root, List<String> sweeps, Map<String, List<String>> locations) {

    ResultTables {
        sweeps = List.copyOf(sweeps);
        Map<String, List<String>> copy = new TreeMap<>();
        locations.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        locations = java.util.Collections.unmodifiableMap(copy);
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("no tables under " + root);
        }
    }

    /**
     * The tables under {@code results}; with several sweeps there and not {@code all}, the newest, which
     * is said on {@code err}. A missing folder or one without tables is a {@link UserException}.
     */
    static ResultTables find(String results, boolean all, PrintWriter err) {
        Path dir = new Path(results);
        FileSystem fs = fileSystem(dir);
        Path root = fs.makeQualified(dir);
        if (!isDirectory(fs, root)) {
            throw new UserException("--results: no such folder " + results + "; run `symsweep run SPEC` first");
        }
        Map<String, Path> here = tablesIn(fs, root);
        if (!here.isEmpty()) {
            return new ResultTables(root.toString(), List.of(root.toString()), single(here));
        }
        List<Path> sweeps = new ArrayList<>();
        for (FileStatus f : list(fs, root)) {
            if (f.isDirectory() && !tablesIn(fs, f.getPath()).isEmpty()) {
                sweeps.add(f.getPath());
            }
        }
        if (sweeps.isEmpty()) {
            throw new UserException("--results: no tables under " + results + "; run `symsweep run SPEC` first");
        }
        if (!all) {
            Path newest = sweeps.stream().max(Comparator.comparingLong(s -> newestFile(fs, s))).orElseThrow();
            if (sweeps.size() > 1) {
                err.println("symsweep: querying " + newest + ", the newest of " + sweeps.size() + " sweeps under "
                        + results + " (--results DIR to choose, --all for every sweep)");
                err.flush();
            }
            return new ResultTables(root.toString(), List.of(newest.toString()), single(tablesIn(fs, newest)));
        }
        Map<String, List<String>> locations = new TreeMap<>();
        for (Path s : sweeps) {
            tablesIn(fs, s).forEach((name, p) -> locations.computeIfAbsent(name, k -> new ArrayList<>()).add(p.toString()));
        }
        return new ResultTables(root.toString(), sweeps.stream().map(Path::toString).toList(), locations);
    }

    /** The table names, sorted. */
    List<String> names() {
        return List.copyOf(locations.keySet());
    }

    /** The one folder of each table; a {@link UserException} when a table spans several sweeps. */
    Map<String, String> singleLocations(String option) {
        Map<String, String> out = new LinkedHashMap<>();
        locations.forEach((name, dirs) -> {
            if (dirs.size() != 1) {
                throw new UserException(option + ": registers the tables of one sweep, but " + name + " is in "
                        + dirs.size() + " sweeps; drop --all and pass --results of one sweep (with --ddl, "
                        + "--database NAME keeps several sweeps apart)");
            }
            out.put(name, dirs.get(0));
        });
        return out;
    }

    /** One temporary view per table in {@code spark} (several sweeps' folders unioned), saying nothing. */
    void registerViews(SparkSession spark) {
        registerViews(spark, new PrintWriter(java.io.Writer.nullWriter()));
    }

    /**
     * One temporary view per table in {@code spark} (several sweeps' folders unioned), read as {@code run} reads it
     * (the declared schema and its migrations, {@link ResultStore#readAsDeclared}), of its readable files: a file
     * that {@link TableFiles#checkFooter} finds damaged (truncated, foreign, another table's) is left out, with one
     * line on {@code err}; the files a run moved to a sweep's {@code _quarantine/} are not read either, and their
     * number is said on {@code err}.
     */
    void registerViews(SparkSession spark, PrintWriter err) {
        Map<String, List<String>> readable = readable(err, "skipping ", "");
        locations.forEach((name, dirs) -> {
            List<String> files = readable.get(name);
            if (files == null) {
                ResultStore.readAsDeclared(spark, name, dirs.toArray(String[]::new)).createOrReplaceTempView(name);
            } else if (!files.isEmpty()) {
                ResultStore.readAsDeclared(spark, name, files.toArray(String[]::new)).createOrReplaceTempView(name);
            } else {
                err.println("symsweep: warning: no view " + name + ": none of its files can be read");
            }
        });
        err.flush();
    }

    /**
     * Says on {@code err} which files of the tables are damaged (queries that read them fail) and how many a run has
     * quarantined, for readers that register whole folders ({@code serve}).
     */
    void warnDamaged(PrintWriter err) {
        readable(err, "", "; queries that read it fail until `symsweep run` moves it to "
                + "_quarantine/");
        err.flush();
    }

    /** Per table whose folders hold a damaged file, its readable files (the others: absent); lines on {@code err}. */
    private Map<String, List<String>> readable(PrintWriter err, String prefix, String consequence) {
        for (String sweep : sweeps) {
            int quarantined = quarantined(sweep);
            if (quarantined > 0) {
                err.println("symsweep: note: " + quarantined + " damaged file" + (quarantined == 1 ? " is" : "s are")
                        + " in " + join(TableFiles.shown(new Path(sweep)), ResultStore.QUARANTINE) + "/ (moved there "
                        + "by `symsweep run`, which "
                        + "computed their configurations again) and not queried");
            }
        }
        Map<String, List<Table<?>>> declared = TableFiles.declared();
        TableFiles check = new TableFiles(new Configuration());
        Map<String, List<String>> out = new TreeMap<>();
        locations.forEach((name, dirs) -> {
            List<String> readable = new ArrayList<>();
            boolean skipped = false;
            for (String dir : dirs) {
                Path p = new Path(dir);
                FileSystem fs = fileSystem(p);
                for (FileStatus f : list(fs, p)) {
                    if (TableFiles.hidden(f.getPath().getName())) {
                        continue;
                    }
                    String problem = f.isDirectory() ? "a folder inside a table folder"
                            : declared.containsKey(name) ? check.checkFooter(fs, f, declared.get(name)).reason() : null;
                    if (problem == null) {
                        readable.add(f.getPath().toString());
                    } else {
                        skipped = true;
                        err.println("symsweep: warning: " + prefix + TableFiles.shown(f.getPath()) + ": " + problem
                                + consequence + (prefix.isEmpty() ? "" : " (`symsweep run` moves it to " + join(
                                TableFiles.shown(p.getParent()), ResultStore.QUARANTINE) + "/; `symsweep check` lists "
                                + "every problem)"));
                    }
                }
            }
            if (skipped) {
                out.put(name, readable);
            }
        });
        return out;
    }

    /** Files under the sweep's {@code _quarantine/} folder. */
    private static int quarantined(String sweep) {
        Path q = new Path(sweep, ResultStore.QUARANTINE);
        FileSystem fs = fileSystem(q);
        if (!isDirectory(fs, q)) {
            return 0;
        }
        int n = 0;
        for (FileStatus table : list(fs, q)) {
            if (table.isDirectory()) {
                for (FileStatus f : list(fs, table.getPath())) {
                    n += TableFiles.hidden(f.getPath().getName()) ? 0 : 1;
                }
            }
        }
        return n;
    }

    private static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    private static Map<String, List<String>> single(Map<String, Path> tables) {
        Map<String, List<String>> out = new TreeMap<>();
        tables.forEach((name, p) -> out.put(name, List.of(p.toString())));
        return out;
    }

    /** Subfolders of {@code dir} holding Parquet files, by name (Spark's {@code _temporary} and dot-folders skipped). */
    private static Map<String, Path> tablesIn(FileSystem fs, Path dir) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (FileStatus f : list(fs, dir)) {
            String name = f.getPath().getName();
            if (f.isDirectory() && !name.startsWith("_") && !name.startsWith(".")
                    && Arrays.stream(list(fs, f.getPath())).anyMatch(c -> c.isFile() && c.getPath().getName().endsWith(".parquet"))) {
                out.put(name, f.getPath());
            }
        }
        return out;
    }

    private static long newestFile(FileSystem fs, Path sweep) {
        long newest = 0;
        for (Path table : tablesIn(fs, sweep).values()) {
            for (FileStatus f : list(fs, table)) {
                newest = Math.max(newest, f.getModificationTime());
            }
        }
        return newest;
    }

    private static FileSystem fileSystem(Path dir) {
        try {
            return dir.getFileSystem(new Configuration());
        } catch (IOException e) {
            throw new UserException("--results: cannot open " + dir + ": " + e.getMessage());
        }
    }

    private static boolean isDirectory(FileSystem fs, Path p) {
        try {
            return fs.getFileStatus(p).isDirectory();
        } catch (FileNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private static FileStatus[] list(FileSystem fs, Path dir) {
        try {
            FileStatus[] s = fs.listStatus(dir);
            Arrays.sort(s, Comparator.comparing(f -> f.getPath().getName()));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
