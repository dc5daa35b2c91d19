package io.symsweep.table;

import java.util.function.Function;

/**
 * One column of a table: name, type, whether it may be null, what it means, and how to read it from a
 * row record.
 */
public record Column<R>(String name, ColumnType type, boolean nullable, String doc, Function<R, Object> getter) {

    public Column {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column names are snake_case: " + name);
        }
        if (doc == null || doc.isBlank()) {
            throw new IllegalArgumentException("column " + name + " needs a doc");
        }
    }

    /** A non-null column. */
    public static <R> Column<R> of(String name, ColumnType type, String doc, Function<R, Object> getter) {
        return new Column<>(name, type, false, doc, getter);
    }

    /** This column allowing nulls. */
    public Column<R> orNull() {
        return new Column<>(name, type, true, doc, getter);
    }
}
