package io.symsweep.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The shared half of every table declaration: name, schema version, doc and columns held once, the key
 * read from the first column ({@code config_id}), and the provenance columns every table ends with. A table
 * class adds only its columns and its {@link Table#fromValues}.
 */
public abstract class DeclaredTable<R> implements Table<R> {

    private final String name;
    private final int schemaVersion;
    private final String doc;
    private final List<Column<R>> columns;

    protected DeclaredTable(String name, int schemaVersion, String doc, List<Column<R>> columns) {
        Set<String> names = new HashSet<>();
        for (Column<R> c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException(name + " declares column " + c.name() + " twice");
            }
        }
        if (columns.isEmpty() || !columns.get(0).name().equals("config_id")) {
            throw new IllegalArgumentException(name + ": the first column must be config_id");
        }
        this.name = name;
        this.schemaVersion = schemaVersion;
        this.doc = doc;
        this.columns = List.copyOf(columns);
    }

    /**
     * {@code columns}, then the provenance every row carries: {@code config} (the canonical form),
     * {@code code_version} and {@code schema_version}.
     */
    @SafeVarargs
    protected static <R> List<Column<R>> withProvenance(int schemaVersion, Function<R, Object> config,
            Function<R, Object> codeVersion, Column<R>... columns) {
        List<Column<R>> all = new ArrayList<>(List.of(columns));
        all.add(Column.of("config", ColumnType.STRING, "canonical form of the configuration (JSON, keys sorted)",
                config));
        all.add(Column.of("code_version", ColumnType.STRING, "symsweep version that computed the row", codeVersion));
        all.add(Column.of("schema_version", ColumnType.INT, "version of this table's schema", r -> schemaVersion));
        return all;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public final String doc() {
        return doc;
    }

    @Override
    public final List<Column<R>> columns() {
        return columns;
    }

    @Override
    public final String key(R row) {
        return (String) columns.get(0).getter().apply(row);
    }
}
