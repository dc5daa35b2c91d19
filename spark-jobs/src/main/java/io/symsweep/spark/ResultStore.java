package io.symsweep.spark;

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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The output directory of a sweep: one Parquet folder per table ({@code <root>/minima}, ...), keyed by
 * {@code config_id}. Rows are appended batch by batch; a batch's files appear only when its Spark job
 * commits (each file moved whole), and a rerun computes only the ids not yet present, so every
 * configuration ends up exactly once even after a crash. Any local, HDFS or object-store URI works.
 */
public final class ResultStore {

    private final SparkSession spark;
    private final Path root;
    private final FileSystem fs;

    public ResultStore(SparkSession spark, String root) {
        this.spark = spark;
        this.root = new Path(root);
        try {
            this.fs = this.root.getFileSystem(spark.sparkContext().hadoopConfiguration());
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

    /** The table's rows, or null when it has none yet. */
    public Dataset<Row> read(Table<?> table) {
        return exists(table) ? spark.read().schema(SparkTables.schema(table)).parquet(location(table)) : null;
    }

    /** The {@code config_id}s already committed to {@code table}. */
    public Set<String> committedIds(Table<?> table) {
        Dataset<Row> df = read(table);
        Set<String> ids = new HashSet<>();
        if (df != null) {
            for (Row r : df.select("config_id").collectAsList()) {
                ids.add(r.getString(0));
            }
        }
        return ids;
    }

    /**
     * Refuses to mix schema versions: the table, if present, must have been written with
     * {@code table.schemaVersion()}.
     */
    public void checkSchema(Table<?> table) {
        if (!exists(table)) {
            return;
        }
        List<Row> versions = spark.read().parquet(location(table)).select("schema_version").distinct().collectAsList();
        for (Row r : versions) {
            if (r.getInt(0) != table.schemaVersion()) {
                throw new IllegalStateException(location(table) + " holds schema version " + r.getInt(0)
                        + " but this symsweep writes version " + table.schemaVersion()
                        + "; run with --fresh or choose another --out");
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

    /** Appends one batch of rows (one Spark job, committed as a whole). */
    public <R> void append(Table<R> table, JavaRDD<org.apache.spark.sql.Row> rows) {
        spark.createDataFrame(rows, SparkTables.schema(table)).write().mode(SaveMode.Append).parquet(location(table));
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
