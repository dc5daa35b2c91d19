package io.symsweep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

/**
 * The interactive SQL shell of {@code symsweep sql}: reads statements with JLine (history, completion,
 * multi-line statements ended by {@code ;}), runs each on Spark in a job group of its own, and prints the
 * rows. Ctrl-C while a statement runs cancels its Spark jobs (the shell goes on); at the prompt it clears
 * the line; Ctrl-D (end of input) leaves. A failed statement prints one line ({@link SqlErrors}).
 * Backslash commands: {@code \d}, {@code \d TABLE}, {@code \format}, {@code \limit}, {@code \timing},
 * {@code \q}, {@code \?}.
 *
 * <p>It runs on any JLine {@link Terminal}: the user's ({@link #systemTerminal()}), or one over given
 * streams ({@link #streamTerminal}) for scripts and tests.
 */
final class SqlShell {

    static final String PROMPT = "symsweep> ";
    private static final String HELP = """
            Statements end with ; and may span lines; Tab completes tables, columns, keywords, functions.
              \\d            the tables
              \\d TABLE      a table's columns, types and docs
              \\format F     print as table, csv or json (now: %s)
              \\limit N      print at most N rows, 0 for all (now: %d)
              \\timing       time each statement (now: %s)
              \\q            leave (or Ctrl-D); Ctrl-C cancels a running statement
            """;

    private final SparkSession spark;
    private final ResultTables tables;
    private final Terminal terminal;
    private final Path history;
    private final boolean interactive;
    private final PrintWriter out;
    private final PrintWriter err;
    private String format;
    private int limit;
    private boolean timing;
    /** Numbers the shells of this JVM, so job groups stay unique when several share a SparkContext. */
    private static final AtomicInteger SHELLS = new AtomicInteger();

    private final int shell = SHELLS.incrementAndGet();
    private final AtomicReference<String> running = new AtomicReference<>();
    private volatile boolean cancelRequested;
    private int statements;
    private int failures;

    /**
     * @param spark       a session with one view per table of {@code tables}
     * @param terminal    where statements come from and rows go
     * @param history     the history file, or null for none
     * @param interactive prompts, a banner and errors on the terminal; otherwise no prompt and errors on {@code err}
     */
    SqlShell(SparkSession spark, ResultTables tables, Terminal terminal, Path history, boolean interactive,
             PrintWriter err, String format, int limit) {
        this.spark = spark;
        this.tables = tables;
        this.terminal = terminal;
        this.history = history;
        this.interactive = interactive;
        this.out = terminal.writer();
        this.err = interactive ? terminal.writer() : err;
        this.format = format;
        this.limit = limit;
    }

