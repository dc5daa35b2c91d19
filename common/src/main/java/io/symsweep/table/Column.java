package io.symsweep.table;

import java.util.List;
import java.util.function.Function;

/**
 * One column of a table: name, type, whether it may be null, what it means, the values it may take (the constants
 * of a status enum; empty when free), and how to read it from a row record.
 */
public record Column<R>(String name, ColumnType type, boolean nullable, String doc, List<String> allowedValues,
        Function<R, Object> getter) {

    public Column {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column names are snake_case: " + name);
        }
        if (doc == null || doc.isBlank()) {
            throw new IllegalArgumentException("column " + name + " needs a doc");
        }
        allowedValues = List.copyOf(allowedValues);
    }
}
