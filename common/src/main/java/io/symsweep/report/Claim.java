package io.symsweep.report;

import java.util.Objects;

/**
 * One claim of a paper, and how it is measured.
 *
 * <p>The SQL runs against the tables of one results folder ({@code symsweep sql --results DIR/<spec>}) and
 * returns exactly one row with the columns {@code predicted} (what theory says, as text or a number),
 * {@code measured} (what the tables say), {@code cases} (how many rows, minima, networks or curves the verdict
 * rests on) and {@code pass} (true when the measured value met the prediction within the stated tolerance).
 * The verdict is in the SQL, so rerunning it by hand shows it.
 *
 * @param id             stable identifier, e.g. {@code cor4.2[l=3,h=2]}; {@code --only} selects by it or by group
 * @param group          the claims it belongs with, e.g. {@code cor4.2}
 * @param title          e.g. "Prop 4.1 / Cor 4.2, l = 3, h = 2"
 * @param statement      what the paper states
 * @param prediction     the prediction in words or a closed form
 * @param tolerance      the tolerance or inequality, with why it is what it is
 * @param spec           the paper spec whose results the SQL reads ({@code figure4}, ...)
 * @param sql            the query
 * @param awaitsColumn   {@code table.column} that must hold a value for the claim to be measured, or null; when it
 *                       is absent, or null in every row, the claim is {@link ClaimStatus#NOT_MEASURED}
 */
public record Claim(String id, String group, String title, String statement, String prediction, String tolerance,
        String spec, String sql, String awaitsColumn) {

    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(sql, "sql");
        if (id.isBlank() || spec.isBlank() || sql.isBlank()) {
            throw new IllegalArgumentException("a claim needs an id, a spec and a query, found id '" + id + "'");
        }
        if (awaitsColumn != null && !awaitsColumn.matches("[a-z_]+\\.[a-z_]+")) {
            throw new IllegalArgumentException("awaitsColumn is table.column, found " + awaitsColumn);
        }
    }

    /** The command that reruns the claim's query on {@code resultsRoot}. */
    public String command(String resultsRoot) {
        return "./symsweep sql --results " + resultsRoot + "/" + spec + " \"" + sql.replace("\"", "\\\"") + "\"";
    }
}
