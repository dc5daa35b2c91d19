package io.symsweep.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.experiment.Experiments;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.AlignmentRow;
import io.symsweep.table.MergeRow;
import io.symsweep.table.ModelRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-stage {@code alignment} kind through {@link SweepJob} on a user's file: a CSV and the same table as
 * Parquet (read by Spark on the driver) give bitwise the same models; every pair and merge once; a rerun computes
 * nothing; a missing column or a word among numbers is a spec error before any stage, with nothing written.
 */
class AlignmentJobTest {

    @TempDir
    static Path dir;

    static Path csv;
    static Path parquet;

    /** 240 rows: four Gaussian features, a label a/b/c from the largest of three fixed linear scores. */
    @BeforeAll
    static void writeData() throws IOException {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder b = new StringBuilder("x0,x1,x2,x3,kind\n");
        List<Row> rows = new ArrayList<>();
        double[][] w = {{1, -1, 0.5, 0}, {-0.5, 1, 1, -1}, {0, 0.3, -1, 1}};
        for (int i = 0; i < 240; i++) {
            double[] x = new double[4];
            for (int j = 0; j < 4; j++) {
                x[j] = rng.nextGaussian();
            }
            int best = 0;
            double top = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 3; k++) {
                double s = 0;
                for (int j = 0; j < 4; j++) {
                    s += w[k][j] * x[j];
                }
                if (s > top) {
                    top = s;
                    best = k;
                }
            }
            String label = String.valueOf((char) ('a' + best));
            b.append(x[0]).append(',').append(x[1]).append(',').append(x[2]).append(',').append(x[3]).append(',')
                    .append(label).append('\n');
            rows.add(RowFactory.create(x[0], x[1], x[2], x[3], label));
        }
        csv = dir.resolve("points.csv");
        Files.writeString(csv, b.toString());
        parquet = dir.resolve("points.parquet");
        StructType schema = new StructType().add("x0", DataTypes.DoubleType).add("x1", DataTypes.DoubleType)
                .add("x2", DataTypes.DoubleType).add("x3", DataTypes.DoubleType).add("kind", DataTypes.StringType);
        SparkTestSession.get().createDataFrame(rows, schema).coalesce(1).write().parquet(parquet.toString());
    }

    static SweepSpec spec(Path file, String label) {
        return Experiments.reader().parse("""
                name: points
                kind: alignment
                data:
                  source: file
                  file: {path: "%s", label: %s}
                  test_samples: 60
                model: {widths: [4, 8, 8, 3]}
                training: {epochs: 5, batch_size: 32, learning_rate: 0.01}
                seeds: 0..2
                alignment:
                  classes: [none, permutation]
                  methods: weight_matching
                merge: {models: 3}
                """.formatted(file, label));
    }

    static <R> Map<String, R> rows(ResultStore store, io.symsweep.table.Table<R> table) {
        Map<String, R> out = new TreeMap<>();
        for (Row r : store.read(table).collectAsList()) {
            R x = SparkTables.fromRow(table, r);
            out.put(table.key(x), x);
        }
        return out;
    }

    @Test
    void csvAndParquetGiveTheSameModelsAndEveryProbeIsComputedOnce() {
        SparkSession spark = SparkTestSession.get();
        SweepSpec fromCsv = spec(csv, "kind");
        ResultStore a = new ResultStore(spark, dir.resolve("csv").toString());
        List<TableSummary> first = new SweepJob(spark, a, 4).run(fromCsv);
        Map<String, Long> computed = new TreeMap<>();
        first.forEach(t -> computed.put(t.table(), t.computed()));
        assertEquals(Map.of("models", 3L, "alignments", 6L, "merges", 2L), computed);
        Map<String, ModelRow> models = rows(a, ModelRow.TABLE);
        for (ModelRow m : models.values()) {
            assertEquals(ModelRow.Status.TRAINED, m.status());
            assertEquals(180, m.trainIndices().length);
            assertEquals("file:" + csv, m.dataset());
        }
        for (AlignmentRow r : rows(a, AlignmentRow.TABLE).values()) {
            assertEquals(AlignmentRow.Status.OK, r.status(), r.detail());
            assertTrue(models.containsKey(r.modelA()) && models.containsKey(r.modelB()));
            assertTrue(r.equivalenceError() < 1e-12);
        }
        for (MergeRow m : rows(a, MergeRow.TABLE).values()) {
            assertEquals(3, m.members().split(",").length);
        }
        List<TableSummary> again = new SweepJob(spark, a, 4).run(fromCsv);
        again.forEach(t -> assertEquals(0, t.computed(), t.table() + " recomputed"));

        // the models equal those trained in plain Java on the CSV read here (the broadcast carries the same table)
        io.symsweep.experiment.AlignmentExperiment kind = new io.symsweep.experiment.AlignmentExperiment();
        List<io.symsweep.sweep.Configuration> modelConfigs = kind.artefactsOf(fromCsv.configurations().get(0));
        List<ModelRow> local = kind.produce(modelConfigs, "points", io.symsweep.sweep.ExecutionSettings.AUTOMATIC,
                io.symsweep.experiment.SweepInputs.readLocally(kind.inputFiles(fromCsv.configurations())));
        for (ModelRow m : local) {
            ModelRow spark1 = models.get(m.provenance().configId());
            for (int k = 0; k < m.weights().length; k++) {
                assertArrayEquals(m.weights()[k], spark1.weights()[k], 0.0);
            }
        }

        SweepSpec fromParquet = spec(parquet, "kind");
        ResultStore b = new ResultStore(spark, dir.resolve("parquet").toString());
        // Automatic batches: the alignment kind's first batch is 4 configurations, not 5,000 (a whole stage).
        new SweepJob(spark, b).run(fromParquet);
        List<Long> perFile = spark.read().parquet(b.location(AlignmentRow.TABLE))
                .groupBy(org.apache.spark.sql.functions.input_file_name()).count().collectAsList().stream()
                .map(r -> r.getLong(1)).sorted().toList();
        assertTrue(perFile.size() >= 2 && perFile.get(perFile.size() - 1) <= 4, "alignments per batch file: " + perFile);
        Map<String, ModelRow> fromB = rows(b, ModelRow.TABLE);
        assertEquals(3, fromB.size());
        for (ModelRow m : fromB.values()) {
            // another path is another model (its seed derives from its id), on the same data
            assertEquals(models.values().iterator().next().dataHash(), m.dataHash(), "one table in either format");
        }
        assertEquals(6, rows(b, AlignmentRow.TABLE).size());
    }

    @Test
    void aMissingColumnOrAWordIsASpecErrorBeforeAnyStage() throws IOException {
        SparkSession spark = SparkTestSession.get();
        SweepSpec missing = spec(parquet, "label");
        ResultStore store = new ResultStore(spark, dir.resolve("bad").toString());
        SpecException e = assertThrows(SpecException.class,
                () -> new SweepJob(spark, store, 4).run(missing));
        assertEquals("data.file.path: " + parquet + ", column label: no such column; the file has [x0, x1, x2, x3, "
                + "kind]", e.getMessage());
        assertFalse(store.exists(ModelRow.TABLE), "nothing trained");

        Path words = dir.resolve("words.csv");
        String text = Files.readString(csv);
        Files.writeString(words, text.replaceFirst("\n[^,]+,", "\nn/a,"));
        SweepSpec word = spec(words, "kind");
        SpecException w = assertThrows(SpecException.class,
                () -> new SweepJob(spark, store, 4).run(word));
        assertEquals("data.file.path: " + words + ", column x0: row 1 holds \"n/a\", not a number", w.getMessage());
        assertFalse(store.exists(ModelRow.TABLE));
    }
}
