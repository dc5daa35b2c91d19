package io.symsweep.table;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The docs of the columns a row record's components become, one source for the Parquet column comments and the
 * README's column tables ({@link RecordTable}). One entry per component, in any order: {@code column_name: doc},
 * continued on lines indented further; {@code column_name?:} marks a string or array column that may be null (a boxed
 * number or boolean is nullable by its type, a primitive never). A doc naming no component, or a component without a
 * doc, is an error when the table is declared.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Columns {

    /** The entries, one per column. */
    String value();
}
