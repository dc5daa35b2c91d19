package io.symsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.spark.SparkTestSession;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code symsweep check} on a real results folder written by {@code symsweep run}, and on copies of it
 * damaged one way each: the problem line names the file and what is wrong, the exit status is 1, and a
 * clean folder gives 0.
 */
class CheckCommandTest {

    @TempDir
    static Path dir;

    static Path clean;

    /** {@code symsweep args} in-process, without the environment's debug switch. */
    static CommandResult symsweep(String... args) {
        return CommandResult.symsweep(false, args);
    }

    @BeforeAll
    static void runASweep() throws Exception {
        SparkTestSession.get();
        clean = dir.resolve("clean");
        Path spec = Path.of(CheckCommandTest.class.getResource("/specs/cli.yaml").toURI());
        // Batches of 2: several files per table, so that one damaged file leaves others to read.
        CommandResult run = symsweep("run", spec.toString(), "--out", clean.toString(), "--batch", "2");
        assertEquals(0, run.code(), run.err());
    }

    /** A copy of the clean results folder. */
    static Path copy(String name) throws IOException {
        Path to = dir.resolve(name);
        try (Stream<Path> paths = Files.walk(clean)) {
            for (Path p : paths.sorted().toList()) {
                Files.copy(p, to.resolve(clean.relativize(p).toString()));
            }
        }
        return to;
    }

    static List<Path> parts(Path table) throws IOException {
        try (Stream<Path> files = Files.list(table)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }

    static String summary(Path folder, int files, long rows, String problems) {
        return "check " + folder + ": 3 tables (barriers, minima, runs), " + files + " files, " + rows + " rows; "
                + problems + "\n";
    }

    static int files(Path folder) throws IOException {
        return parts(folder.resolve("minima")).size() + parts(folder.resolve("barriers")).size()
                + parts(folder.resolve("runs")).size();
    }

    @Test
    void aCleanFolderHasNoProblems() throws IOException {
        CommandResult r = symsweep("check", clean.toString());
        assertEquals(summary(clean, files(clean), 3 + 21 + 1, "no problems"), r.out());
        assertEquals("", r.err());
        assertEquals(0, r.code());
    }

    @Test
    void eachDamagedFileIsOneLineAndOneDoesNotHideTheOthers() throws IOException {
        Path d = copy("damaged");
        Path minima = d.resolve("minima");
        Path barriers = d.resolve("barriers");
        int files = files(d);
        Path truncated = parts(minima).get(0);
        long length = Files.size(truncated);
        try (RandomAccessFile f = new RandomAccessFile(truncated.toFile(), "rw")) {
            f.setLength(length / 2);
        }
        Files.writeString(barriers.resolve("notes.txt"), "hello\n");
        Files.createFile(barriers.resolve("empty.parquet"));
        Path stray = Files.createDirectory(d.resolve("plots"));
        CommandResult r = symsweep("check", d.toString());
        String expected = barriers.resolve("empty.parquet") + ": empty file (0 bytes), not Parquet\n"
                + barriers.resolve("notes.txt") + ": not a Parquet file (6 bytes; it does not start with PAR1)\n"
                + truncated + ": truncated Parquet file (" + length / 2 + " bytes; it does not end with PAR1, so its "
                + "footer is missing)\n"
                + stray + ": stray folder: not a table of symsweep (" + String.join(", ",
                        io.symsweep.experiment.Experiments.tables().stream().map(t -> t.name()).toList()) + ")\n";
        assertEquals(expected, r.out().substring(0, r.out().lastIndexOf("check ")));
        assertTrue(r.out().endsWith("; 4 problems\n"), r.out());
        assertTrue(r.out().contains(": 3 tables (barriers, minima, runs), " + (files + 2) + " files, "), r.out());
        assertEquals(1, r.code());
    }

    @Test
    void sqlSkipsADamagedFileAndRunQuarantinesItAndComputesItsConfigurationsAgain() throws Exception {
        Path d = copy("damaged-for-run");
        Path minima = d.resolve("minima");
        Path truncated = parts(minima).get(0);
        long lost = rows(truncated);
        Set<String> ids = configIds(minima);
        try (RandomAccessFile f = new RandomAccessFile(truncated.toFile(), "rw")) {
            f.setLength(100);
        }
        Path foreign = d.resolve("barriers").resolve("part-00000-notes.snappy.parquet");
        Files.writeString(foreign, "not Parquet\n");

        CommandResult sql = symsweep("sql", "--results", d.toString(), "--format", "csv", "SELECT count(*) AS n FROM minima");
        assertEquals("n\n" + (3 - lost) + "\n", sql.out(), sql.err());
        assertEquals("symsweep: warning: skipping " + foreign + ": not a Parquet file (12 bytes; it does not "
                + "start with PAR1) (`symsweep run` moves it to " + d + "/_quarantine/; `symsweep check` lists "
                + "every problem)\n"
                + "symsweep: warning: skipping " + truncated + ": truncated Parquet file (100 bytes; it does "
                + "not end with PAR1, so its footer is missing) (`symsweep run` moves it to " + d + "/_quarantine/; "
                + "`symsweep check` lists every problem)\n", sql.err());
        assertEquals(0, sql.code());

        Path spec = Path.of(CheckCommandTest.class.getResource("/specs/cli.yaml").toURI());
        CommandResult run = symsweep("run", spec.toString(), "--out", d.toString(), "--batch", "2");
        String[] err = run.err().lines().filter(l -> !l.startsWith("cli: ")).toArray(String[]::new);
        assertEquals(List.of("symsweep: warning: " + truncated + ": truncated Parquet file (100 bytes; it does not end "
                        + "with PAR1, so its footer is missing); moved to " + d + "/_quarantine/minima/, its "
                        + "configurations are computed again",
                "symsweep: warning: " + foreign + ": not a Parquet file (12 bytes; it does not start with PAR1); moved "
                        + "to " + d + "/_quarantine/barriers/, its configurations are computed again"), List.of(err),
                run.err());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("minima          3 rows  (" + lost + " computed now, " + (3 - lost)
                + " already there)"), run.out());
        assertTrue(run.out().contains("barriers       21 rows  (0 computed now, 21 already there)"), run.out());
        assertEquals(ids, configIds(minima), "the quarantined configurations again, each once");
        assertEquals(3, SparkTestSession.get().read().parquet(minima.toString()).count());
        assertTrue(Files.isRegularFile(d.resolve("_quarantine/minima").resolve(truncated.getFileName())));
        assertTrue(Files.isRegularFile(d.resolve("_quarantine/barriers").resolve(foreign.getFileName())));

        CommandResult check = symsweep("check", d.toString());
        assertEquals("note: " + d + "/_quarantine/barriers/" + foreign.getFileName() + ": quarantined by a run, which "
                + "computed its configurations again (not a Parquet file (12 bytes; it does not start with PAR1)); not "
                + "read by symsweep, delete it when it is of no more use", check.out().lines().findFirst().orElse(""));
        assertTrue(check.out().endsWith("; no problems\n"), check.out());
        assertEquals(0, check.code());
        CommandResult after = symsweep("sql", "--results", d.toString(), "--format", "csv", "SELECT count(*) AS n FROM minima");
        assertEquals("n\n3\n", after.out());
        assertEquals("symsweep: note: 2 damaged files are in " + d + "/_quarantine/ (moved there by `symsweep "
                + "run`, which computed their configurations again) and not queried\n", after.err());
    }

