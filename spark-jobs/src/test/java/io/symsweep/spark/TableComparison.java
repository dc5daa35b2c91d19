package io.symsweep.spark;

import io.symsweep.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/** Tables compared row by row, keyed by {@code config_id}, bitwise but for the wall-clock column. */
public final class TableComparison {

    /** The one column that measures the machine rather than the mathematics. */
    public static final String TIMING_COLUMN = "train_seconds";

    private TableComparison() {
    }

    /** The table's rows by config id; fails on a duplicate id. */
    public static <R> Map<String, R> rows(ResultStore store, Table<R> table) {
        Map<String, R> out = new TreeMap<>();
        for (Row r : store.read(table).collectAsList()) {
            R rec = SparkTables.fromRow(table, r);
            if (out.put(table.key(rec), rec) != null) {
                throw new AssertionError(table.name() + " holds config_id " + table.key(rec) + " twice");
            }
        }
        return out;
    }

    /** Descriptions of every difference between the two tables (empty when they are equal). */
    public static <R> List<String> differences(Map<String, R> a, Map<String, R> b, Table<R> table) {
        List<String> out = new ArrayList<>();
        if (!a.keySet().equals(b.keySet())) {
            out.add(table.name() + ": ids differ (" + a.size() + " vs " + b.size() + " rows)");
            return out;
        }
        for (String id : a.keySet()) {
            Object[] va = table.values(a.get(id));
            Object[] vb = table.values(b.get(id));
            for (int i = 0; i < va.length; i++) {
                String column = table.columns().get(i).name();
                if (!column.equals(TIMING_COLUMN) && !Objects.deepEquals(va[i], vb[i])) {
                    out.add(table.name() + " " + id + ": " + column + " differs");
                }
            }
        }
        return out;
    }
}
