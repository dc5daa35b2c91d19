package io.symsweep.table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows made from a table's declaration alone, for the tests that hold every table to its contract (round trips
 * through values and through Parquet): one with edge values in every column (NaN, infinities, {@code -0.0},
 * subnormals, empty and ragged arrays, every enum constant in turn) and one with every nullable column null.
 */
public final class SampleRows {

    private static final double[] EDGES = {Double.NaN, -0.0, 1e-300, Double.MIN_VALUE, Double.POSITIVE_INFINITY,
        1e300, -12000.5, 0.1};

    private SampleRows() {
    }

    /** Two rows of {@code table}: edge values everywhere, then nulls wherever a column allows them. */
    public static <R> List<R> of(Table<R> table) {
        return List.of(row(table, 0), row(table, 1));
    }

    private static <R> R row(Table<R> table, int variant) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Column<R>> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column<R> c = columns.get(i);
            Object v = c.name().equals("schema_version") ? (Object) table.schemaVersion()
                    : c.name().equals(table.keyColumn()) ? "key-" + variant
                    : variant == 1 && c.nullable() ? null : value(c, i + variant);
            values.put(c.name(), v);
        }
        return table.fromValues(values);
    }

    private static Object value(Column<?> c, int k) {
        return switch (c.type()) {
            case STRING -> c.allowedValues().isEmpty() ? c.name() + "-" + k
                    : c.allowedValues().get(k % c.allowedValues().size());
            case INT -> k % 2 == 0 ? -7 - k : Integer.MAX_VALUE - k;
            case LONG -> k % 2 == 0 ? (1L << 40) + k : -3L - k;
            case DOUBLE -> EDGES[k % EDGES.length];
            case BOOLEAN -> k % 2 == 0;
            case DOUBLE_ARRAY -> k % 3 == 0 ? new double[0] : new double[] {EDGES[k % EDGES.length], -0.0, 1, Double.NaN};
            case DOUBLE_MATRIX -> new double[][] {{1, EDGES[k % EDGES.length]}, {}, {Double.NEGATIVE_INFINITY}};
            case INT_ARRAY -> new int[] {2, 0, 1, -k};
            case TIMESTAMP -> Instant.ofEpochSecond(1_760_000_000L + k, 123_456_000L);
            case LONG_MAP -> Map.of("minima", (long) k, "barriers", 0L);
        };
    }
}
