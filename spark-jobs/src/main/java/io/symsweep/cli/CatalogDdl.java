package io.symsweep.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark SQL statements that register result tables in a catalog (Spark's in-memory catalog, a Hive
 * metastore, Unity, Glue): {@code CREATE TABLE IF NOT EXISTS ... USING parquet LOCATION ...}, one per
 * table, with each column's doc as its {@code COMMENT} and the table's doc as the table comment. The
 * tables are external: dropping one leaves its files. Spark lists a table's files when a query first
 * reads it; {@code REFRESH TABLE} picks up what a later run added.
 */
final class CatalogDdl {

    /** A table to register: its folder and the schema of its files (with their column comments). */
    record Source(String location, StructType schema) {
    }

    private CatalogDdl() {
    }

    /**
     * The statements, each without its terminating {@code ;}: {@code CREATE DATABASE IF NOT EXISTS} first when
     * {@code database} is not null, then one {@code CREATE TABLE} per entry of {@code tables}.
     */
    static List<String> statements(String database, Map<String, Source> tables) {
        List<String> out = new ArrayList<>();
        if (database != null) {
            out.add("CREATE DATABASE IF NOT EXISTS " + identifier(database));
        }
        String prefix = database == null ? "" : identifier(database) + ".";
        tables.forEach((name, source) -> {
            StringBuilder b = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(prefix).append(identifier(name))
                    .append(" (\n");
            StructField[] fields = source.schema().fields();
            for (int i = 0; i < fields.length; i++) {
                StructField f = fields[i];
                b.append("  ").append(identifier(f.name())).append(' ').append(f.dataType().sql());
                String doc = TableDocs.of(name, f);
                if (!doc.isEmpty()) {
                    b.append(" COMMENT ").append(literal(doc));
                }
                b.append(i + 1 < fields.length ? ",\n" : "\n");
            }
            b.append(")\nUSING parquet\n");
            String doc = TableDocs.table(name);
            if (!doc.isEmpty()) {
                b.append("COMMENT ").append(literal(doc)).append('\n');
            }
            b.append("LOCATION ").append(literal(source.location()));
            out.add(b.toString());
        });
        return out;
    }

    /** The statements as a script: each ended by {@code ;}, a blank line between them. */
    static String script(String header, List<String> statements) {
        StringBuilder b = new StringBuilder();
        header.lines().forEach(l -> b.append("-- ").append(l).append('\n'));
        for (String s : statements) {
            b.append('\n').append(s).append(";\n");
        }
        return b.toString();
    }

    /** A back-quoted identifier ({@code `a``b`} for a name holding a back quote). */
    static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** A single-quoted Spark SQL string literal, with Spark's backslash escapes. */
    static String literal(String s) {
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
