package io.symsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.experiment.Experiments;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.BarrierRow;
import io.symsweep.table.MinimumRow;
import io.symsweep.table.RunRow;
import io.symsweep.table.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One small sweep end to end on local[2]: tables, the Proposition 5.3 closed form, resume, determinism. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepJobTest {

    /** Relative tolerance of the stored midpoint loss against Equation (15), on minima below 1e-20. */
    private static final double CLOSED_FORM_TOL = 1e-9;

    @TempDir
    static Path dir;

    SparkSession spark;
    SweepSpec spec;
    List<Configuration> configurations;
    ResultStore batched;
    List<TableSummary> first;

    @BeforeAll
    void runOnce() throws Exception {
        spark = SparkTestSession.get();
        spec = Experiments.reader().read(Path.of(getClass().getResource("/specs/small.yaml").toURI()));
        configurations = spec.configurations();
        batched = new ResultStore(spark, dir.resolve("batched").toString());
        // Batches of 4: several Spark jobs per stage, each committing on its own.
        first = new SweepJob(spark, batched, 4).run(spec);
    }

    @Test
    void everyConfigurationExactlyOnce() {
        assertEquals(42, configurations.size(), "3 seeds x 2 engines x 7 factors");
        // The statuses counted here from the rows themselves, not by the summary's query.
        Map<String, Long> statuses = new TreeMap<>();
        TableComparison.rows(batched, MinimumRow.TABLE).values()
                .forEach(m -> statuses.merge(m.status().name(), 1L, Long::sum));
        assertEquals(6, statuses.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(new TableSummary("minima", 6, 6, 0, statuses), first.get(0));
        assertEquals(42, first.get(1).total());
        assertEquals(42, first.get(1).computed());
        for (Table<?> t : List.of(MinimumRow.TABLE, BarrierRow.TABLE)) {
            Row r = batched.read(t).selectExpr("count(*)", "count(distinct config_id)").first();
            assertEquals(r.getLong(0), r.getLong(1), t.name() + " has duplicate config ids");
        }
    }

    @Test
    void midpointLossMatchesProposition53() {
        Map<String, MinimumRow> minima = TableComparison.rows(batched, MinimumRow.TABLE);
        Map<String, BarrierRow> barriers = TableComparison.rows(batched, BarrierRow.TABLE);
        int checked = 0;
        for (BarrierRow b : barriers.values()) {
            MinimumRow m = minima.get(b.minimumId());
            assertEquals(BarrierRow.Status.OK, b.status());
            assertEquals(m.status(), b.minimumStatus());
            if (m.finalLoss() < 1e-20 && b.factor() >= 1.5) {
                double rel = Math.abs(b.midpointLoss() - b.closedFormMidpointLoss()) / b.closedFormMidpointLoss();
                assertTrue(rel <= CLOSED_FORM_TOL, "factor " + b.factor() + ": relative error " + rel);
                checked++;
            }
        }
        long converged = minima.values().stream().filter(m -> m.finalLoss() < 1e-20).count();
        assertTrue(converged >= 4, "most of the 6 minima converge, found " + converged);
        assertEquals(converged * 6, checked, "every factor >= 1.5 of every converged minimum was checked");
    }

    @Test
    void enginesReachTheSameMinimum() {
        Map<String, MinimumRow> minima = TableComparison.rows(batched, MinimumRow.TABLE);
        Map<Long, MinimumRow> dense = new TreeMap<>();
        Map<Long, MinimumRow> dl4j = new TreeMap<>();
        for (MinimumRow m : minima.values()) {
            (m.engine().equals("dense") ? dense : dl4j).put(m.provenance().seed(), m);
        }
        for (long seed : dense.keySet()) {
            MinimumRow a = dense.get(seed);
            MinimumRow b = dl4j.get(seed);
            assertEquals(a.status(), b.status(), "seed " + seed);
            double[] wa = flat(a.weights());
            double[] wb = flat(b.weights());
            double relative = Math.sqrt(java.util.stream.IntStream.range(0, wa.length)
                    .mapToDouble(i -> (wa[i] - wb[i]) * (wa[i] - wb[i])).sum() / java.util.Arrays.stream(wa)
                    .map(x -> x * x).sum());
            assertTrue(relative < 1e-8, "seed " + seed + ": weights differ by " + relative);
        }
    }

    @Test
    void rerunSkipsWhatIsCommittedAndEachRunLeavesARunsRow() {
        long before = batched.read(RunRow.TABLE).count();
        List<TableSummary> again = new SweepJob(spark, batched, 4).run(spec, "the spec's text");
        assertEquals(0, again.get(0).computed());
        assertEquals(6, again.get(0).skipped());
        assertEquals(0, again.get(1).computed());
        assertEquals(42, again.get(1).skipped());
        assertEquals(42, again.get(1).total());
        List<RunRow> runs = batched.read(RunRow.TABLE).collectAsList().stream()
                .map(r -> SparkTables.fromRow(RunRow.TABLE, r)).toList();
        assertEquals(before + 1, runs.size(), "one row per run");
        RunRow first = runs.stream().filter(r -> r.computed().get("barriers") == 42).findFirst().orElseThrow();
        RunRow rerun = runs.stream().filter(r -> r.spec().equals("the spec's text")).findFirst().orElseThrow();
        for (RunRow r : List.of(first, rerun)) {
            assertEquals(RunRow.Status.COMPLETED, r.status());
            assertEquals(Map.of("minima", 6L, "barriers", 42L), r.planned());
            assertEquals("small", r.sweep());
            assertEquals(spark.sparkContext().master(), r.master());
            assertEquals(System.getProperty("os.arch"), r.arch());
            assertTrue(!r.ended().isBefore(r.started()));
            assertTrue(r.dl4jVersion().startsWith("1.0.0"), r.dl4jVersion());
        }
        assertEquals(Map.of("minima", 6L, "barriers", 42L), first.computed());
        assertEquals(Map.of("minima", 0L, "barriers", 0L), rerun.computed());
        assertEquals(Map.of("minima", 6L, "barriers", 42L), rerun.skipped());
        assertEquals(null, rerun.simd(), "the rerun ran no task");
        assertEquals(io.symsweep.engine.DenseEngine.vectorized(), first.simd());
    }

    @Test
    void tablesDoNotDependOnPartitioning() {
        ResultStore oneBatch = new ResultStore(spark, dir.resolve("one-batch").toString());
        new SweepJob(spark, oneBatch, 1000).run(spec);
        assertSameTables(batched, oneBatch, MinimumRow.TABLE);
        assertSameTables(batched, oneBatch, BarrierRow.TABLE);
    }

    @Test
    void everyBatchIsOneFileOfEachTable() throws Exception {
        // 6 minima in batches of 4; 6 groups of 7 probes (one minimum's factors), a group never split.
        assertEquals(List.of(2L, 4L), rowsPerFile(batched, MinimumRow.TABLE));
        assertEquals(List.of(7L, 7L, 7L, 7L, 7L, 7L), rowsPerFile(batched, BarrierRow.TABLE));
    }

    @Test
    void aDamagedFileIsQuarantinedAndItsConfigurationsComputedAgain() throws Exception {
        Path copy = dir.resolve("damaged");
        copyTree(Path.of(batched.root()), copy);
        List<Path> minimaFiles = dataFiles(copy.resolve("minima"));
        List<Path> barrierFiles = dataFiles(copy.resolve("barriers"));
        long minimaLost = rowsOf(minimaFiles.get(0), MinimumRow.TABLE);
        java.nio.file.Files.write(minimaFiles.get(0), new byte[] {'P', 'A', 'R', '1', 0, 0});
        java.nio.file.Files.copy(minimaFiles.get(1), copy.resolve("barriers").resolve("part-77777-minima.parquet"));
        try (var f = new java.io.RandomAccessFile(barrierFiles.get(0).toFile(), "rw")) {
            f.setLength(f.length() - 1);
        }
        java.io.StringWriter said = new java.io.StringWriter();
        ResultStore store = new ResultStore(spark, copy.toString()).messages(new java.io.PrintWriter(said, true));
        List<TableSummary> again = new SweepJob(spark, store, 4).run(spec);
        assertEquals(3, said.toString().lines().count(), said.toString());
        assertTrue(said.toString().contains("part-77777-minima.parquet: schema differs from table barriers"),
                said.toString());
        assertTrue(java.nio.file.Files.exists(copy.resolve("_quarantine/barriers/part-77777-minima.parquet")));
        assertEquals(3, dataFiles(copy.resolve("_quarantine/minima")).size()
                + dataFiles(copy.resolve("_quarantine/barriers")).size());
        assertEquals(minimaLost, again.get(0).computed(), "the truncated file's minima, again");
        assertEquals(7, again.get(1).computed(), "the truncated barriers file's 7 probes, again");
        assertSameTables(batched, store, MinimumRow.TABLE);
        assertSameTables(batched, store, BarrierRow.TABLE);
        for (Table<?> t : List.of(MinimumRow.TABLE, BarrierRow.TABLE)) {
            Row r = store.read(t).selectExpr("count(*)", "count(distinct config_id)").first();
            assertEquals(r.getLong(0), r.getLong(1), t.name() + " has duplicate config ids");
        }
    }

    @Test
    void aCompletedSweepIsNotPlannedAgainUnlessItsFilesChange() throws Exception {
        List<String> note = noteLines(batched);
        assertTrue(note.contains("spec " + spec.fingerprint()), String.join("\n", note));
        assertTrue(note.contains("table minima 6") && note.contains("table barriers 42"), String.join("\n", note));
        assertEquals(dataFiles(Path.of(batched.location(BarrierRow.TABLE))).size(),
                note.stream().filter(l -> l.startsWith("file barriers ")).count(), "one line per barriers file");

        // Same spec, same files: the rerun runs no planning job and says every configuration is there.
        int[] planning = new int[1];
        List<TableSummary> again = withPlanningJobsCounted(planning, () -> new SweepJob(spark, batched, 4).run(spec));
        assertEquals(0, planning[0], "planning jobs of a rerun of a completed sweep");
        assertEquals(List.of(0L, 0L), again.stream().map(TableSummary::computed).toList());
        assertEquals(List.of(6L, 42L), again.stream().map(TableSummary::skipped).toList());

        // A copy with the files' times kept, less one barriers file: planned in full, its 7 probes computed again.
        Path copy = dir.resolve("one-file-less");
        try (var s = java.nio.file.Files.walk(Path.of(batched.root()))) {
            for (Path p : s.sorted().toList()) {
                java.nio.file.Files.copy(p, copy.resolve(Path.of(batched.root()).relativize(p).toString()),
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path lost = dataFiles(copy.resolve("barriers")).get(0);
        java.nio.file.Files.delete(lost);
        java.nio.file.Files.deleteIfExists(lost.resolveSibling("." + lost.getFileName() + ".crc"));
        ResultStore store = new ResultStore(spark, copy.toString());
        assertEquals(note, noteLines(store), "the note was copied");
        planning[0] = 0;
        List<TableSummary> repaired = withPlanningJobsCounted(planning, () -> new SweepJob(spark, store, 4).run(spec));
        assertTrue(planning[0] > 0, "a folder that lost a file is planned");
        assertEquals(List.of(0L, 7L), repaired.stream().map(TableSummary::computed).toList());
        assertSameTables(batched, store, BarrierRow.TABLE);
    }

    /** The lines of the completion note of {@link #spec} in {@code store} (none when it has no note). */
    private List<String> noteLines(ResultStore store) {
        String note = store.readNote(CompletedSweep.path(spec.fingerprint()));
        return note == null ? List.of() : List.of(note.split("\n"));
    }

    /** {@code run}'s result, counting in {@code count[0]} the Spark jobs it started whose description says planning. */
    private List<TableSummary> withPlanningJobsCounted(int[] count,
            java.util.function.Supplier<List<TableSummary>> run) {
        org.apache.spark.scheduler.SparkListener listener = new org.apache.spark.scheduler.SparkListener() {
            @Override
            public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart start) {
                String d = start.properties() == null ? null : start.properties().getProperty("spark.job.description");
                if (d != null && d.endsWith(": planning")) {
                    synchronized (count) {
                        count[0]++;
                    }
                }
            }
        };
        spark.sparkContext().addSparkListener(listener);
        try {
            List<TableSummary> out = run.get();
            try {
                spark.sparkContext().listenerBus().waitUntilEmpty(60_000);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("Spark's listener bus did not drain in 60 s", e);
            }
            return out;
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
    }

    private static long rowsOf(Path file, Table<?> table) throws Exception {
        FileSystem fs = FileSystem.getLocal(new org.apache.hadoop.conf.Configuration());
        return new TableFiles(new org.apache.hadoop.conf.Configuration()).checkFooter(fs,
                fs.getFileStatus(new org.apache.hadoop.fs.Path(file.toString())), List.of(table)).rows();
    }

    private static List<Long> rowsPerFile(ResultStore store, Table<?> table) throws Exception {
        FileSystem fs = FileSystem.getLocal(new org.apache.hadoop.conf.Configuration());
        TableFiles files = new TableFiles(new org.apache.hadoop.conf.Configuration());
        List<Long> rows = new java.util.ArrayList<>();
        for (Path p : dataFiles(Path.of(store.location(table)))) {
            rows.add(files.checkFooter(fs, fs.getFileStatus(new org.apache.hadoop.fs.Path(p.toString())),
                    List.of(table)).rows());
        }
        rows.sort(null);
        return rows;
    }

    private static List<Path> dataFiles(Path dir) throws java.io.IOException {
        try (var s = java.nio.file.Files.list(dir)) {
            return s.filter(p -> !TableFiles.hidden(p.getFileName().toString())).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var s = java.nio.file.Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                java.nio.file.Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    /** Equal rows, bitwise, by config id; training time is the one column that may differ. */
    private static <R> void assertSameTables(ResultStore a, ResultStore b, Table<R> table) {
        List<String> diffs = TableComparison.differences(TableComparison.rows(a, table), TableComparison.rows(b, table),
                table);
        assertTrue(diffs.isEmpty(), String.join("\n", diffs));
    }

    private static double[] flat(double[][] w) {
        return java.util.Arrays.stream(w).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
