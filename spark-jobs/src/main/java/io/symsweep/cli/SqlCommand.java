package io.symsweep.cli;

import io.symsweep.BuildInfo;
import io.symsweep.spark.Sessions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code symsweep sql}: Spark SQL over the result tables, one temporary view per table. With a QUERY it runs
 * it and prints the rows; without one it is an interactive shell ({@link SqlShell}); with {@code --ddl} it
 * prints the statements that register the tables in a Spark catalog ({@link CatalogDdl}).
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run a Spark SQL query with one temporary view per table found under the results folder "
                + "(minima, barriers, ...); without QUERY, an interactive shell (statements end with ;, \\? for help).",
                "DIR may be one sweep's folder (results/figure4) or a folder of sweeps (results/): then the most "
                        + "recently written sweep is used, or all of them with --all (rows carry their sweep).",
                "--ddl prints CREATE TABLE ... USING parquet LOCATION ... statements that register the tables in "
                        + "a Spark catalog (Hive metastore, Unity, Glue)."})
final class SqlCommand extends Subcommand {

    enum Format { table, csv, json }

    /** Spark loggers whose task-level reports repeat what the one-line error or "cancelled" already says. */
    private static final List<String> TASK_LOGGERS = List.of("org.apache.spark.scheduler.TaskSetManager",
            "org.apache.spark.executor.Executor");

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY",
            description = "the SQL query; without it, an interactive shell")
    String query;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "results folder, local or any Hadoop URI (default: ${DEFAULT-VALUE})")
    String results;

    @Option(names = "--all", description = "with a folder of sweeps: union every sweep's tables")
    boolean all;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "print at most N rows (default: ${DEFAULT-VALUE}); 0 for all")
    int limit;

    @Mixin
    MasterOption master;

    @Option(names = "--ddl", description = "print CREATE TABLE statements for a Spark catalog instead of querying")
    boolean ddl;

    @Option(names = "--database", paramLabel = "DB", description = "with --ddl: create the tables in database DB")
    String database;

    @Option(names = "--history", paramLabel = "FILE",
            description = "the shell's history file (default: ~/.symsweep_history)")
    Path history;

    @Override
    public Integer call() {
        String masterUrl = master.checked();
        PrintWriter out = out();
        PrintWriter err = err();
        OptionChecks.atLeast("--limit", limit, 0);
        if (ddl && query != null) {
            throw new UserException("--ddl: prints the tables' DDL and takes no QUERY, found \"" + query + "\"");
        }
        if (database != null && !ddl) {
            throw new UserException("--database: only with --ddl");
        }
        if (database != null && !database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new UserException("--database: must be letters, digits and _, found \"" + database + "\"");
        }
        ResultTables tables = ResultTables.find(results, all, err);
        Map<String, String> ddlLocations = ddl ? tables.singleLocations("--ddl") : null;
        boolean shell = query == null && !ddl;
        Path warehouse = temporaryWarehouse();
        Map<String, String> conf = Map.of("spark.sql.warehouse.dir", warehouse.toUri().toString(),
                "spark.ui.enabled", "false");
        Sessions.Lease started;
        try {
            // The shell says that Spark starts; a query's output is its rows alone.
            started = shell ? SessionStart.announced(err, "symsweep sql", masterUrl, conf)
                    : SessionStart.lease("symsweep sql", masterUrl, conf);
        } catch (RuntimeException e) {
            deleteRecursively(warehouse);
            throw e;
        }
        try (Sessions.Lease lease = started) {
            SparkSession spark = lease.session();
            if (lease.owned() && spark.sparkContext().isLocal()) {
                TASK_LOGGERS.forEach(name -> Configurator.setLevel(name, Level.OFF));
            }
            if (ddl) {
                out.print(ddl(spark, tables, ddlLocations));
                out.flush();
                return 0;
            }
            tables.registerViews(spark, err);
            if (shell) {
                return shell(spark, tables, err);
            }
            Dataset<Row> df;
            try {
                df = spark.sql(query);
            } catch (Exception e) {
                // Scala throws AnalysisException (and its ParseException) undeclared.
                if (SqlErrors.isUsers(e)) {
                    throw new UserException("query: " + SqlErrors.oneLine(e, query) + " (views: "
                            + String.join(", ", tables.names()) + ")");
                }
                throw e;
            }
            try {
                TablePrinter.print(df, format.name(), limit, out);
            } catch (Exception e) {
                // An error the query raised as it ran (a division by zero, assert_true) is the user's too.
                if (SqlErrors.isUsers(e)) {
                    throw new UserException("query: " + SqlErrors.oneLine(e, query));
                }
                throw e;
            }
        } finally {
            deleteRecursively(warehouse);
        }
        return 0;
    }

    private int shell(SparkSession spark, ResultTables tables, PrintWriter err) {
        boolean interactive = System.console() != null;
        Path file = history != null ? history : Path.of(System.getProperty("user.home"), ".symsweep_history");
        var terminal = interactive ? SqlShell.systemTerminal() : SqlShell.streamTerminal(System.in, System.out);
        try (terminal) {
            return new SqlShell(spark, tables, terminal, interactive || history != null ? file : null, interactive,
                    err, format.name(), limit).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String ddl(SparkSession spark, ResultTables tables, Map<String, String> locations) {
        Map<String, CatalogDdl.Source> sources = new LinkedHashMap<>();
        locations.forEach((name, location) ->
                sources.put(name, new CatalogDdl.Source(location, spark.read().parquet(location).schema())));
        String header = "symsweep " + BuildInfo.version() + ": the tables of " + String.join(", ", tables.sweeps())
                + "\nin a Spark catalog (spark-sql -f FILE, or paste into a notebook); after a rerun adds rows: "
                + "REFRESH TABLE name";
        return CatalogDdl.script(header, CatalogDdl.statements(database, sources));
    }

    /** The master a session will have: {@code --master}, else spark-submit's, else {@code local[*]}. */
    static String masterShown(String master) {
        return master != null ? master : System.getProperty("spark.master", "local[*]");
    }

    /**
     * A fresh folder for Spark's warehouse, so no spark-warehouse/ appears in the working directory; removed
     * by the command when it ends, and by the JVM at exit (Ctrl-C) if it is still empty.
     */
    static Path temporaryWarehouse() {
        try {
            Path dir = Files.createTempDirectory("symsweep-warehouse-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
