package io.symsweep.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table: its folder name under the output directory, its schema version, its columns, the mapping between a row
 * record and column values in both directions, and how rows of older versions read ({@link Migration}). A result
 * table is keyed by {@code config_id} and carries the {@link Provenance} columns; every table ends with
 * {@code schema_version}.
 */
public interface Table<R> {

    /** The folder and SQL view name: {@code minima}. */
    String name();

    /** Bumped whenever a column is added, removed or changes meaning, or a value is renamed. */
    int schemaVersion();

    /** One line on what a row is. */
    String doc();

    /** The columns, in file order. */
    List<Column<R>> columns();

    /** Rebuilds a record from its column values (as {@link #values(Object)} produced them). */
    R fromValues(Map<String, Object> values);

    /** The column rows are keyed by: {@code config_id} for result tables. */
    String keyColumn();

    /** How rows of older schema versions read as this one, oldest first; each version's step to the next. */
    List<Migration> migrations();

    /** The row's key. */
    default String key(R row) {
        return (String) column(keyColumn()).getter().apply(row);
    }

    /** The versions this table reads: the current one and every one a chain of migrations leads from. */
    default List<Integer> readableVersions() {
        List<Integer> out = new ArrayList<>();
        int v = schemaVersion();
        out.add(v);
        List<Migration> ms = migrations();
        for (int i = ms.size() - 1; i >= 0 && ms.get(i).from() == v - 1; i--) {
            v = ms.get(i).from();
            out.add(0, v);
        }
        return out;
    }

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
