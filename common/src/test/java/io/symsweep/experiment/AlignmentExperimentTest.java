package io.symsweep.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.experiment.IndependentExperiment.TableRows;
import io.symsweep.experiment.TwoStageExperiment.ProbeGroup;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.AlignmentRow;
import io.symsweep.table.MergeRow;
import io.symsweep.table.ModelRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code alignment} kind in plain Java: its configurations, its two stages, its rows and its spec errors. */
class AlignmentExperimentTest {

    static final String DIGITS = """
            name: t
            kind: alignment
            model: {widths: [64, 12, 12, 10]}
            training: {epochs: 4, batch_size: 64, learning_rate: 0.01}
            seeds: 0..2
            alignment:
              classes: [none, permutation]
              methods: [weight_matching, activation_matching]
            merge: {models: 3}
            """;

    static SweepSpec parse(String yaml) {
        return Experiments.reader().parse(yaml);
    }

    /** Both stages for every configuration of {@code spec}, grouped by artefacts as the Spark adapter groups them. */
    static Map<String, List<Object>> run(SweepSpec spec) {
        AlignmentExperiment kind = new AlignmentExperiment();
        List<Configuration> cs = spec.configurations();
        Map<String, Configuration> models = new LinkedHashMap<>();
        Map<List<String>, List<Configuration>> groups = new LinkedHashMap<>();
        for (Configuration c : cs) {
            List<String> ids = new ArrayList<>();
            for (Configuration m : kind.artefactsOf(c)) {
                models.putIfAbsent(m.id(), m);
                ids.add(m.id());
            }
            groups.computeIfAbsent(ids, k -> new ArrayList<>()).add(c);
        }
        Map<String, ModelRow> trained = new LinkedHashMap<>();
        for (ModelRow r : kind.produce(List.copyOf(models.values()), "t", ExecutionSettings.AUTOMATIC)) {
            trained.put(r.provenance().configId(), r);
        }
        Map<String, List<Object>> out = new LinkedHashMap<>();
        out.put("models", new ArrayList<>(trained.values()));
        out.put("alignments", new ArrayList<>());
        out.put("merges", new ArrayList<>());
        groups.forEach((ids, probes) -> {
            for (TableRows<?> tr : kind.probe(new ProbeGroup<>(ids.stream().map(trained::get).toList(), probes), "t",
                    ExecutionSettings.AUTOMATIC)) {
                out.get(tr.table().name()).addAll(tr.rows());
            }
        });
        return out;
    }

    @Test
    void pairsOfSeedsAndMergesAreOneAxisOfGroups() {
        SweepSpec spec = parse(DIGITS);
        List<Configuration> cs = spec.configurations();
        // 3 pairs x {none, permutation/weight_matching, permutation/activation_matching}, then 1 merge x the same 3
        assertEquals(12, cs.size());
        AlignmentExperiment kind = new AlignmentExperiment();
        assertEquals(List.of(0L, 1L), AlignmentExperiment.seeds(cs.get(0)));
        assertEquals(List.of(0L, 1L, 2L), AlignmentExperiment.seeds(cs.get(cs.size() - 1)));
        assertEquals(List.of(AlignmentRow.TABLE), kind.probeTablesOf(cs.get(0)));
        assertEquals(List.of(MergeRow.TABLE), kind.probeTablesOf(cs.get(cs.size() - 1)));
        java.util.Set<String> models = new java.util.HashSet<>();
        cs.forEach(c -> kind.artefactsOf(c).forEach(m -> models.add(m.id())));
        assertEquals(3, models.size(), "one model per seed, shared by its pairs and merges");
        // the model configuration holds the model's seed and nothing of the alignment
        Configuration a = kind.artefactsOf(cs.get(0)).get(0);
        assertEquals(0L, a.seed());
        assertTrue(a.values().keySet().stream().allMatch(k -> k.equals("seed") || k.startsWith("data.")
                || k.startsWith("model.") || k.startsWith("training.")), a.canonicalForm());
        // class none is method none, and the knobs a method does not read are not in its id
        assertTrue(cs.stream().anyMatch(c -> c.canonicalForm().contains("\"alignment.class\":\"none\"")
                && c.canonicalForm().contains("\"alignment.method\":\"none\"")));
        assertTrue(cs.stream().filter(c -> c.canonicalForm().contains("activation_matching"))
                .noneMatch(c -> c.canonicalForm().contains("max_sweeps")));
        // writing a default changes no id
        SweepSpec explicit = parse(DIGITS.replace("learning_rate: 0.01}", "learning_rate: 0.01, optimizer: adam, "
                + "momentum: 0.5}").replace("seeds: 0..2", "seeds: 0..2\ndata: {source: digits, test_samples: 360}"));
        assertEquals(cs, explicit.configurations());
    }

