package io.symsweep.cli;

import io.symsweep.spark.Sessions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code symsweep sql "QUERY"}: Spark SQL over the result tables, one temporary view per table. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run a Spark SQL query with one temporary view per table found under the results folder "
                + "(minima, barriers, ...).",
                "DIR may be one sweep's folder (results/figure4) or a folder of sweeps (results/): then the most "
                        + "recently written sweep is used, or all of them with --all (rows carry their sweep)."})
final class SqlCommand implements Callable<Integer> {

    enum Format { table, csv, json }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUERY", description = "the SQL query")
    String query;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "results folder (default: ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--all", description = "with a folder of sweeps: union every sweep's tables")
    boolean all;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "print at most N rows (default: ${DEFAULT-VALUE}); 0 for all")
    int limit;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*])")
    String master;

    @Override
    public Integer call() {
        OptionChecks.atLeast("--limit", limit, 0);
        MasterUrl.check(master);
        Map<String, List<String>> views = views();
        PrintWriter out = spec.commandLine().getOut();
        try (Sessions.Lease lease = Sessions.create("symsweep sql", master, Map.of())) {
            SparkSession spark = lease.session();
            for (Map.Entry<String, List<String>> v : views.entrySet()) {
                spark.read().parquet(v.getValue().toArray(String[]::new)).createOrReplaceTempView(v.getKey());
            }
            Dataset<Row> df;
            try {
                df = spark.sql(query);
            } catch (Exception e) {
                // Scala throws AnalysisException (and its ParseException) undeclared.
                if (e instanceof AnalysisException) {
                    throw new UserException("query: " + e.getMessage().lines().findFirst().orElse("")
                            + " (views: " + String.join(", ", views.keySet()) + ")");
                }
                throw e;
            }
            TablePrinter.print(df, format.name(), limit, out);
        }
        return 0;
    }

    /** View name to the folders that hold it. */
    private Map<String, List<String>> views() {
        if (!Files.isDirectory(results)) {
            throw new UserException("--results: no such folder " + results + "; run `symsweep run SPEC` first");
        }
        Map<String, Path> here = tablesIn(results);
        if (!here.isEmpty()) {
            Map<String, List<String>> v = new TreeMap<>();
            here.forEach((name, dir) -> v.put(name, List.of(dir.toString())));
            return v;
        }
        List<Path> sweeps = new ArrayList<>();
        for (Path p : list(results)) {
            if (Files.isDirectory(p) && !tablesIn(p).isEmpty()) {
                sweeps.add(p);
            }
        }
        if (sweeps.isEmpty()) {
            throw new UserException("--results: no tables under " + results + "; run `symsweep run SPEC` first");
        }
        if (!all) {
            Path newest = sweeps.stream().max(Comparator.comparingLong(SqlCommand::newestFile)).orElseThrow();
            if (sweeps.size() > 1) {
                spec.commandLine().getErr().println("symsweep: querying " + newest + ", the newest of " + sweeps.size()
                        + " sweeps under " + results + " (--results DIR to choose, --all for every sweep)");
            }
            sweeps = List.of(newest);
        }
        Map<String, List<String>> v = new TreeMap<>();
        for (Path s : sweeps) {
            tablesIn(s).forEach((name, dir) -> v.computeIfAbsent(name, k -> new ArrayList<>()).add(dir.toString()));
        }
        return v;
    }

    /** Subfolders of {@code dir} holding Parquet files, by name. */
    static Map<String, Path> tablesIn(Path dir) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (Path p : list(dir)) {
            if (Files.isDirectory(p) && !p.getFileName().toString().startsWith("_")
                    && !p.getFileName().toString().startsWith(".")
                    && list(p).stream().anyMatch(f -> f.getFileName().toString().endsWith(".parquet"))) {
                out.put(p.getFileName().toString(), p);
            }
        }
        return out;
    }

    private static long newestFile(Path sweep) {
        long newest = 0;
        for (Path table : tablesIn(sweep).values()) {
            for (Path f : list(table)) {
                try {
                    newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return newest;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
