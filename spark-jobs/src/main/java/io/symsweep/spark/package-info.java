/**
 * The Spark adapter: table declarations to Parquet schemas and rows ({@link io.symsweep.spark.SparkTables}),
 * the result folders ({@link io.symsweep.spark.ResultStore}), and the stages of a sweep
 * ({@link io.symsweep.spark.SweepJob}), each a few lines around a pure function of {@code common}.
 */
package io.symsweep.spark;
