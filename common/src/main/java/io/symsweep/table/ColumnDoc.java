package io.symsweep.table;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The doc of the column a row record's component becomes: the one source of the Parquet column comment and of the
 * README's column table ({@link RecordTable}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ColumnDoc {

    /** One line on what the column holds. */
    String value();

    /**
     * True when a string or array column may be null (a boxed number or boolean is nullable by its type, a primitive
     * never).
     */
    boolean nullable() default false;
}
