package io.symsweep.cli;

import org.apache.spark.QueryContext;
import org.apache.spark.SparkThrowable;

/**
 * A failed SQL statement as one line: the first line of Spark's message (error class, text, SQLSTATE) with
 * the position it names. A parse error's first line already ends in {@code (line 1, pos 9)} and an analysis
 * error's in {@code ; line 1 pos 7}; for others (a division by zero at run time) the position comes from
 * the error's query context, in the same 0-based {@code pos} as Spark's parser uses.
 */
final class SqlErrors {

    private SqlErrors() {
    }

    /** The Spark error in {@code e}'s cause chain, or null when the failure is not Spark's SQL error. */
    static SparkThrowable sparkError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SparkThrowable st && st.getCondition() != null) {
                return st;
            }
        }
        return null;
    }

    /** True when {@code e} is a Spark SQL error of the statement's making, not an internal error of Spark's. */
    static boolean isUsers(Throwable e) {
        SparkThrowable st = sparkError(e);
        return st != null && !st.isInternalError();
    }

    /** One line for the failure of statement {@code sql}. */
    static String oneLine(Throwable e, String sql) {
        SparkThrowable st = sparkError(e);
        Throwable shown = st instanceof Throwable t ? t : e;
        String line = firstLine(shown.getMessage());
        if (line.isEmpty()) {
            line = shown.getClass().getSimpleName();
        }
        if (st != null && !line.matches(".*\\bline \\d+,? pos \\d+\\)?$")) {
            for (QueryContext q : st.getQueryContext()) {
                if (q.startIndex() >= 0 && q.startIndex() <= sql.length()) {
                    line += " (" + position(sql, q.startIndex()) + ")";
                    break;
                }
            }
        }
        return line;
    }

    /** The first non-blank line of {@code message}, without a trailing {@code ;}. */
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String first = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        return first.endsWith(";") ? first.substring(0, first.length() - 1) : first;
    }

    /** {@code line L, pos P} of character {@code index} of {@code sql} (lines from 1, positions from 0). */
    static String position(String sql, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", pos " + (index - lineStart);
    }
}
