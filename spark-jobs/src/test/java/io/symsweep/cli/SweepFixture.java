package io.symsweep.cli;

import io.symsweep.spark.SparkTestSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real sweep's tables for the SQL tests: {@code specs/cli.yaml} (3 minima, 21 barriers) run once per
 * JVM by {@code symsweep run} on the shared test session, into a temporary folder removed at exit.
 */
final class SweepFixture {

    private static Path results;

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
            StringWriter err = new StringWriter();
            int code = SymsweepCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                    .execute("run", spec.toString(), "--out", out.toString());
            if (code != 0) {
                throw new IllegalStateException("symsweep run failed: " + err);
            }
            results = out;
        }
        return results;
    }
}
