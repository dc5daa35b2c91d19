package io.symsweep.spark;

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

    /**
     * The table's rows as the current schema version reads them, or null when it has none yet: rows written under an
     * older version are migrated as the table declares ({@link Migration}: added columns are null, renamed values
     * renamed); {@code schema_version} keeps the version each row was written with.
     */
    public Dataset<Row> read(Table<?> table) {
        return exists(table) ? migrated(table, spark.read().schema(SparkTables.schema(table)).parquet(location(table)))
                : null;
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

    /** Appends one batch of rows (one Spark job, committed as a whole). */
    public <R> void append(Table<R> table, JavaRDD<org.apache.spark.sql.Row> rows) {
        spark.createDataFrame(rows, SparkTables.schema(table)).write().mode(SaveMode.Append).parquet(location(table));
    }

    /** Appends one row to {@code runs} (one small file). */
    public void appendRun(RunRow row) {
        spark.createDataFrame(List.of(SparkTables.toRow(RunRow.TABLE, row)), SparkTables.schema(RunRow.TABLE))
                .coalesce(1).write().mode(SaveMode.Append).parquet(location(RunRow.TABLE));
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
