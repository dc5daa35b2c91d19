package io.symsweep.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.experiment.Experiments;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SweepSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper specs at each scale, and what an overlay may change. */
class PaperSpecsTest {

    static final Path PAPER = Path.of("").toAbsolutePath().getParent().resolve("paper");

    static List<Configuration> configs(PaperSpecs s, String name) {
        return s.spec(name).configurations();
    }

    static double max(List<Configuration> cs, ToDoubleFunction<Configuration> f) {
        return cs.stream().mapToDouble(f).max().orElseThrow();
    }

    /** A numeric value of the configuration as its canonical form holds it (the test reads the raw values). */
    static double num(Configuration c, String key) {
        return ((Number) c.values().get(key)).doubleValue();
    }

    static long distinct(List<Configuration> cs, String key) {
        return cs.stream().map(c -> num(c, key)).distinct().count();
    }

    @Test
    void paperScaleIsThePaperSpecsAsTheyAre() {
        PaperSpecs paper = PaperSpecs.at(PAPER, "paper", null);
        for (String name : PaperSpecs.NAMES) {
            SweepSpec direct = Experiments.reader().read(PAPER.resolve(name + ".yaml"));
            assertEquals(direct.configurations().stream().map(Configuration::id).toList(),
                    configs(paper, name).stream().map(Configuration::id).toList(), name);
        }
    }

    @Test
    void paperScaleHasThePapersSizes() {
        PaperSpecs p = PaperSpecs.at(PAPER, "paper", null);
        assertTrue(distinct(configs(p, "figure4"), "seed") >= 10);
        List<Configuration> cor = configs(p, "corollary42");
        assertTrue(max(cor, c -> num(c, "architecture.layers")) >= 5 && max(cor, c -> num(c, "architecture.width")) >= 3);
        assertEquals(100, configs(p, "figure3a").size());
    }

    @Test
    void largeScaleIsWellPastThePaper() {
        PaperSpecs large = PaperSpecs.at(PAPER, "large", null);
        List<Configuration> fig4 = configs(large, "figure4");
        assertEquals(1000, distinct(fig4, "seed"));
        assertEquals(1e5, max(fig4, c -> num(c, "probe.factor")));
        List<Configuration> cor = configs(large, "corollary42");
        assertEquals(8, max(cor, c -> num(c, "architecture.layers")));
        assertEquals(6, max(cor, c -> num(c, "architecture.width")));
        assertEquals(2000, max(cor, c -> num(c, "sampling.samples")));
        assertEquals(10_000, configs(large, "figure3a").size());
    }

    @Test
    void quickScaleRunsEveryClaimOnFewerCases() {
        PaperSpecs quick = PaperSpecs.at(PAPER, "quick", null);
        PaperSpecs paper = PaperSpecs.at(PAPER, "paper", null);
        for (String name : PaperSpecs.NAMES) {
            int q = configs(quick, name).size();
            assertTrue(q >= 1 && q <= configs(paper, name).size(), name + ": " + q);
        }
        assertEquals(9, PaperClaims.layersAndWidths(quick.spec("corollary42")).size());
    }

    @Test
    void quickAlignmentSpecsSweepFewerCasesWithThePapersDataAndTraining() {
        PaperSpecs quick = PaperSpecs.at(PAPER, "quick", null);
        PaperSpecs paper = PaperSpecs.at(PAPER, "paper", null);
        for (String name : List.of("alignment-linear", "alignment-rescaled", "alignment-digits")) {
            SweepSpec q = quick.spec(name);
            SweepSpec p = paper.spec(name);
            int science = 0;
            for (String axis : p.axes().keySet()) {
                if (axis.startsWith("training.") || axis.startsWith("data.") || axis.startsWith("probe.")) {
                    assertEquals(p.axes().get(axis), q.axes().get(axis), name + "." + axis);
                    science++;
                }
            }
            assertTrue(science > 0, name + ": no training axes found in " + p.axes().keySet());
            assertTrue(q.crossProductSize() < p.crossProductSize(), name);
        }
        assertTrue(quick.text("alignment-linear").contains("seeds: 0..1"), quick.text("alignment-linear"));
    }

    @Test
    void anOverlayChangesSizeAxesOnlyAndOnlyFieldsThatExist(@TempDir Path dir) throws Exception {
        Path science = dir.resolve("science.yaml");
        Files.writeString(science, "figure4:\n  training.learning_rate: 0.1\n");
        ReproduceException e = assertThrows(ReproduceException.class, () -> PaperSpecs.at(PAPER, "x", science));
        assertTrue(e.getMessage().contains("figure4.training.learning_rate: a scale overrides size axes only"),
                e.getMessage());
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "figure4:\n  sampling.samples: 3\n");
        e = assertThrows(ReproduceException.class, () -> PaperSpecs.at(PAPER, "x", typo).spec("figure4"));
        assertTrue(e.getMessage().contains("has no section sampling"), e.getMessage());
        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, "figure9:\n  seeds: 0\n");
        e = assertThrows(ReproduceException.class, () -> PaperSpecs.at(PAPER, "x", unknown));
        assertTrue(e.getMessage().contains("figure9: not a paper spec"), e.getMessage());
        e = assertThrows(ReproduceException.class, () -> PaperSpecs.at(PAPER, "huge", null));
        assertEquals("--scale: must be quick, paper or large, found huge", e.getMessage());
    }
}
