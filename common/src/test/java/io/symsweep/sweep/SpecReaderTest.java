package io.symsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.experiment.Experiments;
import io.symsweep.experiment.RescalingBarrier;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Whole specs: the shipped examples, defaults, expansion into configurations and merging of duplicates. */
class SpecReaderTest {

    /** The repository root; surefire runs in the module directory. */
    private static final Path ROOT = Path.of("..");

    private static SweepSpec parse(String yaml) {
        return Experiments.reader().parse(yaml);
    }

    /** A small valid spec with the given seeds and the given lines of its architecture and probe sections. */
    private static String spec(String seeds, String architecture, String probe) {
        return """
                name: t
                kind: rescaling-barrier
                architecture:
                %s
                data:
                  samples: 3
                training:
                  learning_rate: 0.02
                  steps: 1000
                seeds: %s
                probe:
                %s
                """.formatted(architecture.indent(2).stripTrailing(), seeds, probe.indent(2).stripTrailing());
    }

    private static Set<Object> distinct(List<Configuration> configs, String key) {
        return configs.stream().map(c -> c.values().get(key)).collect(Collectors.toSet());
    }

    @Test
    void figure4ExpandsTo20SeedsTimes64Factors() {
        SweepSpec spec = Experiments.reader().read(ROOT.resolve("paper/figure4.yaml"));
        // factors: 41 log-spaced points from 1 to 12000, then 500, 1000, ..., 12000 (24 points). Both end at
        // exactly 12000, the only value they share (the log points are 12000^(i/40), not multiples of 500).
        List<Object> factors = spec.axes().get("probe.factor");
        assertEquals(41 + 24, factors.size());
        Set<Object> unique = new HashSet<>(factors);
        assertEquals(41 + 24 - 1, unique.size());
        assertEquals(40, factors.indexOf(12000.0));
        assertEquals(64, factors.lastIndexOf(12000.0));

        List<Configuration> configs = spec.configurations();
        assertEquals(20 * (41 + 24 - 1), configs.size());
        assertEquals(20L * 65, spec.crossProductSize(), "before merging");
        assertEquals(configs.size(), configs.stream().map(Configuration::id).distinct().count(), "ids unique");
        assertEquals(Set.copyOf(longs(LongStream.range(0, 20))), distinct(configs, "seed"));
        assertEquals(Set.of(4L), distinct(configs, "probe.rescaled_layer"));
        assertEquals(Set.of(List.of(8L, 16L, 32L, 16L, 8L, 4L)), distinct(configs, "architecture.widths"));
        assertEquals(Set.of(1e-26), distinct(configs, "training.loss_tolerance"));

        RescalingBarrier kind = (RescalingBarrier) spec.kind();
        assertEquals(20, configs.stream().map(c -> kind.minimumOf(c).id()).distinct().count(),
                "one minimum per seed, shared by its 64 probes");
    }

    @Test
    void quickstartExpandsTo4SeedsTimes12FactorsWithDefaults() {
        SweepSpec spec = Experiments.reader().read(ROOT.resolve("examples/quickstart.yaml"));
        List<Configuration> configs = spec.configurations();
        assertEquals(4 * 12, configs.size());
        Configuration c = configs.get(0);
        assertEquals("leaky_relu", ((String) c.values().get("architecture.activation")));
        assertEquals(0.01, ((Double) c.values().get("architecture.slope")));
        assertEquals("dense", ((String) c.values().get("training.engine")));
        assertEquals("lecun_normal", ((String) c.values().get("training.init")));
        assertEquals(1.0, ((Double) c.values().get("training.init_scale")));
        assertEquals(25, ((Long) c.values().get("probe.alpha_points")));
        assertEquals(2, ((Long) c.values().get("probe.rescaled_layer")), "default l-1 for widths [4, 8, 8, 2]");
        assertEquals(1e-26, ((Double) c.values().get("training.loss_tolerance")));
        assertTrue(distinct(configs, "probe.factor").containsAll(Set.of(1.0, 1000.0)), "log range ends exact");
    }

    @Test
    void optionalFieldsGetTheirDefaults() {
        SweepSpec spec = parse(spec("0", "widths: [4, 8, 2]", "factors: 2"));
        assertEquals(List.of(0.0), spec.axes().get("training.loss_tolerance"));
        assertEquals(List.of("leaky_relu"), spec.axes().get("architecture.activation"));
        assertEquals(List.of(0.01), spec.axes().get("architecture.slope"));
        assertFalse(spec.axes().containsKey("probe.rescaled_layer"), "no default until the widths are known");
        Configuration c = spec.configurations().get(0);
        assertEquals(1, ((Long) c.values().get("probe.rescaled_layer")), "filled in by the kind: l-1 = 1");
        assertEquals(List.of("architecture.activation", "architecture.slope", "architecture.widths", "data.samples",
                "probe.alpha_points", "probe.factor", "probe.rescaled_layer", "seed", "training.engine",
                "training.init", "training.init_scale", "training.learning_rate", "training.loss_tolerance",
                "training.steps"), List.copyOf(c.values().keySet()));
    }

