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
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
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

    /**
     * {@link #fromRow} of an internal row of {@code schema} (a superset of the table's columns), as a plan's shuffle
     * gives it: arrays are copied out in bulk, where an external {@link Row} would box every element (a minimum's
     * 1,312 weights, once per piece of its probes, were a fifth of a probe batch's time).
     */
    public static <R> R fromInternalRow(Table<R> table, StructType schema, InternalRow row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column<R> c : table.columns()) {
            int i = schema.fieldIndex(c.name());
            values.put(c.name(), row.isNullAt(i) ? null : switch (c.type()) {
                case STRING -> row.getUTF8String(i).toString();
                case INT -> row.getInt(i);
                case LONG -> row.getLong(i);
                case DOUBLE -> row.getDouble(i);
                case BOOLEAN -> row.getBoolean(i);
                case DOUBLE_ARRAY -> row.getArray(i).toDoubleArray();
                case DOUBLE_MATRIX -> {
                    ArrayData outer = row.getArray(i);
                    double[][] m = new double[outer.numElements()][];
                    for (int j = 0; j < m.length; j++) {
                        m[j] = outer.getArray(j).toDoubleArray();
                    }
                    yield m;
                }
                case INT_ARRAY -> row.getArray(i).toIntArray();
                case TIMESTAMP -> org.apache.spark.sql.catalyst.util.DateTimeUtils.microsToInstant(row.getLong(i));
                case LONG_MAP -> {
                    MapData map = row.getMap(i);
                    Map<String, Long> out = new LinkedHashMap<>();
                    for (int j = 0; j < map.numElements(); j++) {
                        out.put(map.keyArray().getUTF8String(j).toString(), map.valueArray().getLong(j));
                    }
                    yield out;
                }
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
