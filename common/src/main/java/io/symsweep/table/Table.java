package io.symsweep.table;

import java.util.List;
import java.util.Map;

/**
 * A result table: its folder name under the output directory, its schema version, its columns, and the
 * mapping between a row record and column values in both directions. Every table has the columns
 * {@code config_id}, {@code sweep} and {@code schema_version}, and is keyed by {@code config_id}.
 */
public interface Table<R> {

    /** The folder and SQL view name: {@code minima}. */
    String name();

    /** Bumped whenever a column is added, removed or changes meaning. */
    int schemaVersion();

    /** One line on what a row is. */
    String doc();

    /** The columns, in file order. */
    List<Column<R>> columns();

    /** Rebuilds a record from its column values (as {@link #values(Object)} produced them). */
    R fromValues(Map<String, Object> values);

    /** The row's key, its {@code config_id}. */
    String key(R row);

    /** Column values of {@code row}, in column order. */
    default Object[] values(R row) {
        List<Column<R>> cols = columns();
        Object[] out = new Object[cols.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cols.get(i).getter().apply(row);
        }
        return out;
    }

    /** The column named {@code name}. */
    default Column<R> column(String name) {
        return columns().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name() + " has no column " + name));
    }

    /**
     * True when the two rows hold equal values in every column (arrays compared element-wise, NaN equal
     * to NaN). Row records hold arrays, so their own {@code equals} is identity.
     */
    default boolean sameValues(R a, R b) {
        return java.util.Arrays.deepEquals(values(a), values(b));
    }
}
