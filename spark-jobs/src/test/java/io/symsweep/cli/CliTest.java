package io.symsweep.cli;

import static io.symsweep.cli.CommandResult.symsweep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.spark.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: exit codes, one-line errors, the run summary and SQL output. */
class CliTest {

    @TempDir
    static Path dir;

    static Path spec() throws Exception {
        return Path.of(CliTest.class.getResource("/specs/cli.yaml").toURI());
    }

    @BeforeAll
    static void session() {
        SparkTestSession.get();
    }

    @Test
    void validatePrintsTheNumberOfConfigurations() throws Exception {
        CommandResult r = symsweep("validate", spec().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("cli: valid rescaling-barrier spec, 21 configurations (3 minima to produce)\n", r.out());
    }

    @Test
    void aBillionConfigurationsAreValidatedFromTheAxes() throws Exception {
        // 10^6 seeds x 10^3 factors: counted and checked without enumerating the product (one combination of the
        // widths' rule, a thousand of the factors' against the range).
        Path billion = Path.of(CliTest.class.getResource("/specs/billion.yaml").toURI());
        CommandResult r = symsweep("validate", "--show", "1", billion.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.out());
        assertEquals("billion: valid rescaling-barrier spec, 1000000000 configurations (1000000 minima to produce)",
                lines[0]);
        assertTrue(lines[1].matches("  [0-9a-f]{16} \\{.*\"probe.factor\":1(\\.0)?,.*\"seed\":0.*\\}"), lines[1]);

        // The same billion with a range of 100: the first factor above it is the first error, one line, status 2.
        Path bad = dir.resolve("billion-bad.yaml");
        Files.writeString(bad, Files.readString(billion).replace("factor_range: 12000", "factor_range: 100"));
        CommandResult e = symsweep("validate", bad.toString());
        assertEquals(2, e.code());
        assertTrue(e.err().startsWith("symsweep: probe.factors: must lie in [1/c, c] = [0.01, 100] since "
                + "probe.factor_range is 100, found 100."), e.err());
        assertEquals(1, e.err().lines().count(), e.err());
        assertEquals("", e.out());
    }

    @Test
    void aBadSpecIsOneLineAndExitStatusTwo() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(spec()).replace("factors: [1.5,", "factors: [1.5, -2,"));
        for (String cmd : new String[] {"validate", "run"}) {
            CommandResult r = symsweep(cmd, bad.toString());
            assertEquals(2, r.code());
            assertEquals("symsweep: probe.factors[1]: must be > 0, found -2\n", r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void aMissingFileIsAUserError() {
        CommandResult r = symsweep("validate", dir.resolve("nope.yaml").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("symsweep: no such file: "), r.err());
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        CommandResult r = symsweep("run", "--nope", "x.yaml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown option: '--nope'"), r.err());
    }

    @Test
    void runThenQuery() throws Exception {
        Path out = dir.resolve("out");
        CommandResult run = symsweep("run", spec().toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("sweep cli (rescaling-barrier): 21 configurations\n"), run.out());
        assertTrue(run.out().contains("minima          3 rows  (3 computed now, 0 already there)"), run.out());
        assertTrue(run.out().contains("barriers       21 rows  (21 computed now, 0 already there)  status: OK 21"),
                run.out());

        CommandResult sql = symsweep("sql", "--results", out.toString(),
                "SELECT factor, count(*) AS n FROM barriers WHERE factor < 2 GROUP BY factor ORDER BY factor");
        assertEquals(0, sql.code(), sql.err());
        assertEquals(SweepFixture.FACTOR_COUNTS_TABLE, sql.out());

        CommandResult csv = symsweep("sql", "--results", out.toString(), "--format", "csv",
                "SELECT engine, status, count(*) AS n FROM minima GROUP BY engine, status");
        assertEquals("engine,status,n\ndense,CONVERGED,3\n", csv.out());

        CommandResult json = symsweep("sql", "--results", out.toString(), "--format", "json",
                "SELECT seed, alphas[12] AS mid FROM barriers WHERE factor = 1.5 ORDER BY seed");
        assertEquals("{\"seed\":0,\"mid\":0.5}\n{\"seed\":1,\"mid\":0.5}\n{\"seed\":2,\"mid\":0.5}\n", json.out());

        CommandResult bad = symsweep("sql", "--results", out.toString(), "SELECT nope FROM barriers");
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().startsWith("symsweep: query: "), bad.err());
        assertFalse(bad.err().contains("\tat "), "no stack trace");
    }

    @Test
    void benchWritesTheJsonFigures() throws Exception {
        Path json = dir.resolve("bench.json");
        CommandResult r = symsweep("bench", "--network", "deep-linear", "--networks", "8", "--repeats", "1", "--warmup", "0",
                "--repeat-seconds", "0.001", "--no-dl4j", "--spark", "--spark-networks", "12", "--spark-steps", "5",
                "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(c) dense, batched"), r.out());
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        for (String key : new String[] {"dl4j_us_per_step", "dense_us_per_step", "dense_batched_us_per_step",
                "probe_evals_per_second"}) {
            assertTrue(tree.has(key), key);
        }
        assertTrue(tree.get("dense_batched_us_per_step").asDouble() > 0);
        assertEquals(tree.get("dense_us_per_step").asDouble() / tree.get("dense_batched_us_per_step").asDouble(),
                tree.get("dense_vs_batched").asDouble(), 1e-12);
        var spark = tree.get("spark");
        assertEquals(12, spark.get("networks").asInt());
        assertEquals(5, spark.get("steps").asInt());
        assertEquals("local[2]", spark.get("master").asText());
        assertEquals(spark.get("in_process_seconds").asDouble() / spark.get("spark_seconds").asDouble(),
                spark.get("spark_speedup").asDouble(), 1e-12);
        assertEquals(12 / spark.get("spark_seconds").asDouble(), spark.get("spark_networks_per_second").asDouble(),
                1e-9);
        assertTrue(spark.get("spark_fixed_overhead_seconds").asDouble() > 0);
        assertTrue(tree.get("spark").get("identical_minima").asBoolean(), "Spark trains the same minima bitwise");
    }

    @Test
    void benchRejectsAnUnknownNetwork() {
        CommandResult r = symsweep("bench", "--network", "resnet50");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("symsweep: --network: must be figure4, wide100, deep-linear"), r.err());
        assertEquals(1, r.err().lines().count());
    }
}
