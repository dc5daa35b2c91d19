package io.symsweep.cli;

import static io.symsweep.cli.CommandResult.symsweep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.symsweep.spark.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code symsweep sql} and {@code serve} in-process: one-line user errors with exit status 2. */
class SqlCommandTest {

    @TempDir
    static Path dir;

    static Path results;

    @BeforeAll
    static void sweep() throws Exception {
        SparkTestSession.get();
        results = SweepFixture.results();
    }

    private static void assertUserError(CommandResult r, String start) {
        assertEquals(SymsweepCommand.USER_ERROR, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("symsweep: " + start), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aSyntaxErrorNamesItsPosition() {
        CommandResult r = symsweep("sql", "--results", results.toString(), "SELECT * FORM minima");
        assertUserError(r, "query: [PARSE_SYNTAX_ERROR] Syntax error at or near 'minima'");
        assertTrue(r.err().endsWith("SQLSTATE: 42601 (line 1, pos 14) (views: barriers, minima, runs)\n"), r.err());
    }

    @Test
    void anErrorAtRunTimeIsTheUsersToo() {
        CommandResult r = symsweep("sql", "--results", results.toString(), "SELECT seed, 1 / (seed - seed) FROM minima");
        assertUserError(r, "query: [DIVIDE_BY_ZERO] Division by zero.");
        assertTrue(r.err().endsWith("(line 1, pos 13)\n"), r.err());
    }

    @Test
    void ddlOptionsAreChecked() throws Exception {
        assertUserError(symsweep("sql", "--results", results.toString(), "--ddl", "SELECT 1"), "--ddl: prints the tables' DDL");
        assertUserError(symsweep("sql", "--results", results.toString(), "--database", "x", "SELECT 1"),
                "--database: only with --ddl");
        assertUserError(symsweep("sql", "--results", results.toString(), "--ddl", "--database", "a-b"),
                "--database: must be letters, digits and _, found \"a-b\"");
        Path sweeps = dir.resolve("sweeps");
        copy(results, sweeps.resolve("one"));
        copy(results, sweeps.resolve("two"));
        assertUserError(symsweep("sql", "--results", sweeps.toString(), "--ddl", "--all"),
                "--ddl: registers the tables of one sweep, but barriers is in 2 sweeps");
        CommandResult newest = symsweep("sql", "--results", sweeps.toString(), "--ddl");
        assertEquals(0, newest.code(), newest.err());
        assertTrue(newest.err().startsWith("symsweep: querying "), newest.err());
        assertEquals(3, newest.out().split("CREATE TABLE IF NOT EXISTS").length - 1, newest.out());  // minima, barriers, runs
    }

    @Test
    void serveRefusesAPublicAddressWithoutAToken() {
        assumeTrue(System.getenv(ServeCommand.TOKEN_ENV) == null, "no token in this environment");
        CommandResult r = symsweep("serve", "--results", results.toString(), "--bind", "0.0.0.0");
        assertUserError(r, "--bind 0.0.0.0: not a loopback address, and no authentication token is set; export "
                + "SPARK_CONNECT_AUTHENTICATE_TOKEN=<secret>");
    }

    @Test
    void serveChecksItsOptionsBeforeStartingAnything() {
        assertUserError(symsweep("serve", "--results", results.toString(), "--port", "0"), "--port: must be in 1..65535, found 0");
        assertUserError(symsweep("serve", "--results", results.toString(), "--conf",
                "spark.connect.grpc.binding.address=0.0.0.0"), "--conf spark.connect.grpc.binding.address: set by serve");
        assertUserError(symsweep("serve", "--results", dir.resolve("nope").toString()), "--results: no such folder");
    }

    /**
     * The views read a folder main wrote before issue 10 as {@code run} reads it (ResultStore.readAsDeclared): the
     * version-1 minima get version 2's data columns (null), and version 2's NONFINITE barriers read as NOT_FINITE.
     * Read as written, the query fails on the missing column {@code x} and counts no NOT_FINITE.
     */
    @Test
    void viewsReadOlderSchemaVersionsThroughTheirMigrations() throws Exception {
        Path old = dir.resolve("from-e7bc358");
        copy(Path.of(SqlCommandTest.class.getResource("/results-from-e7bc358/rb").toURI()), old);
        CommandResult r = symsweep("sql", "--results", old.toString(), "--format", "csv",
                "SELECT (SELECT count_if(status = 'NOT_FINITE') FROM barriers) AS not_finite, "
                        + "(SELECT count_if(status = 'NONFINITE') FROM barriers) AS old_spelling, "
                        + "(SELECT count_if(x IS NULL AND y IS NULL) FROM minima) AS minima_without_data, "
                        + "(SELECT count(*) FROM minima) AS minima");
        assertEquals(0, r.code(), r.err());
        assertEquals("not_finite,old_spelling,minima_without_data,minima\n2,0,4,4\n", r.out());
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
