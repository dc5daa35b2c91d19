/**
 * The result tables, each declared once: its name, {@code SCHEMA_VERSION}, and every column with its
 * type, a one-line doc and the accessor that maps a row record to it ({@link io.symsweep.table.Table}).
 * The Spark adapter turns a declaration into a Parquet schema; nothing here knows about Spark.
 */
package io.symsweep.table;
