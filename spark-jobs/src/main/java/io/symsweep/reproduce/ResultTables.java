package io.symsweep.reproduce;

import io.symsweep.experiment.Experiments;
import io.symsweep.spark.ResultStore;
import io.symsweep.spark.SparkTables;
import io.symsweep.table.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The data-reading layer of the report: for each spec, a Spark session of its own with one temporary view per
 * table folder of {@code ROOT/<spec>}, and queries on those views returned as plain values. A folder named after a
 * declared table is read as {@code symsweep run} reads it ({@link ResultStore#read}): with the declared schema and
 * through its migrations, so rows written by an earlier symsweep read their added columns as null and their renamed
 * values renamed, whichever file Spark would have taken the schema from; another folder is read as it is. On a
 * folder written by one symsweep the views equal {@code symsweep sql --results ROOT/<spec>}'s. The report's code
 * knows table columns only through the SQL text it passes here.
 */
final class ResultTables {

    private final SparkSession spark;
    private final Path root;
    private final FileSystem fs;
    private final Map<String, SparkSession> sessions = new HashMap<>();

    ResultTables(SparkSession spark, String root) {
        this.spark = spark;
        this.root = new Path(root);
        this.fs = ResultStore.fileSystem(spark, root);
    }

    /** The tables of {@code spec}'s folder, by name (empty when it has none). */
    List<String> tables(String spec) {
        List<String> out = new ArrayList<>();
        Path dir = new Path(root, spec);
        try {
            if (!fs.exists(dir)) {
                return out;
            }
            for (FileStatus f : fs.listStatus(dir)) {
                String name = f.getPath().getName();
                if (f.isDirectory() && !name.startsWith("_") && !name.startsWith(".")
                        && Arrays.stream(fs.listStatus(f.getPath())).anyMatch(
                                p -> p.isFile() && p.getPath().getName().endsWith(".parquet"))) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        out.sort(null);
        return out;
    }

    /** True when {@code table} of {@code spec} exists and has {@code column}. */
    boolean hasColumn(String spec, String table, String column) {
        if (!tables(spec).contains(table)) {
            return false;
        }
        return Arrays.asList(session(spec).table(table).columns()).contains(column);
    }

    /** The rows of {@code sql} on {@code spec}'s views, each column by its name (arrays as {@code List}). */
    List<Map<String, Object>> query(String spec, String sql) {
        Dataset<Row> df = session(spec).sql(sql);
        String[] names = df.columns();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                m.put(names[i], plain(r.get(i)));
            }
            out.add(m);
        }
        return out;
    }

    /** True when {@code column} of {@code spec}'s {@code table} holds a value (not null) in some row. */
    /**
     * The series of a figure's query (columns {@code series}, {@code x}, {@code y}): {@code series -> (x[], y[])}, in
     * the order rows came; rows with a null x or y are left out.
     */
    Map<String, double[][]> series(String spec, String sql) {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (Map<String, Object> r : query(spec, sql)) {
            Object x = r.get("x");
            Object y = r.get("y");
            if (x == null || y == null) {
                continue;
            }
            points.computeIfAbsent(String.valueOf(r.get("series")), k -> new ArrayList<>())
                    .add(new double[] {((Number) x).doubleValue(), ((Number) y).doubleValue()});
        }
        Map<String, double[][]> out = new LinkedHashMap<>();
        points.forEach((k, v) -> {
            double[][] xy = new double[2][v.size()];
            for (int i = 0; i < v.size(); i++) {
                xy[0][i] = v.get(i)[0];
                xy[1][i] = v.get(i)[1];
            }
            out.put(k, xy);
        });
        return out;
    }

    boolean hasValues(String spec, String table, String column) {
        return hasColumn(spec, table, column)
                && session(spec).table(table).where(functions.col(column).isNotNull()).limit(1).count() > 0;
    }

    private SparkSession session(String spec) {
        return sessions.computeIfAbsent(spec, s -> {
            SparkSession own = spark.newSession();
            for (String t : tables(s)) {
                String location = new Path(new Path(root, s), t).toString();
                ResultStore.readAsDeclared(own, t, location).createOrReplaceTempView(t);
            }
            return own;
        });
    }

    private static Object plain(Object v) {
        if (v instanceof scala.collection.Seq<?> seq) {
            List<Object> list = new ArrayList<>();
            scala.jdk.javaapi.CollectionConverters.asJava(seq).forEach(e -> list.add(plain(e)));
            return list;
        }
        if (v instanceof java.math.BigDecimal b) {
            return b.doubleValue();
        }
        return v;
    }
}
