package io.symsweep.spark;

import io.symsweep.experiment.Experiments;
import io.symsweep.table.Migration;
import io.symsweep.table.RunRow;
import io.symsweep.table.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The output directory of a sweep: one Parquet folder per table ({@code <root>/minima}, ...), keyed by
 * {@code config_id}. Rows are appended batch by batch, each batch of a table one file that appears whole when its
 * Spark job commits ({@link #append}); a rerun computes only the ids not yet present, so every configuration ends up
 * exactly once even after a crash. One run writes the folder at a time ({@link #lock}, {@link WriterLock}); a file
 * that cannot be read as its table's is moved to {@value #QUARANTINE}/ before a run reads the table
 * ({@link #quarantineDamaged}), and its configurations are computed again. Any local, HDFS or object-store URI works.
 */
public final class ResultStore {

    /** The folder under the root where damaged table files are moved, one subfolder per table. */
    public static final String QUARANTINE = "_quarantine";

    private final SparkSession spark;
    private final Path root;
    private final FileSystem fs;
    private java.io.PrintWriter messages = new java.io.PrintWriter(System.err, true);
    private WriterLock lock;

    public ResultStore(SparkSession spark, String root) {
        this.spark = spark;
        this.root = new Path(root);
        this.fs = fileSystem(spark, root);
    }

    /**
     * The file system (local, HDFS, object store) of the results folder {@code root}, under {@code spark}'s Hadoop
     * configuration; failing as {@code cannot open ROOT}.
     */
    public static FileSystem fileSystem(SparkSession spark, String root) {
        try {
            return new Path(root).getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + root, e);
        }
    }

    public String root() {
        return root.toString();
    }

    /** The folder of {@code table}. */
    public String location(Table<?> table) {
        return new Path(root, table.name()).toString();
    }

    /** True when the table has at least one data file. */
    public boolean exists(Table<?> table) {
        return hasDataFiles(new Path(root, table.name()));
    }

    private boolean hasDataFiles(Path dir) {
        try {
            if (!fs.exists(dir)) {
                return false;
            }
            for (FileStatus f : fs.listStatus(dir)) {
                if (f.isFile() && f.getPath().getName().endsWith(".parquet")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * The table's rows as the current schema version reads them, or null when it has none yet: rows written under an
     * older version are migrated as the table declares ({@link Migration}: added columns are null, renamed values
     * renamed); {@code schema_version} keeps the version each row was written with.
     */
    public Dataset<Row> read(Table<?> table) {
        return exists(table) ? migrated(table, spark.read().schema(SparkTables.schema(table)).parquet(location(table)))
                : null;
    }

    /** Every table symsweep declares (every kind's, and {@code runs}), by name. */
    private static final Map<String, Table<?>> DECLARED = declared();

    private static Map<String, Table<?>> declared() {
        Map<String, Table<?>> out = new LinkedHashMap<>();
        Experiments.tables().forEach(t -> out.put(t.name(), t));
        return Map.copyOf(out);
    }

    /**
     * The rows in {@code paths} (folders or files) of the table called {@code name}, as {@link #read} gives them for a
     * table symsweep declares: under its declared schema (a column an older file lacks is null) with its migrations
     * applied, whichever version each file was written with. A table it does not declare is read as written. The
     * readers of the command line ({@code sql}'s views, {@code reproduce}'s claims) see what {@code run} sees.
     */
    public static Dataset<Row> readAsDeclared(SparkSession spark, String name, String... paths) {
        Table<?> declared = DECLARED.get(name);
        return declared == null ? spark.read().parquet(paths)
                : migrated(declared, spark.read().schema(SparkTables.schema(declared)).parquet(paths));
    }

    /** {@code rows} of {@code table} with every declared migration applied to the rows of older versions. */
    public static Dataset<Row> migrated(Table<?> table, Dataset<Row> rows) {
        Column version = functions.col("schema_version");
        for (Migration m : table.migrations()) {
            for (Map.Entry<String, Map<String, String>> e : m.renamedValues().entrySet()) {
                Column c = functions.col(e.getKey());
                Column renamed = c;
                for (Map.Entry<String, String> v : e.getValue().entrySet()) {
                    renamed = functions.when(version.leq(m.from()).and(c.equalTo(v.getKey())), v.getValue())
                            .otherwise(renamed);
                }
                rows = rows.withColumn(e.getKey(), renamed);
            }
        }
        return rows;
    }

    /** The keys ({@code config_id}s) already committed to {@code table}. */
    public Set<String> committedIds(Table<?> table) {
        Dataset<Row> df = read(table);
        Set<String> ids = new HashSet<>();
        if (df != null) {
            for (Row r : df.select(table.keyColumn()).collectAsList()) {
                ids.add(r.getString(0));
            }
        }
        return ids;
    }

    /**
     * Refuses what this symsweep cannot read: every schema version in the table, if present, must be the current one
     * or one its migrations lead from. Throws {@link IncompatibleResultsException} naming the table, the version
     * found and the versions read.
     */
    public void checkSchema(Table<?> table) {
        if (!exists(table)) {
            return;
        }
        List<Integer> readable = table.readableVersions();
        List<Row> versions = spark.read().parquet(location(table)).select("schema_version").distinct().collectAsList();
        for (Row r : versions) {
            if (!readable.contains(r.getInt(0))) {
                String expected = readable.size() == 1 ? "version " + readable.get(0)
                        : "versions " + readable.get(0) + " to " + readable.get(readable.size() - 1);
                throw new IncompatibleResultsException("table " + table.name() + " in " + location(table)
                        + " holds schema version " + r.getInt(0) + "; this symsweep reads " + expected
                        + ": run with --fresh or choose another --out");
            }
        }
    }

    /**
     * Removes what a killed run may have left half-done: Spark's {@code _temporary} staging folder,
     * whose committed task files would otherwise be merged into the next job's output.
     */
    public void clearStaging(Table<?> table) {
        delete(new Path(new Path(root, table.name()), "_temporary"));
    }

    /** Appends one batch of rows (one Spark job, committed as a whole): {@link #append(Table, Dataset)}. */
    public <R> void append(Table<R> table, JavaRDD<org.apache.spark.sql.Row> rows) {
        append(table, spark.createDataFrame(rows, SparkTables.schema(table)));
    }

    /**
     * Appends one batch of rows of {@code table} (in its Spark schema) as one Parquet file, sorted by key. The rows are
     * computed in parallel and gathered by a shuffle into the one task that writes the file, which Hadoop's
     * FileOutputCommitter (algorithm 1, set here whatever the configuration says) moves into the table's folder by one
     * rename when the job commits: a reader lists either none of the batch or all of it, and a run killed at any point
     * leaves whole batches only. (With several files per batch, the job commit renames them one by one, and a reader
     * between two renames sees part of a batch.) Throws {@link io.symsweep.failure.EnvironmentException} when this
     * store's lock was taken over by another run.
     */
    public void append(Table<?> table, Dataset<Row> rows) {
        if (lock != null) {
            lock.checkHeld();
        }
        try {
            rows.repartition(1).sortWithinPartitions(table.keyColumn()).write().mode(SaveMode.Append)
                    .option("mapreduce.fileoutputcommitter.algorithm.version", "1").parquet(location(table));
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.checkHeld();
            }
            throw e;
        }
    }

    /** Appends one row to {@code runs} (one small file). */
    public void appendRun(RunRow row) {
        spark.createDataFrame(List.of(SparkTables.toRow(RunRow.TABLE, row)), SparkTables.schema(RunRow.TABLE))
                .coalesce(1).write().mode(SaveMode.Append).option("mapreduce.fileoutputcommitter.algorithm.version",
                        "1").parquet(location(RunRow.TABLE));
    }

    /** Where this store says what it does on its own (a quarantined file, a lock taken over): stderr by default. */
    public ResultStore messages(java.io.PrintWriter out) {
        this.messages = out;
        return this;
    }

    /**
     * Takes the folder's {@link WriterLock} for {@code purpose} (e.g. {@code symsweep run quickstart}), or, when this
     * store holds it already, one more hold of it: every {@link WriterLock#close()} releases a hold, the last the lock.
     * With {@code wait}, waits for another run's lock; without, throws
     * {@link io.symsweep.failure.EnvironmentException} naming its holder. Once the lock is lost to another run,
     * {@link #append} refuses and the running jobs are cancelled.
     */
    public synchronized WriterLock lock(String purpose, boolean wait) {
        if (lock != null && lock.held()) {
            return lock.enter();
        }
        lock = WriterLock.acquire(fs, root, purpose, wait, WriterLock.Timing.DEFAULT, messages);
        lock.onLost(() -> spark.sparkContext().cancelAllJobs());
        return lock;
    }

    /**
     * Moves every file of {@code table}'s folder that {@link TableFiles#check} finds damaged (truncated, foreign, of
     * another table, changed after writing), and every stray folder in it, to {@code <root>/_quarantine/<table>/},
     * saying so in one line each; the configurations those files held are then missing from the table, and a run
     * computes them again. A file of a schema version this symsweep does not read stays (the schema check names it).
     * Run before anything reads the table; returns the number of entries moved.
     */
    public int quarantineDamaged(Table<?> table) {
        Path dir = new Path(root, table.name());
        TableFiles files = new TableFiles(spark.sparkContext().hadoopConfiguration());
        int moved = 0;
        try {
            if (!fs.isDirectory(dir)) {
                return 0;
            }
            // By name, so that the warnings come in the same order on every file system (a local listing is not sorted).
            FileStatus[] listed = fs.listStatus(dir);
            java.util.Arrays.sort(listed);
            for (FileStatus s : listed) {
                String name = s.getPath().getName();
                if (TableFiles.hidden(name)) {
                    continue;
                }
                String reason;
                if (s.isDirectory()) {
                    reason = "stray folder inside table " + table.name();
                } else {
                    TableFiles.Verdict v = files.check(fs, s, List.of(table));
                    if (v.condition() != TableFiles.Condition.DAMAGED) {
                        continue;
                    }
                    reason = v.reason();
                }
                Path to = quarantine(table, s.getPath());
                messages.println("symsweep: warning: " + TableFiles.shown(s.getPath()) + ": " + reason + "; moved to "
                        + TableFiles.shown(fs.makeQualified(to.getParent())) + "/, its configurations are computed "
                        + "again");
                messages.flush();
                moved++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the files of " + dir, e);
        }
        return moved;
    }

    /** Moves {@code file} (with its checksum file) into the table's quarantine folder, under a name not yet taken. */
    private Path quarantine(Table<?> table, Path file) throws IOException {
        Path dir = new Path(new Path(root, QUARANTINE), table.name());
        fs.mkdirs(dir);
        String name = file.getName();
        Path to = new Path(dir, name);
        for (int i = 1; fs.exists(to); i++) {
            to = new Path(dir, name + "." + i);
        }
        Path crc = new Path(file.getParent(), "." + name + ".crc");
        if (!fs.rename(file, to)) {
            throw new IOException("cannot move " + file + " to " + to);
        }
        if (fs.exists(crc)) {
            fs.rename(crc, new Path(dir, "." + to.getName() + ".crc"));
        }
        return to;
    }

    /**
     * The table's data files as they are now, one line each ({@code name length modification-time}), sorted by name;
     * empty when the table has no folder. Committed batches only add files and quarantine only removes them, so two
     * equal listings hold the same rows.
     */
    public List<String> listing(Table<?> table) {
        Path dir = new Path(root, table.name());
        List<String> out = new java.util.ArrayList<>();
        try {
            if (!fs.isDirectory(dir)) {
                return out;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                if (!TableFiles.hidden(s.getPath().getName())) {
                    out.add(s.getPath().getName() + " " + s.getLen() + " " + s.getModificationTime());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        java.util.Collections.sort(out);
        return out;
    }

    /** The text of the small file {@code name} under the root (a hidden name), or null when there is none. */
    public String readNote(String name) {
        Path p = new Path(root, name);
        try {
            if (!fs.isFile(p)) {
                return null;
            }
            try (java.io.InputStream in = fs.open(p)) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    /**
     * Writes the small file {@code name} under the root (a hidden name): written beside it, then moved in place of the
     * old one, so a reader sees the old text, the new, or (between the two moves) none; never a part.
     */
    public void writeNote(String name, String text) {
        Path p = new Path(root, name);
        Path tmp = new Path(p.getParent(), "." + p.getName() + ".tmp");
        try {
            try (java.io.OutputStream out = fs.create(tmp, true)) {
                out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            if (fs.exists(p)) {
                fs.delete(p, false);
            }
            if (!fs.rename(tmp, p)) {
                throw new IOException("cannot move " + tmp + " to " + p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p, e);
        }
    }

    /**
     * Bytes and rows of the table's data files as they are now (from the files' sizes and Parquet footers, no Spark
     * job): what a committed configuration costs on disk.
     */
    public long[] footprint(Table<?> table) {
        Path dir = new Path(root, table.name());
        long bytes = 0;
        long rows = 0;
        try {
            if (!fs.isDirectory(dir)) {
                return new long[] {0, 0};
            }
            TableFiles files = new TableFiles(spark.sparkContext().hadoopConfiguration());
            for (FileStatus s : fs.listStatus(dir)) {
                if (s.isFile() && !TableFiles.hidden(s.getPath().getName())) {
                    TableFiles.Verdict v = files.checkFooter(fs, s, List.of(table));
                    bytes += s.getLen();
                    rows += v.rows();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return new long[] {bytes, rows};
    }

    /** Bytes free where the results are written ({@link FileSystem#getStatus}), or -1 when the file system does not say. */
    public long freeBytes() {
        try {
            Path p = root;
            while (p.getParent() != null && !fs.exists(p)) {
                p = p.getParent();
            }
            return fs.getStatus(p).getRemaining();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Deletes every table folder under the root (for {@code --fresh}). */
    public void deleteTables(List<? extends Table<?>> tables) {
        for (Table<?> t : tables) {
            delete(new Path(root, t.name()));
        }
    }

    private void delete(Path p) {
        try {
            if (fs.exists(p)) {
                fs.delete(p, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }

    /** Row counts per value of {@code column} (e.g. status), in the table as it is now. */
    public Map<String, Long> countBy(Table<?> table, String column) {
        Map<String, Long> out = new LinkedHashMap<>();
        Dataset<Row> df = read(table);
        if (df == null) {
            return out;
        }
        for (Row r : df.groupBy(column).count().orderBy(column).collectAsList()) {
            out.put(String.valueOf(r.get(0)), r.getLong(1));
        }
        return out;
    }
}
