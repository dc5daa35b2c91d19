package io.symsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' stderr, line by line: {@code ./symsweep} drops the JVM's incubator-module warning and
 * nothing else (a line before it and the command's own lines after it pass unchanged), keeps the exit
 * status, and a query leaves nothing in the working directory; {@code deploy/spark-submit} logs at WARN
 * and shows symsweep's progress lines.
 */
class LauncherIT {

    @TempDir
    Path dir;

    private static Path results;

    @BeforeAll
    static void sweep() throws Exception {
        results = SweepFixture.results();
    }

    record Run(int code, String out, List<String> err) {
    }

    private Run run(Path cwd, Map<String, String> env, String... cmd) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = Launched.builder(List.of(cmd), env).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(p.waitFor(20, TimeUnit.MINUTES), String.join(" ", cmd));
        } finally {
            Launched.stop(p);
        }
        // The filter may write its last bytes just after the JVM ends.
        Thread.sleep(500);
        return new Run(p.exitValue(), Launched.read(out), Launched.read(err).lines().toList());
    }

    private static String symsweep() {
        return Launched.repo().resolve("symsweep").toString();
    }

    @Test
    void onlyTheIncubatorWarningIsDropped() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        Path nowhere = dir.resolve("nowhere");
        Run r = run(cwd, Map.of("JAVA_TOOL_OPTIONS", "-Dsymsweep.launcher.check=1"), symsweep(), "sql", "--results",
                nowhere.toString(), "SELECT 1");
        assertEquals(2, r.code());
        assertEquals(List.of("Picked up JAVA_TOOL_OPTIONS: -Dsymsweep.launcher.check=1",
                "symsweep: --results: no such folder " + nowhere + "; run `symsweep run SPEC` first"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aQueryPrintsItsRowsOnlyAndASyntaxErrorOneLine() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        Run ok = run(cwd, Map.of(), symsweep(), "sql", "--results", results.toString(),
                "SELECT status, count(*) AS n FROM minima GROUP BY status");
        assertEquals(0, ok.code(), String.join("\n", ok.err()));
        assertEquals("status     n\n---------  -\nCONVERGED  3\n(1 row)\n", ok.out());
        assertEquals(List.of(), ok.err(), "nothing on stderr");

        Run bad = run(cwd, Map.of(), symsweep(), "sql", "--results", results.toString(), "SELECT * FORM minima");
        assertEquals(2, bad.code());
        assertEquals(List.of("symsweep: query: [PARSE_SYNTAX_ERROR] Syntax error at or near 'minima': extra input "
                + "'minima'. SQLSTATE: 42601 (line 1, pos 14) (views: barriers, minima, runs)"), bad.err());
        try (Stream<Path> left = Files.list(cwd)) {
            assertEquals(List.of(), left.toList(), "no spark-warehouse/, metastore_db/ or derby.log");
        }
    }

    @Test
    void sparkSubmitLogsAtWarnAndShowsTheProgress() throws Exception {
        Path repo = Launched.repo();
        Path out = dir.resolve("sweep");
        Path clusterDir = Path.of(System.getProperty("symsweep.clusterDir", "target/cluster")).toAbsolutePath();
        Run r = run(repo, Map.of("SYMSWEEP_CLUSTER_DIR", clusterDir.toString()), repo.resolve("deploy/spark-submit").toString(),
                "--master", "local[2]", "--class", "io.symsweep.cli.SymsweepCommand",
                repo.resolve("spark-jobs/target/symsweep.jar").toString(), "run",
                repo.resolve("spark-jobs/src/test/resources/specs/cli.yaml").toString(), "--out", out.toString());
        assertEquals(0, r.code(), String.join("\n", r.err()));
        List<String> info = new ArrayList<>();
        for (String line : r.err()) {
            if (line.matches("\\S+ \\S+ INFO .*") || line.startsWith("Using Spark's default log4j profile")
                    || line.contains("Using incubator modules")) {
                info.add(line);
            }
        }
        assertEquals(List.of(), info, "no INFO lines, no incubator warning");
        assertTrue(r.err().stream().anyMatch(l -> l.startsWith("cli: minima: 3/3 (100%)")), String.join("\n", r.err()));
        assertTrue(r.err().stream().anyMatch(l -> l.startsWith("cli: barriers: 21/21 (100%)")), String.join("\n", r.err()));
        assertTrue(r.out().contains("barriers       21 rows  (21 computed now, 0 already there)  status: OK 21"), r.out());
        assertFalse(r.err().stream().anyMatch(l -> l.contains(" ERROR ")), String.join("\n", r.err()));
    }
}
