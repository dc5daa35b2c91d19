package io.symsweep.cli;

import io.symsweep.spark.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real sweep's tables for the SQL tests: {@code specs/cli.yaml} (3 minima, 21 barriers) run once per
 * JVM by {@code symsweep run} on the shared test session, into a temporary folder removed at exit.
 */
final class SweepFixture {

    private static Path results;

    /**
     * The sweep's factors below 2 with their barrier counts, as {@code symsweep sql} prints them in table format
     * ({@code SELECT factor, count(*) AS n FROM barriers WHERE factor < 2 GROUP BY factor ORDER BY factor}).
     */
    static final String FACTOR_COUNTS_TABLE = """
            factor  n
            ------  -
               1.0  3
               1.5  3
            (2 rows)
            """;

    private SweepFixture() {
    }

    /** The sweep's folder ({@code .../cli} holding {@code minima/} and {@code barriers/}). */
    static synchronized Path results() throws Exception {
        if (results == null) {
            SparkTestSession.get();
            Path dir = Files.createTempDirectory("symsweep-sql-tests-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> SqlCommand.deleteRecursively(dir)));
            Path out = dir.resolve("cli");
            Path spec = Path.of(SweepFixture.class.getResource("/specs/cli.yaml").toURI());
            CommandResult run = CommandResult.symsweep("run", spec.toString(), "--out", out.toString());
            if (run.code() != 0) {
                throw new IllegalStateException("symsweep run failed: " + run.err());
            }
            results = out;
        }
        return results;
    }
}