    /** The distinct config ids of a table folder, read by Spark. */
    private static Set<String> configIds(Path table) {
        return SparkTestSession.get().read().parquet(table.toString()).select("config_id").distinct()
                .collectAsList().stream().map(r -> r.getString(0)).collect(java.util.stream.Collectors.toSet());
    }

    /** Copies the first Parquet file of {@code d}'s barriers table to {@code to}; returns the file copied. */
    private static Path copyFirstBarrierFile(Path d, Path to) throws IOException {
        Path part = parts(d.resolve("barriers")).get(0);
        Files.copy(part, to);
        return part;
    }

    @Test
    void aConfigurationTwiceIsADuplicate() throws IOException {
        Path d = copy("duplicated");
        Path again = d.resolve("barriers").resolve("part-99999-copy.snappy.parquet");
        Path part = copyFirstBarrierFile(d, again);
        long rows = rows(part);
        CommandResult r = symsweep("check", d.toString());
        String first = r.out().lines().findFirst().orElse("");
        assertTrue(first.startsWith(d.resolve("barriers") + ": " + rows + " config_id" + (rows > 1 ? "s appear" : " appears")
                + " more than once (" + rows + " extra row" + (rows > 1 ? "s" : "") + "), e.g. "), first);
        assertTrue(first.endsWith(" in " + part.getFileName() + " and " + again.getFileName()), first);
        assertEquals(summary(d, files(d), 3 + 21 + 1 + rows, "1 problem"), r.out().substring(first.length() + 1));
        assertEquals(1, r.code());
    }

