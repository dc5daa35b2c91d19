package io.symsweep.spark;

import java.util.Map;

/**
 * What a run did to one table.
 *
 * @param table    the table's name
 * @param total    rows in the table after the run
 * @param computed rows this run computed and committed
 * @param skipped  configurations skipped because a previous run had committed them
 * @param statuses row count per status, over the whole table
 */
public record TableSummary(String table, long total, long computed, long skipped, Map<String, Long> statuses) {
}
