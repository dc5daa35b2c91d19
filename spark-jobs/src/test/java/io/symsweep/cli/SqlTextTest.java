package io.symsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Statement splitting and the shell's "is this buffer complete" rule, on Spark SQL's lexical cases. */
class SqlTextTest {

    @Test
    void semicolonsEndStatements() {
        SqlText t = SqlText.scan("SELECT 1; SELECT 2;\n");
        assertEquals(List.of("SELECT 1", "SELECT 2"), t.statements());
        assertTrue(t.complete());
    }

    @Test
    void aStatementWithoutItsSemicolonIsIncomplete() {
        SqlText t = SqlText.scan("SELECT 1; SELECT\n  2");
        assertEquals(List.of("SELECT 1"), t.statements());
        assertEquals(" SELECT\n  2", t.rest());
        assertFalse(t.complete());
    }

    @Test
    void semicolonsInStringsIdentifiersAndCommentsEndNothing() {
        String sql = "SELECT 'a;b', \"c;d\", `e;f` -- g;h\n, 'it\\'s;' /* i; /* nested; */ j; */ FROM t;";
        SqlText t = SqlText.scan(sql);
        assertEquals(List.of(sql.substring(0, sql.length() - 1)), t.statements());
        assertTrue(t.complete());
    }

    @Test
    void anOpenStringOrCommentKeepsTheBufferOpen() {
        assertFalse(SqlText.scan("SELECT 'abc;").complete());
        assertFalse(SqlText.scan("SELECT 1 /* ; */ /* ;").complete());
        assertFalse(SqlText.scan("SELECT `a;").complete());
        assertTrue(SqlText.scan("SELECT 'it''s';").complete(), "a doubled quote closes and reopens");
    }

    @Test
    void commentsAndBlanksAloneAreNoStatement() {
        SqlText t = SqlText.scan("-- only a comment\n ; /* and another */ ;  ");
        assertEquals(List.of(), t.statements());
        assertTrue(t.complete());
        assertTrue(SqlText.scan("SELECT 1; -- done").complete());
    }

    @Test
    void enterRunsCompleteStatementsCommandsAndQuit() {
        assertTrue(SqlLineParser.isComplete("SELECT 1;"));
        assertFalse(SqlLineParser.isComplete("SELECT 1"));
        assertTrue(SqlLineParser.isComplete("  \\d minima"));
        assertTrue(SqlLineParser.isComplete("quit"));
        assertTrue(SqlLineParser.isComplete("EXIT;"));
        assertTrue(SqlLineParser.isComplete(""));
        assertFalse(SqlLineParser.isComplete("SELECT '\\d"));
    }

    @Test
    void positionsCountLinesFromOneAndColumnsFromZero() {
        String sql = "SELECT a,\n  nope\nFROM t";
        assertEquals("line 1, pos 0", SqlErrors.position(sql, 0));
        assertEquals("line 2, pos 2", SqlErrors.position(sql, sql.indexOf("nope")));
        assertEquals("[X] text. SQLSTATE: 1 (line 1, pos 3)", SqlErrors.firstLine("\n[X] text. SQLSTATE: 1 (line 1, pos 3)\n\n== SQL =="));
        assertEquals("[Y] a; line 1 pos 7", SqlErrors.firstLine("[Y] a; line 1 pos 7;\n'Project"));
    }
}