    @Test
    void dotsGiveAThousandSeeds() {
        List<Configuration> configs = parse(spec("0..999", "widths: [4, 8, 2]", "factors: 2")).configurations();
        assertEquals(1000, configs.size());
        assertEquals(Set.copyOf(longs(LongStream.rangeClosed(0, 999))), distinct(configs, "seed"));
    }

    @Test
    void integerFieldsAcceptIntegralFloats() {
        SweepSpec spec = parse(spec("[0, 1.0]", "widths: [4.0, 8, 2]", "factors: 2\nalpha_points: 25.0"));
        assertEquals(longs(LongStream.of(0, 1)), spec.axes().get("seed"));
        assertEquals(List.of(List.of(4L, 8L, 2L)), spec.axes().get("architecture.widths"));
        assertEquals(List.of(25L), spec.axes().get("probe.alpha_points"));
    }

    @Test
    void exponentWithoutADotIsANumber() {
        SweepSpec spec = parse(spec("0", "widths: [4, 8, 2]", "factors: [1e-3, '2e-3', 1e+3]")
                .replace("steps: 1000", "steps: 1000\n  loss_tolerance: 1e-26"));
        assertEquals(List.of(1e-26), spec.axes().get("training.loss_tolerance"));
        assertEquals(List.of(0.001, 0.002, 1000.0), spec.axes().get("probe.factor"));
    }

    @Test
    void duplicateConfigurationsMergeKeepingTheFirst() {
        SweepSpec spec = parse(spec("[0, 1]", "widths: [4, 8, 2]", "factors: [2, 2.0, {from: 1, to: 3, step: 1}]"));
        assertEquals(2 * 5, spec.crossProductSize());
        List<Configuration> configs = spec.configurations();
        assertEquals(2 * 3, configs.size());
        assertEquals(List.of(2.0, 1.0, 3.0), configs.stream().filter(c -> ((Long) c.values().get("seed")) == 0)
                .map(c -> ((Double) c.values().get("probe.factor"))).toList(), "first occurrence order");
    }

    @Test
    void valuesThatCannotMatterDoNotSplitIds() {
        // ReLU has no slope, so a slope sweep under ReLU is one experiment.
        List<Configuration> relu = parse(spec("0", "widths: [4, 8, 2]\nactivation: relu\nslope: [0.01, 0.2]",
                "factors: 2")).configurations();
        assertEquals(1, relu.size());
        assertFalse(relu.get(0).values().containsKey("architecture.slope"));
        // -0.0 and 0.0 are the same slope.
        String neg = parse(spec("0", "widths: [4, 8, 2]\nslope: -0.0", "factors: 2")).configurations().get(0).id();
        String pos = parse(spec("0", "widths: [4, 8, 2]\nslope: 0.0", "factors: 2")).configurations().get(0).id();
        assertEquals(pos, neg);
        // The rescaled layer written out equals its default.
        String implicit = parse(spec("0", "widths: [4, 8, 2]", "factors: 2")).configurations().get(0).id();
        String explicit = parse(spec("0", "widths: [4, 8, 2]", "factors: 2\nrescaled_layer: 1"))
                .configurations().get(0).id();
        assertEquals(implicit, explicit);
        String other = parse(spec("1", "widths: [4, 8, 2]", "factors: 2")).configurations().get(0).id();
        assertNotEquals(implicit, other);
    }

    @Test
    void theNameIsNotPartOfTheId() {
        String a = parse(spec("0", "widths: [4, 8, 2]", "factors: 2")).configurations().get(0).id();
        String b = parse(spec("0", "widths: [4, 8, 2]", "factors: 2").replace("name: t", "name: other"))
                .configurations().get(0).id();
        assertEquals(a, b);
    }

    @Test
    void fileLevelProblemsAreOneLine() {
        assertEquals("no such file: " + Path.of("no/such/spec.yaml"),
                assertThrows(SpecException.class, () -> Experiments.reader().read(Path.of("no/such/spec.yaml")))
                        .getMessage());
        assertEquals("the spec is empty; it needs name, kind, seeds and the kind's sections",
                assertThrows(SpecException.class, () -> parse("# nothing\n")).getMessage());
        assertEquals("the spec must be a mapping of keys (name, kind, ...), found [1,2]",
                assertThrows(SpecException.class, () -> parse("[1, 2]")).getMessage());
    }

    private static List<Object> longs(LongStream values) {
        return values.boxed().map(Object.class::cast).toList();
    }
}
