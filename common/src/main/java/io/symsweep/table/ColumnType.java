package io.symsweep.table;

/** Column types, named by what they hold; the Spark adapter maps each to one Spark SQL type. */
public enum ColumnType {
    /** {@code String} (also an enum constant's name). */
    STRING,
    /** {@code Integer}. */
    INT,
    /** {@code Long}. */
    LONG,
    /** {@code Double} (NaN and infinities allowed). */
    DOUBLE,
    /** {@code Boolean}. */
    BOOLEAN,
    /** {@code double[]}. */
    DOUBLE_ARRAY,
    /** {@code double[][]}, e.g. one row-major weight matrix per layer. */
    DOUBLE_MATRIX,
    /** {@code int[]}. */
    INT_ARRAY,
    /** {@code java.time.Instant}. */
    TIMESTAMP,
    /** {@code Map<String, Long>}, e.g. rows per table. */
    LONG_MAP
}
