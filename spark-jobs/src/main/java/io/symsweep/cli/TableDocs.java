package io.symsweep.cli;

import io.symsweep.experiment.Experiments;
import io.symsweep.spark.SparkTables;
import io.symsweep.sweep.ExperimentKind;
import io.symsweep.table.Table;
import org.apache.spark.sql.types.StructField;

/**
 * The docs of the result tables as declared: the one place the SQL commands read the table declarations.
 * Column docs normally come with the data (the writer stores each declared doc as the column's comment in
 * the Parquet schema); these are for a table's own doc and for files that carry no comment.
 */
final class TableDocs {

    private TableDocs() {
    }

    /** The declared doc of table {@code name}, or "" when no experiment kind declares it. */
    static String table(String name) {
        Table<?> t = declared(name);
        return t == null ? "" : t.doc();
    }

    /** The declared doc of {@code column} of table {@code name}, or "". */
    static String column(String name, String column) {
        Table<?> t = declared(name);
        if (t == null) {
            return "";
        }
        for (StructField f : SparkTables.schema(t).fields()) {
            if (f.name().equals(column)) {
                return f.getComment().getOrElse(() -> "");
            }
        }
        return "";
    }

    /** The doc of column {@code f} of table {@code name}: its comment in the files, else the declared one. */
    static String of(String name, StructField f) {
        String comment = f.getComment().getOrElse(() -> "");
        return comment.isEmpty() ? column(name, f.name()) : comment;
    }

    private static Table<?> declared(String name) {
        return Experiments.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }
}