    @Test
    void bothStagesOnDigits() {
        Map<String, List<Object>> rows = run(parse(DIGITS));
        List<Object> models = rows.get("models");
        assertEquals(3, models.size());
        for (Object o : models) {
            ModelRow m = (ModelRow) o;
            assertEquals(ModelRow.Status.TRAINED, m.status());
            assertEquals(1437, m.trainIndices().length);
            assertEquals(360, m.testIndices().length);
            assertNull(m.trainX(), "the digits are rebuilt from their indices, not stored");
            assertEquals("mlp[64,12,12,10]/relu+bias/classification", m.architecture());
            assertEquals(12, m.width());
            assertTrue(m.testAccuracy() > 0.5, "four epochs learn something: " + m.testAccuracy());
        }
        // same data, same split: one hash
        assertEquals(1, models.stream().map(o -> ((ModelRow) o).dataHash()).distinct().count());
        List<Object> pairs = rows.get("alignments");
        assertEquals(9, pairs.size());
        for (Object o : pairs) {
            AlignmentRow a = (AlignmentRow) o;
            assertEquals(AlignmentRow.Status.OK, a.status(), a.detail());
            assertTrue(a.equivalenceError() < 1e-12, a.symmetryClass() + "/" + a.method() + ": "
                    + a.equivalenceError());
            assertEquals(a.lambdas().length, a.testLosses().length);
            assertTrue(a.lambdas().length >= 25);
            assertTrue(a.testLossBarrier() >= 0 && a.testAccuracyBarrier() != null);
            assertNull(a.headMode());
        }
        List<Object> merges = rows.get("merges");
        assertEquals(3, merges.size());
        MergeRow m = (MergeRow) merges.get(0);
        assertEquals(3, m.modelCount());
        assertEquals(66, m.simplexWeights().length);
    }

    @Test
    void aModelIsBitwiseReproducible() {
        AlignmentExperiment kind = new AlignmentExperiment();
        Configuration c = parse(DIGITS).configurations().get(0);
        List<Configuration> a = kind.artefactsOf(c).subList(0, 1);
        ModelRow first = kind.produce(a, "t", ExecutionSettings.AUTOMATIC).get(0);
        ModelRow second = kind.produce(a, "t", ExecutionSettings.AUTOMATIC).get(0);
        for (int i = 0; i < first.weights().length; i++) {
            assertArrayEquals(first.weights()[i], second.weights()[i], 0.0);
        }
    }

    static String error(String yaml) {
        return assertThrows(SpecException.class, () -> parse(yaml).configurations()).getMessage();
    }

    @Test
    void badCombinationsAreSpecErrors() {
        assertEquals("alignment.classes: symmetry_class orthogonal is not a symmetry of relu MLPs; allowed: none, "
                + "permutation, permutation_scaling, semi_permutation",
                error(DIGITS.replace("[none, permutation]", "[orthogonal]")));
        assertTrue(error(DIGITS.replace("[none, permutation]", "[semi_permutation]")
                .replace("merge: {models: 3}\n", "")).startsWith("alignment.widths_b: semi_permutation aligns a "
                        + "narrower model B into a wider model A"));
        assertTrue(error(DIGITS.replace("[weight_matching, activation_matching]", "[activation_inner_product]")
                .replace("[none, permutation]", "[semi_permutation]").replace("merge: {models: 3}\n", "")
                + "  widths_b: [64, 8, 8, 10]\n").startsWith("alignment.methods: method activation_inner_product is "
                        + "not available for symmetry_class semi_permutation"));
        assertTrue(error(DIGITS.replace("[none, permutation]", "[permutation]")
                + "  widths_b: [64, 8, 8, 10]\n".replace("  ", "")).length() > 0);
        assertEquals("data.teacher.seed: applies to data.source teacher, not digits",
                error(DIGITS + "data: {teacher: {seed: 3}}\n"));
        assertEquals("model.widths: model.widths [64, 12, 12, 4] must start with the data's 64 features and end with "
                + "its 10 classes", error(DIGITS.replace("[64, 12, 12, 10]", "[64, 12, 12, 4]")));
        assertEquals("merge.models: merges the first 5 seeds' models, but seeds gives 3",
                error(DIGITS.replace("models: 3", "models: 5")));
        assertTrue(error(DIGITS + "data: {source: file, file: {path: /nonexistent/x.csv, label: y}, test_samples: 10}\n")
                .equals("data.file.path: /nonexistent/x.csv: no such file"));
    }
}
