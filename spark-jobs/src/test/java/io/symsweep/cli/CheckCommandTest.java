package io.symsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.spark.SparkTestSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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

    record Result(int code, String out, String err) {
    }

    static Result symsweep(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SymsweepCommand.commandLine(new PrintWriter(out), new PrintWriter(err), false).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void runASweep() throws Exception {
        SparkTestSession.get();
        clean = dir.resolve("clean");
        Path spec = Path.of(CheckCommandTest.class.getResource("/specs/cli.yaml").toURI());
        Result run = symsweep("run", spec.toString(), "--out", clean.toString());
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
        Result r = symsweep("check", clean.toString());
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
        Result r = symsweep("check", d.toString());
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
    void runAndSqlOnADamagedFolderAreOneLineAndExitStatusTwo() throws Exception {
        Path d = copy("damaged-for-run");
        Path truncated = parts(d.resolve("minima")).get(0);
        try (RandomAccessFile f = new RandomAccessFile(truncated.toFile(), "rw")) {
            f.setLength(100);
        }
        String expected = "symsweep: " + truncated + ": cannot be read (Spark: Could not read footer.); `symsweep "
                + "check DIR` lists every damaged file of the results folder DIR\n";
        var before = MalformedCommandTest.tree(d);
        Path spec = Path.of(CheckCommandTest.class.getResource("/specs/cli.yaml").toURI());
        Result run = symsweep("run", spec.toString(), "--out", d.toString());
        assertEquals(expected, run.err());
        assertEquals(2, run.code());
        assertEquals(before, MalformedCommandTest.tree(d), "the resume wrote nothing");
        Result sql = symsweep("sql", "--results", d.toString(), "SELECT count(*) FROM minima");
        assertEquals(expected, sql.err());
        assertEquals(2, sql.code());
    }

    @Test
    void aConfigurationTwiceIsADuplicate() throws IOException {
        Path d = copy("duplicated");
        Path part = parts(d.resolve("barriers")).get(0);
        Path again = d.resolve("barriers").resolve("part-99999-copy.snappy.parquet");
        Files.copy(part, again);
        long rows = rows(part);
        Result r = symsweep("check", d.toString());
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
        Path barrierFile = parts(d.resolve("barriers")).get(0);
        Path intruder = d.resolve("minima").resolve("part-00000-from-barriers.snappy.parquet");
        Files.copy(barrierFile, intruder);
        Result r = symsweep("check", d.toString());
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
        Result v = symsweep("check", old.toString());
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
        Result r = symsweep("check", d.toString());
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
        Result r = symsweep("check", d.toString());
        assertEquals(part + ": does not match its checksum file ." + part.getFileName() + ".crc (changed after it was "
                + "written)", r.out().lines().findFirst().orElse(""));
        assertEquals(1, r.code());
    }

    @Test
    void aStagingFolderIsANoteAndATableFolderThatIsAFileAProblem() throws IOException {
        Path d = copy("staging");
        Files.createDirectories(d.resolve("minima").resolve("_temporary").resolve("0"));
        Result r = symsweep("check", d.toString());
        assertTrue(r.out().startsWith("note: " + d.resolve("minima").resolve("_temporary") + ": staging folder of an "
                + "interrupted job; the next run of the sweep deletes it\n"), r.out());
        assertEquals(0, r.code(), "a note is not a problem");

        Path f = copy("table-is-a-file");
        deleteTree(f.resolve("barriers"));
        Files.writeString(f.resolve("barriers"), "not a folder\n");
        Result t = symsweep("check", f.toString());
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
        Result r = symsweep("check", all.toString());
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
