package io.symsweep.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.table.AlignmentRow;
import io.symsweep.table.ModelRow;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The {@code vit} and {@code gpt} families through both stages of the {@code alignment} kind, and their spec errors. */
class TransformerFamilyTest {

    static final String VIT = """
            name: t
            kind: alignment
            model: {family: vit, d_model: 8, heads: 2, d_head: 4, layers: 1, patch: 4}
            training: {epochs: 1}
            seeds: 0..1
            alignment:
              classes: [none, permutation, permutation+orthogonal, permutation+orthogonal+invertible]
              methods: [weight_matching]
              head_modes: [factorised, circuit]
              max_sweeps: 3
            probe: {grid_points: 25, refine_points: 0}
            """;

    static final String GPT = """
            name: t
            kind: alignment
            data: {source: sequences, sequences: {length: 3, symbols: 4}, train_samples: 24, test_samples: 8}
            model: {family: gpt, d_model: 8, heads: 2, d_head: 4, layers: 1, norm: layernorm}
            training: {epochs: 2, batch_size: 8}
            seeds: 0..1
            alignment:
              classes: [permutation+orthogonal]
              methods: [weight_matching]
              max_sweeps: 3
            probe: {grid_points: 25, refine_points: 0}
            """;

    @Test
    void vitPairsUnderEveryClassSetWithHeadModes() {
        Map<String, List<Object>> rows = AlignmentExperimentTest.run(AlignmentExperimentTest.parse(VIT));
        List<Object> models = rows.get("models");
        assertEquals(2, models.size());
        for (Object o : models) {
            ModelRow m = (ModelRow) o;
            assertEquals(ModelRow.Status.TRAINED, m.status());
            assertEquals("vit", m.family());
            assertEquals("vit[d=8,L=1,H=2,dh=4,mlp=16,p=4,mean,gelu]/rmsnorm", m.architecture());
            assertEquals(8, m.width());
            assertEquals(360, m.testIndices().length);
        }
        List<AlignmentRow> pairs = rows.get("alignments").stream().map(o -> (AlignmentRow) o).toList();
        // none, permutation, permutation+orthogonal, and the invertible set in each head mode
        assertEquals(Set.of("none/none/null", "permutation/weight_matching/null",
                "permutation+orthogonal/weight_matching/null",
                "permutation+orthogonal+invertible/weight_matching/factorised",
                "permutation+orthogonal+invertible/weight_matching/circuit"),
                pairs.stream().map(a -> a.symmetryClass() + "/" + a.method() + "/" + a.headMode())
                        .collect(Collectors.toSet()));
        ModelRow a = (ModelRow) models.get(0);
        for (AlignmentRow p : pairs) {
            String label = p.symmetryClass() + "/" + p.headMode();
            // weight matching's rounds may stop at max_sweeps: NOT_CONVERGED, probed all the same
            assertTrue(Set.of(AlignmentRow.Status.OK, AlignmentRow.Status.NOT_CONVERGED).contains(p.status()),
                    label + ": " + p.status() + " " + p.detail());
            // every class set is exact: B' computes B's function (float64 SameDiff, rounding level)
            assertTrue(p.equivalenceError() < 1e-9, label + ": " + p.equivalenceError());
            // the segment starts at A (norms folded): its test loss there is the models row's, to rounding
            assertEquals(a.testLoss(), p.testLosses()[0], 1e-9 * Math.max(1, a.testLoss()), label);
            assertTrue(p.testLossBarrier() >= 0 && p.testAccuracyBarrier() != null, label);
            assertEquals(25, p.lambdas().length, label);
            if (p.symmetryClass().contains("orthogonal")) {
                assertNotNull(p.spectrum(), label);
                assertTrue(p.spectrum().length >= 1, label + ": the residual map's eigen-angles");
                for (double angle : p.spectrum()) {
                    assertTrue(angle >= -Math.PI - 1e-12 && angle <= Math.PI + 1e-12, label + ": " + angle);
                }
            } else {
                assertTrue(p.spectrum() == null || p.spectrum().length == 0, label);
            }
        }
    }