    /** The user's terminal (the JVM's standard input and output must be one). */
    static Terminal systemTerminal() {
        try {
            return TerminalBuilder.builder().system(true).nativeSignals(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }

    /**
     * A dumb terminal over {@code in} and {@code out} (a script on standard input, a test): no echo, no line
     * editing, every line read before the end of input counts. {@link Terminal#raise} of {@code INT} is Ctrl-C.
     */
    static Terminal streamTerminal(InputStream in, OutputStream out) {
        try {
            return new DumbTerminal("symsweep", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a terminal on the given streams", e);
        }
    }

    /** Reads and runs statements until the input ends; 0, or 2 when a non-interactive run had a failure. */
    int run() {
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("symsweep")
                .parser(new SqlLineParser())
                .completer(completer())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, interactive ? "%P -> " : "")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true);
        if (history != null) {
            builder.variable(LineReader.HISTORY_FILE, history);
        } else {
            builder.variable(LineReader.DISABLE_HISTORY, true);
        }
        LineReader reader = builder.build();
        terminal.handle(Terminal.Signal.INT, signal -> cancel());
        if (interactive) {
            out.println("symsweep sql: " + tables.names().size() + " tables (" + String.join(", ", tables.names())
                    + ") from " + String.join(", ", tables.sweeps()) + ". \\? for help.");
            out.flush();
        }
        try {
            while (true) {
                String buffer;
                try {
                    buffer = reader.readLine(interactive ? PROMPT : "");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                String command = buffer.strip();
                if (SqlLineParser.isQuit(command) || command.equals("\\q")) {
                    break;
                }
                if (command.startsWith("\\")) {
                    backslash(command);
                } else {
                    for (String statement : SqlText.scan(buffer).statements()) {
                        execute(statement);
                    }
                }
                out.flush();
                err.flush();
            }
        } finally {
            if (reader.getHistory() != null && history != null) {
                try {
                    reader.getHistory().save();
                } catch (IOException e) {
                    err.println("symsweep: cannot save the history to " + history + ": " + e.getMessage());
                }
            }
            out.flush();
            err.flush();
        }
        return !interactive && failures > 0 ? SymsweepCommand.USER_ERROR : 0;
    }

    /** The Spark job group of this shell's {@code n}-th statement. */
    String jobGroup(int n) {
        return "symsweep-sql-" + shell + "-" + n;
    }

    /** Runs one statement in a job group of its own and prints its rows, a cancellation or its error. */
    void execute(String sql) {
        String group = jobGroup(++statements);
        SparkContext sc = spark.sparkContext();
        cancelRequested = false;
        sc.setJobGroup(group, sql.length() > 200 ? sql.substring(0, 200) + " ..." : sql, true);
        running.set(group);
        long start = System.nanoTime();
        try {
            Dataset<Row> df = spark.sql(sql);
            TablePrinter.print(df, format, limit, out, "\\limit N or \\limit 0 for all");
        } catch (Exception e) {
            if (cancelRequested) {
                // On a terminal the line already shows the echoed ^C.
                err.println(interactive ? System.lineSeparator() + "cancelled" : "cancelled");
            } else {
                failures++;
                err.println("error: " + SqlErrors.oneLine(e, sql));
            }
        } finally {
            running.set(null);
            sc.clearJobGroup();
        }
        if (timing) {
            out.printf(Locale.ROOT, "time: %.3f s%n", (System.nanoTime() - start) * 1e-9);
        }
    }

    /** Cancels the running statement's Spark jobs, and those it would still start (Ctrl-C). */
    void cancel() {
        String group = running.get();
        if (group != null) {
            cancelRequested = true;
            spark.sparkContext().cancelJobGroupAndFutureJobs(group, "cancelled by Ctrl-C in symsweep sql");
        }
    }

    private void backslash(String command) {
        String[] words = command.split("\\s+");
        switch (words[0]) {
            case "\\d" -> {
                if (words.length == 1) {
                    listTables();
                } else {
                    describe(words[1]);
                }
            }
            case "\\format" -> {
                if (words.length == 2 && List.of("table", "csv", "json").contains(words[1])) {
                    format = words[1];
                    out.println("format: " + format);
                } else {
                    err.println("error: \\format table|csv|json (now: " + format + ")");
                }
            }
            case "\\limit" -> {
                try {
                    int n = Integer.parseInt(words.length == 2 ? words[1] : "");
                    if (n < 0) {
                        throw new NumberFormatException();
                    }
                    limit = n;
                    out.println("limit: " + (n == 0 ? "none" : n + " rows"));
                } catch (NumberFormatException e) {
                    err.println("error: \\limit N with N >= 0, 0 for all (now: " + limit + ")");
                }
            }
            case "\\timing" -> {
                timing = words.length == 2 ? words[1].equals("on") : !timing;
                out.println("timing: " + (timing ? "on" : "off"));
            }
            case "\\?", "\\h", "\\help" -> out.print(HELP.formatted(format, limit, timing ? "on" : "off"));
            default -> err.println("error: unknown command " + words[0] + "; \\? lists the commands");
        }
    }

    /** {@code \d}: name, number of columns, doc and folder of each table. */
    private void listTables() {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<String>> t : tables.locations().entrySet()) {
            int columns = spark.table(t.getKey()).schema().fields().length;
            rows.add(RowFactory.create(t.getKey(), columns, TableDocs.table(t.getKey()), String.join(", ", t.getValue())));
        }
        print(rows, TablePrinter.MAX_CELL, "table", "columns", "doc", "location");
    }

    /** {@code \d TABLE}: each column's name, type and doc, for a result table or any view or table Spark knows. */
    private void describe(String name) {
        StructType schema;
        try {
            schema = spark.table(name).schema();
        } catch (Exception e) {
            err.println("error: no table " + name + "; \\d lists them");
            return;
        }
        String doc = TableDocs.table(name);
        if (!doc.isEmpty()) {
            out.println(name + ": " + doc);
        }
        List<Row> rows = new ArrayList<>();
        for (StructField f : schema.fields()) {
            rows.add(RowFactory.create(f.name(), f.dataType().simpleString(), TableDocs.of(name, f)));
        }
        print(rows, Integer.MAX_VALUE, "column", "type", "doc");
    }

    /** Rows of strings (and a {@code columns} count) under {@code header}, cells shortened to {@code maxCell}. */
    private void print(List<Row> rows, int maxCell, String... header) {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            boolean count = header[i].equals("columns");
            fields.add(DataTypes.createStructField(header[i], count ? DataTypes.IntegerType : DataTypes.StringType, false));
        }
        TablePrinter.print(spark.createDataFrame(rows, DataTypes.createStructType(fields)), format, 0, out, "", maxCell);
    }

    private SqlCompleter completer() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String t : tables.names()) {
            columns.put(t, List.of(spark.table(t).schema().fieldNames()));
        }
        List<String> keywords = new ArrayList<>();
        for (Row r : spark.sql("SELECT keyword FROM sql_keywords()").collectAsList()) {
            keywords.add(r.getString(0));
        }
        List<String> functions = new ArrayList<>();
        for (Row r : spark.sql("SHOW FUNCTIONS").collectAsList()) {
            String f = r.getString(0);
            if (f.chars().allMatch(c -> SqlLineParser.isIdentifierPart((char) c))) {
                functions.add(f);
            }
        }
        return new SqlCompleter(columns, keywords, functions);
    }
}
