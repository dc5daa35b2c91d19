package io.symsweep.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion in the shell: table and column names, Spark SQL keywords and function names. After
 * {@code name.} only columns are offered (of table {@code name} when it is one); after {@code \d} only
 * tables, after {@code \format} the formats. JLine matches the typed prefix against these.
 */
final class SqlCompleter implements Completer {

    private final Map<String, List<String>> columnsByTable;
    private final Set<String> keywords;
    private final Set<String> functions;

    /**
     * @param columnsByTable each table's column names
     * @param keywords       Spark SQL's keywords ({@code sql_keywords()}), offered in upper case
     * @param functions      function names ({@code SHOW FUNCTIONS})
     */
    SqlCompleter(Map<String, List<String>> columnsByTable, Collection<String> keywords, Collection<String> functions) {
        this.columnsByTable = new TreeMap<>(columnsByTable);
        this.keywords = new TreeSet<>();
        keywords.forEach(k -> this.keywords.add(k.toUpperCase(Locale.ROOT)));
        this.functions = new TreeSet<>(functions);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String buffer = line.line();
        int wordStart = line.cursor() - line.wordCursor();
        String before = buffer.substring(0, wordStart);
        String command = before.stripLeading();
        if (command.startsWith("\\")) {
            String name = command.split("\\s+", 2)[0];
            if (name.equals("\\d") && !command.equals(name)) {
                columnsByTable.keySet().forEach(t -> candidates.add(candidate(t, "tables", null)));
            } else if (name.equals("\\format") && !command.equals(name)) {
                for (String f : List.of("table", "csv", "json")) {
                    candidates.add(candidate(f, "formats", null));
                }
            }
            return;
        }
        if (before.endsWith(".")) {
            int q = before.length() - 1;
            while (q > 0 && SqlLineParser.isIdentifierPart(before.charAt(q - 1))) {
                q--;
            }
            String qualifier = before.substring(q, before.length() - 1);
            List<String> own = columnsByTable.get(qualifier);
            columns(own != null ? Map.of(qualifier, own) : columnsByTable, candidates);
            return;
        }
        columnsByTable.keySet().forEach(t -> candidates.add(candidate(t, "tables", null)));
        columns(columnsByTable, candidates);
        keywords.forEach(k -> candidates.add(candidate(k, "keywords", null)));
        functions.forEach(f -> candidates.add(candidate(f, "functions", null)));
    }

    /** One candidate per column name, described by the tables that have it. */
    private static void columns(Map<String, List<String>> byTable, List<Candidate> candidates) {
        Map<String, List<String>> tablesOf = new TreeMap<>();
        byTable.forEach((table, cols) -> cols.forEach(c -> tablesOf.computeIfAbsent(c, k -> new ArrayList<>()).add(table)));
        tablesOf.forEach((c, tables) -> candidates.add(candidate(c, "columns", String.join(", ", tables))));
    }

    private static Candidate candidate(String value, String group, String description) {
        return new Candidate(value, value, group, description, null, null, true);
    }
}