    @Test
    void gptPairsOnGeneratedSequences() {
        Map<String, List<Object>> rows = AlignmentExperimentTest.run(AlignmentExperimentTest.parse(GPT));
        List<Object> models = rows.get("models");
        assertEquals(2, models.size());
        ModelRow m = (ModelRow) models.get(0);
        assertEquals(ModelRow.Status.TRAINED, m.status());
        assertEquals("gpt[d=8,L=1,H=2,dh=4,mlp=16,T=6,V=5,gelu]/layernorm", m.architecture());
        assertEquals("reverse[n=3,k=4]", m.dataset());
        // the generated sequences are stored: 24 rows of 6 input tokens, and their 6 next-token targets
        assertEquals(24 * 6, m.trainX().length);
        assertEquals(24 * 6, m.trainY().length);
        assertNotNull(m.testAccuracy());
        List<Object> pairs = rows.get("alignments");
        assertEquals(1, pairs.size());
        AlignmentRow p = (AlignmentRow) pairs.get(0);
        assertTrue(Set.of(AlignmentRow.Status.OK, AlignmentRow.Status.NOT_CONVERGED).contains(p.status()),
                p.status() + " " + p.detail());
        assertNull(p.headMode());
        assertTrue(p.equivalenceError() < 1e-9, "LayerNorm folded, then an orthogonal residual map: "
                + p.equivalenceError());
        assertEquals(m.testLoss(), p.testLosses()[0], 1e-9 * Math.max(1, m.testLoss()));
        assertNotNull(p.testAccuracyBarrier());
    }

    @Test
    void thePaperSpecsExpandToEverySizePairAndAligner() {
        for (String name : List.of("alignment-vit", "alignment-gpt")) {
            java.nio.file.Path spec = java.nio.file.Path.of("").toAbsolutePath().getParent().resolve("paper")
                    .resolve(name + ".yaml");
            List<io.symsweep.sweep.Configuration> cs = Experiments.reader().read(spec).configurations();
            // 3 widths x 2 head counts x 15 pairs of 6 seeds x 13 aligners (none; 3 sets x 3 methods; 2 head modes
            // of the invertible set's 3 methods)
            assertEquals(3 * 2 * 15 * 13, cs.size(), name);
            assertEquals(6 * 15 * 3, cs.stream().filter(c -> "circuit".equals(c.values().get("alignment.head_mode")))
                    .count(), name);
        }
    }

    @Test
    void badTransformerSpecsAreOneLineErrors() {
        assertEquals("alignment.head_modes: head mode circuit: MLPs have no attention heads",
                AlignmentExperimentTest.error(AlignmentExperimentTest.DIGITS.replace(
                        "activation_matching]\n", "activation_matching]\n  head_modes: [circuit]\n")));
        assertEquals("alignment.head_modes: head mode: head_mode must be one of factorised, circuit with "
                + "symmetry_class permutation+orthogonal+invertible",
                AlignmentExperimentTest.error(VIT.replace("  head_modes: [factorised, circuit]\n", "")));
        assertEquals("merge.models: merges are for model.family mlp; vit models are aligned in pairs",
                AlignmentExperimentTest.error(VIT.replace("seeds: 0..1", "seeds: 0..2") + "merge: {models: 3}\n"));
        assertEquals("model.activation: must be one of gelu, relu for model.family vit, found tanh",
                AlignmentExperimentTest.error(VIT.replace("patch: 4}", "patch: 4, activation: tanh}")));
        assertEquals("model.widths: applies to model.family mlp, not vit",
                AlignmentExperimentTest.error(VIT.replace("patch: 4}", "patch: 4, widths: [64, 10]}")));
        assertEquals("model.patch: applies to model.family vit, not gpt",
                AlignmentExperimentTest.error(GPT.replace("layers: 1,", "layers: 1, patch: 2,")));
        assertTrue(AlignmentExperimentTest.error(VIT.replace("[none, permutation, permutation+orthogonal, "
                + "permutation+orthogonal+invertible]", "[orthogonal]")).startsWith("alignment.classes: symmetry "
                        + "class orthogonal is not one of transformers' class sets: none, permutation"));
        assertEquals("model.d_model: missing; required for model.family vit: an integer between 1 and 4096 (the "
                + "residual stream's width (required))",
                AlignmentExperimentTest.error(VIT.replace("d_model: 8, ", "")));
    }
}
