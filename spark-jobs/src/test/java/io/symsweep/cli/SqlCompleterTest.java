package io.symsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.junit.jupiter.api.Test;

/** What Tab offers where: tables, columns, keywords and functions; only columns after a dot. */
class SqlCompleterTest {

    private final SqlCompleter completer = new SqlCompleter(
            Map.of("minima", List.of("config_id", "final_loss", "status"), "barriers", List.of("config_id", "factor")),
            List.of("select", "from"), List.of("sum", "stack"));

    private Set<String> offered(String buffer) {
        ParsedLine line = new SqlLineParser().parse(buffer, buffer.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, line, candidates);
        Set<String> values = new TreeSet<>();
        candidates.forEach(c -> values.add(c.value()));
        return values;
    }

    @Test
    void anywhereEverything() {
        assertEquals(Set.of("minima", "barriers", "config_id", "final_loss", "status", "factor", "SELECT", "FROM",
                "sum", "stack"), offered("SELECT st"));
    }

    @Test
    void theWordIsTheIdentifierUnderTheCursor() {
        ParsedLine line = new SqlLineParser().parse("SELECT count(fin", 16, Parser.ParseContext.COMPLETE);
        assertEquals("fin", line.word());
        assertEquals(3, line.wordCursor());
    }

    @Test
    void afterATableAndADotItsColumns() {
        assertEquals(Set.of("config_id", "factor"), offered("SELECT barriers.f"));
    }

    @Test
    void afterAnAliasAndADotEveryColumn() {
        assertEquals(Set.of("config_id", "final_loss", "status", "factor"), offered("SELECT m.sta"));
    }

    @Test
    void backslashCommandsTakeTablesOrFormats() {
        assertEquals(Set.of("minima", "barriers"), offered("\\d mi"));
        assertEquals(Set.of("table", "csv", "json"), offered("\\format c"));
        assertTrue(offered("\\tim").isEmpty());
    }
}