    @Test
    void aFileOfAnotherTableOrSchemaVersionIsNamed() throws IOException {
        Path d = copy("foreign");
        Path intruder = d.resolve("minima").resolve("part-00000-from-barriers.snappy.parquet");
        copyFirstBarrierFile(d, intruder);
        CommandResult r = symsweep("check", d.toString());
        String line = r.out().lines().findFirst().orElse("");
        assertTrue(line.startsWith(intruder + ": schema differs from table minima (schema version "), line);
        assertTrue(line.contains("missing columns "), line);
        assertTrue(line.contains("unexpected columns "), line);
        assertEquals(1, r.code());

        Path old = copy("old-version");
        Path rewritten = dir.resolve("rewritten");
        var spark = SparkTestSession.get();
        spark.read().parquet(old.resolve("minima").toString()).withColumn("schema_version", functions.lit(0))
                .coalesce(1).write().parquet(rewritten.toString());
        deleteTree(old.resolve("minima"));
        Files.createDirectory(old.resolve("minima"));
        Path moved = old.resolve("minima").resolve("part-00000-version-0.snappy.parquet");
        Files.copy(parts(rewritten).get(0), moved);
        CommandResult v = symsweep("check", old.toString());
        assertTrue(v.out().startsWith(moved + ": written with schema version [0] of table minima; this symsweep "
                + "writes version "), v.out());
        assertEquals(1, v.code());
    }

    @Test
    void aParquetFileNotWrittenBySparkIsForeign() throws IOException {
        Path d = copy("not-spark");
        Path foreign = d.resolve("minima").resolve("exported.parquet");
        var schema = org.apache.parquet.schema.MessageTypeParser.parseMessageType(
                "message m { required binary config_id (STRING); required int32 schema_version; }");
        var conf = new org.apache.hadoop.conf.Configuration();
        try (var writer = org.apache.parquet.hadoop.example.ExampleParquetWriter
                .builder(new org.apache.hadoop.fs.Path(foreign.toString())).withType(schema).withConf(conf).build()) {
            writer.write(new org.apache.parquet.example.data.simple.SimpleGroupFactory(schema).newGroup()
                    .append("config_id", "0123456789abcdef").append("schema_version", 1));
        }
        CommandResult r = symsweep("check", d.toString());
        assertEquals(foreign + ": foreign Parquet file: not written by Spark (its footer has no Spark schema)",
                r.out().lines().findFirst().orElse(""));
        assertEquals(1, r.code());
    }

    @Test
    void aFileChangedAfterItWasWrittenFailsItsChecksum() throws IOException {
        Path d = copy("changed");
        Path part = parts(d.resolve("minima")).get(0);
        assertTrue(Files.exists(part.resolveSibling("." + part.getFileName() + ".crc")), "Spark wrote a checksum");
        // One letter of a column comment in the footer's Spark schema: still Parquet, same schema, same rows.
        byte[] bytes = Files.readAllBytes(part);
        String latin = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = latin.lastIndexOf("canonical form");
        assertTrue(at > 0, "the comment is in the footer");
        bytes[at] = 'C';
        Files.write(part, bytes);
        CommandResult r = symsweep("check", d.toString());
        assertEquals(part + ": does not match its checksum file ." + part.getFileName() + ".crc (changed after it was "
                + "written)", r.out().lines().findFirst().orElse(""));
        assertEquals(1, r.code());
    }

    @Test
    void aStagingFolderIsANoteAndATableFolderThatIsAFileAProblem() throws IOException {
        Path d = copy("staging");
        Files.createDirectories(d.resolve("minima").resolve("_temporary").resolve("0"));
        CommandResult r = symsweep("check", d.toString());
        assertTrue(r.out().startsWith("note: " + d.resolve("minima").resolve("_temporary") + ": staging folder of an "
                + "interrupted job; the next run of the sweep deletes it\n"), r.out());
        assertEquals(0, r.code(), "a note is not a problem");

        Path f = copy("table-is-a-file");
        deleteTree(f.resolve("barriers"));
        Files.writeString(f.resolve("barriers"), "not a folder\n");
        CommandResult t = symsweep("check", f.toString());
        assertTrue(t.out().startsWith(f.resolve("barriers") + ": a file where the folder of table barriers "
                + "belongs\n"), t.out());
        assertEquals(1, t.code());
    }

    @Test
    void aFolderOfSweepsIsCheckedSweepBySweep() throws IOException {
        Path all = Files.createDirectory(dir.resolve("all"));
        Path one = copy("all/one");
        Path two = copy("all/two");
        Path broken = parts(two.resolve("minima")).get(0);
        Files.writeString(broken, "PAR1 and nothing else");
        CommandResult r = symsweep("check", all.toString());
        assertTrue(r.out().startsWith(all + "/two/minima/" + broken.getFileName() + ": truncated Parquet file (21 "
                + "bytes; it does not end with PAR1, so its footer is missing)\n"), r.out());
        assertTrue(r.out().endsWith("; 1 problem\n"), r.out());
        assertEquals(1, r.code());
        assertTrue(Files.isDirectory(one));
    }

    private static long rows(Path parquet) {
        return SparkTestSession.get().read().parquet(parquet.toString()).count();
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
