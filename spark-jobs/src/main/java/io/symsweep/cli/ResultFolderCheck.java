package io.symsweep.cli;

import io.symsweep.experiment.Experiments;
import io.symsweep.spark.ResultStore;
import io.symsweep.spark.TableFiles;
import io.symsweep.spark.WriterLock;
import io.symsweep.sweep.ExperimentKind;
import io.symsweep.table.Table;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.types.StructType;

/**
 * Reads every file of every table folder of a results folder, one at a time with Hadoop's file system and
 * Parquet's reader (no Spark session), so one damaged file cannot hide the others. Each file must pass
 * {@link TableFiles#check} (Parquet with its table's declared Spark schema, schema version and checksum);
 * across a table's files no {@code config_id} may appear twice.
 * Files and folders whose names start with {@code .} or {@code _} are Spark's and Hadoop's (checksums,
 * {@code _SUCCESS}, an interrupted job's {@code _temporary}) and are not data.
 */
final class ResultFolderCheck {

    /** The footer key under which Spark stores a Parquet file's Spark schema (ParquetWriteSupport). */
    static final String SPARK_SCHEMA_KEY = TableFiles.SPARK_SCHEMA_KEY;

    /** One line of the report: a problem (counted) or a note. */
    record Finding(boolean problem, String line) {
    }

    /** The findings and the totals of what was read. */
    record Report(List<Finding> findings, List<String> tables, int files, long rows) {
        long problems() {
            return findings.stream().filter(Finding::problem).count();
        }
    }

    private final Map<String, List<Table<?>>> declared = new LinkedHashMap<>();
    private final Configuration conf;
    private final TableFiles tableFiles;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> tablesSeen = new TreeSet<>();
    private int files;
    private long rows;

    ResultFolderCheck(Configuration conf) {
        for (Table<?> t : Experiments.tables()) {
            declared.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
        }
        this.conf = conf;
        this.tableFiles = new TableFiles(conf);
    }

    /** The names of every declared table. */
    Set<String> tableNames() {
        return declared.keySet();
    }

    /**
     * Checks {@code dir}: a sweep's folder (holding table folders), or a folder of sweeps. Throws
     * {@link UserException} when it is neither.
     */
    Report check(String dir) throws IOException {
        Path root = new Path(dir);
        FileSystem fs = root.getFileSystem(conf);
        FileStatus status;
        try {
            status = fs.getFileStatus(root);
        } catch (FileNotFoundException e) {
            throw new UserException("check: no such folder " + dir);
        }
        if (!status.isDirectory()) {
            throw new UserException("check: " + dir + " is a file, not a results folder");
        }
        if (holdsTables(fs, root)) {
            checkSweep(fs, root, dir);
        } else {
            boolean any = false;
            for (FileStatus s : list(fs, root)) {
                if (s.isDirectory() && !hidden(s.getPath().getName()) && holdsTables(fs, s.getPath())) {
                    checkSweep(fs, s.getPath(), join(dir, s.getPath().getName()));
                    any = true;
                }
            }
            if (!any) {
                throw new UserException("check: " + dir + " holds no tables (" + String.join(", ", tableNames())
                        + "); give a sweep's folder, such as results/quickstart, or a folder of them");
            }
        }
        return new Report(List.copyOf(findings), List.copyOf(tablesSeen), files, rows);
    }

    /** True when {@code dir} has a child named like a table; a folder that cannot be listed has none. */
    private boolean holdsTables(FileSystem fs, Path dir) {
        List<FileStatus> children;
        try {
            children = list(fs, dir);
        } catch (IOException e) {
            return false;
        }
        for (FileStatus s : children) {
            if (declared.containsKey(s.getPath().getName())) {
                return true;
            }
        }
        return false;
    }

    private void checkSweep(FileSystem fs, Path sweep, String shown) throws IOException {
        for (FileStatus s : list(fs, sweep)) {
            String name = s.getPath().getName();
            String at = join(shown, name);
            if (name.equals(WriterLock.NAME)) {
                String holder = WriterLock.describe(fs, sweep);
                if (holder != null) {
                    note(at, "a run is writing this folder (" + holder + "); its newest batches may still be coming");
                }
                continue;
            }
            if (name.equals(ResultStore.QUARANTINE) && s.isDirectory()) {
                quarantined(fs, s.getPath(), at);
                continue;
            }
            if (hidden(name)) {
                continue;
            }
            if (declared.containsKey(name)) {
                if (!s.isDirectory()) {
                    problem(at, "a file where the folder of table " + name + " belongs");
                } else {
                    checkTable(fs, s.getPath(), at, declared.get(name));
                }
            } else if (s.isDirectory()) {
                problem(at, "stray folder: not a table of symsweep (" + String.join(", ", tableNames()) + ")");
            }
        }
    }

