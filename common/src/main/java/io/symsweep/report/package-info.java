/**
 * The reproduction report: each claim of a paper as a statement, a prediction and the SQL that measures it
 * ({@link io.symsweep.report.Claim}), its verdict ({@link io.symsweep.report.ClaimResult}), the figures drawn
 * headless with JFreeChart ({@link io.symsweep.report.Charts}), and the files a reader opens
 * ({@link io.symsweep.report.ReportWriter}: {@code claims.md}, {@code claims.json}, a self-contained
 * {@code index.html}, one PNG per figure).
 *
 * <p>Plain Java: nothing here runs a query or reads a table. The queries and the Spark session that runs them
 * live in spark-jobs ({@code io.symsweep.reproduce}); what comes back is handed here as plain values.
 */
package io.symsweep.report;
