package io.symsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.spark.SparkTables;
import io.symsweep.spark.SparkTestSession;
import io.symsweep.table.BarrierRow;
import io.symsweep.table.MinimumRow;
import io.symsweep.table.RunRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.JobExecutionStatus;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL shell on a dumb terminal over streams (the seam scripts and tests use), on a real sweep's tables
 * in local Spark: multi-line statements, one-line errors after which it goes on, the backslash commands,
 * the history file, and Ctrl-C cancelling a running statement's Spark job but not the shell.
 */
class SqlShellTest {

    @TempDir
    Path dir;

    private static ResultTables tables;

    @BeforeAll
    static void sweep() throws Exception {
        tables = ResultTables.find(SweepFixture.results().toString(), false, new PrintWriter(new StringWriter()));
    }

    record Session(int code, String out, String err) {
    }

    private Session run(String input, Path history) {
        SparkSession spark = SparkTestSession.get().newSession();
        tables.registerViews(spark);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Terminal terminal = SqlShell.streamTerminal(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        int code = new SqlShell(spark, tables, terminal, history, false, new PrintWriter(err), "table", 1000).run();
        return new Session(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    @Test
    void statementsSpanLinesEndAtSemicolonsAndErrorsAreOneLineEach() {
        Session s = run("""
                SELECT factor,
                  count(*) AS n
                FROM barriers
                WHERE factor < 2 GROUP BY factor ORDER BY factor;
                SELEC 1;
                SELECT config_id,
                  nope
                FROM minima;
                SELECT 1/0 AS x;
                \\format csv
                SELECT engine, status, count(*) AS n FROM minima GROUP BY engine, status; SELECT 'a;b' AS s; -- done
                \\format json
                SELECT seed FROM minima ORDER BY seed;
                \\format table
                \\limit 2
                SELECT seed FROM minima ORDER BY seed;
                \\nope
                """, null);
        assertEquals(SweepFixture.FACTOR_COUNTS_TABLE + """
                format: csv
                engine,status,n
                dense,CONVERGED,3
                s
                a;b
                format: json
                {"seed":0}
                {"seed":1}
                {"seed":2}
                format: table
                limit: 2 rows
                seed
                ----
                   0
                   1
                (2 rows; more rows not shown, \\limit N or \\limit 0 for all)
                """, s.out());
        List<String> errors = s.err().lines().toList();
        assertEquals(4, errors.size(), s.err());
        assertEquals("error: [PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'. SQLSTATE: 42601 (line 1, pos 0)",
                errors.get(0));
        assertTrue(errors.get(1).startsWith("error: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function "
                + "parameter with name `nope` cannot be resolved."), errors.get(1));
        assertTrue(errors.get(1).endsWith("SQLSTATE: 42703; line 2 pos 2"), errors.get(1));
        assertTrue(errors.get(2).startsWith("error: [DIVIDE_BY_ZERO] Division by zero."), errors.get(2));
        assertTrue(errors.get(2).endsWith("(line 1, pos 7)"), errors.get(2));
        assertEquals("error: unknown command \\nope; \\? lists the commands", errors.get(3));
        assertEquals(SymsweepCommand.USER_ERROR, s.code(), "a script with a failed statement");
    }

    @Test
    void backslashDListsTheTablesAndTheirColumnsWithTheDeclaredDocs() {
        Session s = run("\\format csv\n\\d\n\\d minima\n", null);
        assertEquals(0, s.code(), s.err());
        List<String> lines = s.out().lines().toList();
        assertEquals("table,columns,doc,location", lines.get(1));
        assertTrue(lines.get(2).startsWith("barriers," + SparkTables.schema(BarrierRow.TABLE).fields().length + ","),
                lines.get(2));
        assertTrue(lines.get(3).startsWith("minima," + SparkTables.schema(MinimumRow.TABLE).fields().length + ","),
                lines.get(3));
        assertTrue(lines.get(3).endsWith(tables.locations().get("minima").get(0)), lines.get(3));
        assertTrue(lines.get(4).startsWith("runs," + SparkTables.schema(RunRow.TABLE).fields().length + ","),
                lines.get(4));
        assertEquals("minima: " + MinimumRow.TABLE.doc(), lines.get(5));
        assertEquals("column,type,doc", lines.get(6));
        List<String> expected = new ArrayList<>();
        for (StructField f : SparkTables.schema(MinimumRow.TABLE).fields()) {
            String doc = f.getComment().get();
            expected.add(f.name() + "," + f.dataType().simpleString() + ","
                    + (doc.contains(",") || doc.contains("\"") ? "\"" + doc.replace("\"", "\"\"") + "\"" : doc));
        }
        assertEquals(expected, lines.subList(7, lines.size()));
    }

    @Test
    void historyKeepsEachStatementWholeForTheNextSession() throws Exception {
        Path history = dir.resolve("history");
        String multiLine = "SELECT count(*) AS n\n  FROM minima;";
        Session s = run(multiLine + "\n\\timing\nSELECT 1 AS one;\n", history);
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("timing: on\n"), s.out());
        assertTrue(s.out().matches("(?s).*one\n---\n  1\n\\(1 row\\)\ntime: \\d+\\.\\d{3} s\n"), s.out());
        assertTrue(Files.size(history) > 0);
        // What the next session's line reader loads from the file (JLine's own reading of it).
        LineReader next = LineReaderBuilder.builder().terminal(SqlShell.streamTerminal(new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream())).variable(LineReader.HISTORY_FILE, history).build();
        List<String> entries = new ArrayList<>();
        for (History.Entry e : new DefaultHistory(next)) {
            entries.add(e.line());
        }
        assertEquals(List.of(multiLine, "\\timing", "SELECT 1 AS one;"), entries);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void ctrlCCancelsTheRunningStatementsJobAndTheShellGoesOn() throws Exception {
        SparkSession spark = SparkTestSession.get().newSession();
        tables.registerViews(spark);
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Terminal terminal = SqlShell.streamTerminal(in, out);
        SqlShell shell = new SqlShell(spark, tables, terminal, null, false, new PrintWriter(err), "table", 1000);
        int[] code = {-1};
        Thread thread = new Thread(() -> code[0] = shell.run(), "shell");
        thread.start();
        // 10^13 rows: hours of work on two cores, unless cancelled.
        keys.write("SELECT sum(id % 10) AS s FROM range(10000000000000);\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        SparkStatusTracker tracker = spark.sparkContext().statusTracker();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int[] running = {};
        while (System.nanoTime() < deadline) {
            running = tracker.getJobIdsForGroup(shell.jobGroup(1));
            if (running.length > 0 && tracker.getJobInfo(running[0]).get().status() == JobExecutionStatus.RUNNING) {
                break;
            }
            Thread.sleep(50);
        }
        try {
            assertTrue(running.length > 0, "the statement's job runs in its own job group");
            terminal.raise(Terminal.Signal.INT);
            keys.write("SELECT 42 AS answer;\n".getBytes(StandardCharsets.UTF_8));
            keys.close();
            thread.join(TimeUnit.SECONDS.toMillis(120));
        } finally {
            // Whatever failed above, the shared session's cores are not left to an endless job.
            spark.sparkContext().cancelJobGroupAndFutureJobs(shell.jobGroup(1), "test over");
        }
        assertFalse(thread.isAlive(), "the shell ended at the end of its input");
        assertEquals("cancelled\n", err.toString());
        assertEquals("answer\n------\n    42\n(1 row)\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(0, code[0], "a cancelled statement is no failure");
        for (int job : running) {
            assertEquals(JobExecutionStatus.FAILED, tracker.getJobInfo(job).get().status(), "job " + job + " was cancelled");
        }
        assertEquals(0, tracker.getActiveJobIds().length);
    }
}
