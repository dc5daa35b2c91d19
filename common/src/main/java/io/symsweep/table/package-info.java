/**
 * The tables, each declared once by its row record ({@link io.symsweep.table.RecordTable}): the components are the
 * columns, documented in the record's {@link io.symsweep.table.Columns}, with a shared
 * {@link io.symsweep.table.Provenance}, a status enum per table, a schema version and the
 * {@link io.symsweep.table.Migration}s that read older versions. The Spark adapter turns a declaration into a Parquet
 * schema; nothing here knows about Spark.
 */
package io.symsweep.table;
