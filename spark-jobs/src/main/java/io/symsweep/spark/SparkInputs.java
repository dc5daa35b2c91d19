package io.symsweep.spark;

import io.symsweep.data.ColumnTable;
import io.symsweep.data.CsvTableReader;
import io.symsweep.data.DataFileException;
import io.symsweep.experiment.InputFile;
import io.symsweep.experiment.SweepInputs;
import io.symsweep.sweep.SpecException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Reads a sweep's {@link InputFile}s on the driver, each once, into the {@link ColumnTable}s of {@link SweepInputs}:
 * CSV by {@link CsvTableReader}, Parquet by Spark (numeric columns as numbers, a null cell NaN; string columns as
 * text; a column of another type as text, so that naming it as a feature is the same one-line error as a CSV
 * column of words). A file that cannot be read is a {@link SpecException} naming the spec field and the path.
 */
final class SparkInputs {

    private SparkInputs() {
    }

    static SweepInputs read(SparkSession spark, List<InputFile> files) {
        Map<String, ColumnTable> out = new LinkedHashMap<>();
        for (InputFile f : files) {
            if (out.containsKey(f.path())) {
                continue;
            }
            try {
                out.put(f.path(), f.format() == InputFile.Format.CSV ? CsvTableReader.read(Path.of(f.path()))
                        : parquet(spark, f.path()));
            } catch (DataFileException e) {
                throw new SpecException(f.field(), e.getMessage());
            }
        }
        return new SweepInputs(out);
    }

    private static ColumnTable parquet(SparkSession spark, String path) {
        Dataset<Row> df;
        List<Row> rows;
        try {
            df = spark.read().parquet(path);
            rows = df.collectAsList();
        } catch (Exception e) {
            // Spark's AnalysisException (PATH_NOT_FOUND, ...) is checked in Java's eyes but thrown undeclared
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            boolean missing = m.contains("PATH_NOT_FOUND") || m.contains("does not exist");
            throw new DataFileException(path, null, missing ? "no such file"
                    : "cannot be read as Parquet: " + m.lines().findFirst().orElse(m));
        }
        StructField[] fields = df.schema().fields();
        Map<String, ColumnTable.Column> columns = new LinkedHashMap<>();
        for (int j = 0; j < fields.length; j++) {
            DataType t = fields[j].dataType();
            boolean numeric = t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType)
                    || t.equals(DataTypes.IntegerType) || t.equals(DataTypes.LongType)
                    || t.equals(DataTypes.ShortType) || t.equals(DataTypes.ByteType);
            if (numeric) {
                double[] v = new double[rows.size()];
                for (int i = 0; i < v.length; i++) {
                    Object x = rows.get(i).get(j);
                    v[i] = x == null ? Double.NaN : ((Number) x).doubleValue();
                }
                columns.put(fields[j].name(), new ColumnTable.Numeric(v));
            } else {
                String[] v = new String[rows.size()];
                for (int i = 0; i < v.length; i++) {
                    Object x = rows.get(i).get(j);
                    v[i] = x == null ? null : x.toString();
                }
                columns.put(fields[j].name(), new ColumnTable.Text(v));
            }
        }
        if (columns.isEmpty()) {
            throw new DataFileException(path, null, "holds no columns");
        }
        return new ColumnTable(path, columns);
    }
}