    /** One note per file a run moved to the quarantine folder, with what is wrong with it. */
    private void quarantined(FileSystem fs, Path quarantine, String shown) throws IOException {
        for (FileStatus table : list(fs, quarantine)) {
            for (FileStatus f : table.isDirectory() ? list(fs, table.getPath()) : List.<FileStatus>of()) {
                String name = f.getPath().getName();
                if (hidden(name)) {
                    continue;
                }
                String at = join(join(shown, table.getPath().getName()), name);
                List<Table<?>> tables = declared.get(table.getPath().getName());
                String why = f.isDirectory() || tables == null ? null : tableFiles.check(fs, f, tables).reason();
                note(at, "quarantined by a run, which computed its configurations again" + (why == null ? ""
                        : " (" + why + ")") + "; not read by symsweep, delete it when it is of no more use");
            }
        }
    }

    private void checkTable(FileSystem fs, Path dir, String shown, List<Table<?>> tables) throws IOException {
        tablesSeen.add(dir.getName());
        List<long[]> idsPerFile = new ArrayList<>();
        List<String> fileNames = new ArrayList<>();
        for (FileStatus s : list(fs, dir)) {
            String name = s.getPath().getName();
            String at = join(shown, name);
            if (name.equals("_temporary")) {
                note(at, "staging folder of an interrupted job; the next run of the sweep deletes it");
                continue;
            }
            if (hidden(name)) {
                continue;
            }
            if (s.isDirectory()) {
                problem(at, "stray folder inside table " + dir.getName() + " (a table folder holds Parquet files)");
                continue;
            }
            files++;
            long[] ids = checkFile(fs, s, at, tables);
            if (ids != null) {
                idsPerFile.add(ids);
                fileNames.add(name);
            }
        }
        duplicates(shown, idsPerFile, fileNames);
    }

    /** The file's config ids (sorted), or null when it could not be read as a table file. */
    private long[] checkFile(FileSystem fs, FileStatus s, String at, List<Table<?>> tables) {
        TableFiles.Verdict v = tableFiles.check(fs, s, tables);
        v.problems().forEach(p -> problem(at, p));
        if (v.ids() != null) {
            rows += v.rows();
        }
        return v.ids();
    }

    /** Null when the column names and types agree (nullability and comments aside), else what differs. */
    static String difference(StructType declared, StructType found) {
        return TableFiles.difference(declared, found);
    }

    /** One problem line per table whose files hold a config id more than once. */
    private void duplicates(String shown, List<long[]> idsPerFile, List<String> fileNames) {
        int total = 0;
        for (long[] ids : idsPerFile) {
            total += ids.length;
        }
        long[] all = new long[total];
        int k = 0;
        for (long[] ids : idsPerFile) {
            System.arraycopy(ids, 0, all, k, ids.length);
            k += ids.length;
        }
        Arrays.sort(all);
        long duplicated = 0;
        long extra = 0;
        Long example = null;
        for (int i = 0, j; i < all.length; i = j) {
            for (j = i + 1; j < all.length && all[j] == all[i]; j++) {
                // the run of equal ids from i to j - 1
            }
            if (j - i > 1) {
                duplicated++;
                extra += j - i - 1;
                example = example == null ? all[i] : example;
            }
        }
        if (example == null) {
            return;
        }
        List<String> holders = new ArrayList<>();
        for (int f = 0; f < idsPerFile.size(); f++) {
            long[] ids = idsPerFile.get(f);
            int at = Arrays.binarySearch(ids, example);
            if (at >= 0) {
                int count = 1;
                for (int j = at + 1; j < ids.length && ids[j] == example; j++) {
                    count++;
                }
                for (int j = at - 1; j >= 0 && ids[j] == example; j--) {
                    count++;
                }
                holders.add(fileNames.get(f) + (count > 1 ? " (" + count + " times)" : ""));
            }
        }
        String id = String.format("%016x", example);
        problem(shown, duplicated + " config_id" + (duplicated > 1 ? "s appear" : " appears") + " more than once ("
                + extra + " extra row" + (extra > 1 ? "s" : "") + "), e.g. " + id + " in " + String.join(" and ",
                holders));
    }

    private void problem(String at, String what) {
        findings.add(new Finding(true, at + ": " + what));
    }

    private void note(String at, String what) {
        findings.add(new Finding(false, "note: " + at + ": " + what));
    }

    private static boolean hidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    private static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** The entries of {@code dir} by name; none when it vanished meanwhile. */
    private static List<FileStatus> list(FileSystem fs, Path dir) throws IOException {
        FileStatus[] s;
        try {
            s = fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return List.of();
        }
        Arrays.sort(s, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
        return Arrays.asList(s);
    }
}
