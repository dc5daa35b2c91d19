package io.symsweep.spark;

import io.symsweep.table.Column;
import io.symsweep.table.Table;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark's view of a {@link Table} declaration: the schema (each column's doc becomes its Spark comment,
 * which Parquet keeps), and rows to and from records.
 */
public final class SparkTables {

    private SparkTables() {
    }

    /** The Spark schema of {@code table}. */
    public static StructType schema(Table<?> table) {
        List<StructField> fields = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            Metadata doc = new MetadataBuilder().putString("comment", c.doc()).build();
            fields.add(DataTypes.createStructField(c.name(), sparkType(c), c.nullable(), doc));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType sparkType(Column<?> c) {
        return switch (c.type()) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DOUBLE_ARRAY -> DataTypes.createArrayType(DataTypes.DoubleType, false);
            case DOUBLE_MATRIX -> DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType, false),
                    false);
            case INT_ARRAY -> DataTypes.createArrayType(DataTypes.IntegerType, false);
            case TIMESTAMP -> DataTypes.TimestampType;
            case LONG_MAP -> DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false);
        };
    }

    /** The Spark row of {@code record}, columns in declaration order. */
    public static <R> Row toRow(Table<R> table, R record) {
        Object[] values = table.values(record);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Instant t) {
                values[i] = Timestamp.from(t);
            }
        }
        return RowFactory.create(values);
    }

    /** The record of a row read back with {@link #schema(Table)} (or a superset of its columns). */
    public static <R> R fromRow(Table<R> table, Row row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column<R> c : table.columns()) {
            int i = row.fieldIndex(c.name());
            Object v = row.isNullAt(i) ? null : row.get(i);
            values.put(c.name(), switch (c.type()) {
                case DOUBLE_ARRAY -> doubles(v);
                case DOUBLE_MATRIX -> matrix(v);
                case INT_ARRAY -> ints(v);
                case TIMESTAMP -> v instanceof Timestamp t ? t.toInstant() : v;
                case LONG_MAP -> longMap(v);
                default -> v;
            });
        }
        return table.fromValues(values);
    }

    private static List<Object> list(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (v instanceof scala.collection.Iterable<?> s) {
            List<Object> out = new ArrayList<>();
            for (Iterator<?> it = scala.jdk.javaapi.CollectionConverters.asJava(s.iterator()); it.hasNext(); ) {
                out.add(it.next());
            }
            return out;
        }
        if (v instanceof double[] d) {
            List<Object> out = new ArrayList<>();
            for (double x : d) {
                out.add(x);
            }
            return out;
        }
        throw new IllegalArgumentException("not an array value: " + v.getClass());
    }

    private static double[] doubles(Object v) {
        if (v instanceof double[] d) {
            return d.clone();
        }
        List<Object> l = list(v);
        return l == null ? null : l.stream().mapToDouble(x -> (Double) x).toArray();
    }

    private static double[][] matrix(Object v) {
        List<Object> l = list(v);
        if (l == null) {
            return null;
        }
        double[][] out = new double[l.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(l.get(i));
        }
        return out;
    }

    private static Map<String, Long> longMap(Object v) {
        if (v == null) {
            return null;
        }
        Map<String, Long> out = new LinkedHashMap<>();
        if (v instanceof scala.collection.Map<?, ?> m) {
            scala.jdk.javaapi.CollectionConverters.asJava(m).forEach((k, x) -> out.put((String) k, (Long) x));
        } else {
            ((Map<?, ?>) v).forEach((k, x) -> out.put((String) k, (Long) x));
        }
        return out;
    }

    private static int[] ints(Object v) {
        List<Object> l = list(v);
        return l == null ? null : l.stream().mapToInt(x -> (Integer) x).toArray();
    }
}
