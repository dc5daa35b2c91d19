package io.symsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.experiment.Experiment;
import io.symsweep.experiment.Experiments;
import io.symsweep.experiment.TwoStageExperiment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ConfigurationSpace} against the definition (the enumeration main did before it: every point of the raw
 * cross product, normalised, validated, merged by id in first-occurrence order), for every registered kind, on every
 * spec under {@code paper/} and {@code examples/} and on specs whose normalisation merges points: the same
 * configurations in the same order, each point's canonical form and representative flag, the count by arithmetic, the
 * artefacts by projection, and a space shipped through Java serialisation as a Spark task ships it. The kinds'
 * {@link KeyDependencies} are held to their algebra on the way: the tabulation refuses a normalisation that changes a
 * key it does not declare.
 */
class ConfigurationSpaceTest {

    /** Specs that merge points: each kind's normalisation has something to do. */
    private static final Map<String, String> MERGING = new LinkedHashMap<>();

    static {
        MERGING.put("rb-merges", """
                name: rb-merges
                kind: rescaling-barrier
                architecture: {widths: [[3, 5, 2], [3, 4, 4, 2]], activation: [relu, leaky_relu, linear], slope: [0.01, 0.2]}
                data: {samples: 3}
                training: {learning_rate: 0.01, steps: 10}
                seeds: [0, 1, 0, 2]
                probe: {factors: [2, 0.5, 2, 1.0e3], permutation: [identity, best], alpha_points: [25, 27]}
                """);
        MERGING.put("aa-merges", """
                name: aa-merges
                kind: approximate-action
                dimensions: {min: [2, 3], max: 5}
                architecture: {activation: [sigmoid, leaky_relu], slope: [0.01, 0.1]}
                training: {steps: 5}
                seeds: 0..2
                probe: {group_element: [gaussian, exp], magnitude: [1, 2]}
                """);
        MERGING.put("sc-merges", """
                name: sc-merges
                kind: symmetry-curve
                architecture: {widths: [3, 4, 2], activation: [tanh, leaky_relu, sigmoid], slope: [0.01, 0.3]}
                data: {samples: 3}
                training: {learning_rate: 0.01, steps: 10}
                seeds: 0..1
                probe: {magnitudes: [0.5, 2], curves: 0..2, t_points: 9}
                """);
        MERGING.put("co-merges", """
                name: co-merges
                kind: components
                architecture: {layers: 2..3, width: 1..2, eps: [0, 0.0]}
                sampling: {samples: [3, 5]}
                seeds: 0..1
                """);
        MERGING.put("od-plain", """
                name: od-plain
                kind: orbit-distance
                orbit: {n: [2, 3], betas: [1, 3, 3, 10]}
                seeds: 0..2
                """);
    }

    record Case(String name, SweepSpec spec) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> specs() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String dir : List.of("../paper", "../examples")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    out.add(new Case(p.getFileName().toString(), Experiments.reader().read(p)));
                }
            }
        }
        MERGING.forEach((name, yaml) -> out.add(new Case(name, Experiments.reader().parse(yaml))));
        return out.stream();
    }

    /** The definition: what SweepSpec.configurations() computed before the space existed. */
    static List<Configuration> byDefinition(SweepSpec spec) {
        List<String> keys = new ArrayList<>(spec.axes().keySet());
        List<List<Object>> values = new ArrayList<>(spec.axes().values());
        int[] index = new int[keys.size()];
        Map<String, Configuration> unique = new LinkedHashMap<>();
        for (long n = 0; n < spec.crossProductSize(); n++) {
            TreeMap<String, Object> m = new TreeMap<>();
            for (int k = 0; k < keys.size(); k++) {
                m.put(keys.get(k), values.get(k).get(index[k]));
            }
            Configuration c = spec.kind().normalize(new Configuration(spec.kind().name(), m));
            spec.kind().validate(c);
            unique.putIfAbsent(Configuration.canonicalForm(c.kind(), c.values()), c);
            for (int k = keys.size() - 1; k >= 0; k--) {
                if (++index[k] < values.get(k).size()) {
                    break;
                }
                index[k] = 0;
            }
        }
        return List.copyOf(unique.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void theSpaceIsTheDefinition(Case c) throws Exception {
        SweepSpec spec = c.spec();
        ConfigurationSpace space = spec.space();
        // Every registered kind declares its dependencies but alignment, whose normalisation reads each model family's
        // own fields: its (small) sweeps are normalised configuration by configuration and duplicates merged by id.
        assertEquals(!spec.kind().name().equals("alignment"), space.tabulated(), "declared dependencies");
        List<Configuration> expected = byDefinition(spec);
        List<Configuration> found = space.first(Long.MAX_VALUE);
        assertEquals(expected.stream().map(x -> Configuration.canonicalForm(x.kind(), x.values())).toList(),
                found.stream().map(Configuration::canonicalForm).toList(), "configurations, in order");
        assertEquals(expected.stream().map(x -> ConfigIds.id(Configuration.canonicalForm(x.kind(), x.values())))
                .toList(), found.stream().map(Configuration::id).toList());
        assertEquals(expected, found, "values");
        assertEquals(expected.size(), space.count().orElseThrow(), "count by arithmetic");
        ConfigurationSpace shipped = roundTrip(space);
        Set<String> firstForms = new HashSet<>();
        int representatives = 0;
        for (long i = 0; i < space.size(); i++) {
            Configuration normal = spec.kind().normalize(space.at(i));
            String form = Configuration.canonicalForm(normal.kind(), normal.values());
            assertEquals(form, shipped.canonicalForm(i), "point " + i);
            assertEquals(form, shipped.configuration(i).canonicalForm(), "point " + i);
            assertEquals(normal, shipped.configuration(i), "point " + i);
            // Untabulated: every point is expanded and duplicates are merged by id (first(...) above checked that).
            boolean first = firstForms.add(form);
            if (space.tabulated()) {
                assertEquals(first, shipped.isRepresentative(i), "point " + i + " representative");
                representatives += shipped.isRepresentative(i) ? 1 : 0;
            }
        }
        assertEquals(expected.size(), space.tabulated() ? representatives : firstForms.size());
        assertTrue(space.check() >= 1, "check validated something");
        Experiment kind = Experiments.of(spec);
        if (kind instanceof TwoStageExperiment<?> twoStage && space.tabulated()) {
            var keep = twoStage.artefactProjection().orElseThrow();
            var projection = roundTrip(space.projection(keep));
            Set<String> artefacts = new HashSet<>();
            for (long i = 0; i < space.size(); i++) {
                List<Configuration> as = twoStage.artefactsOf(spec.kind().normalize(space.at(i)));
                assertEquals(1, as.size());
                assertEquals(as.get(0).canonicalForm(), projection.canonicalForm(i), "artefact of point " + i);
                artefacts.add(as.get(0).id());
            }
            assertEquals(artefacts.size(), space.projection(keep).count().orElseThrow(), "artefacts by arithmetic");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    private static final String BILLION = """
            name: billion
            kind: rescaling-barrier
            architecture: {widths: [8, 16, 32, 16, 8, 4]}
            data: {samples: 4}
            training: {learning_rate: 0.01, steps: 100}
            seeds: 0..999999
            probe:
              factors: {log: [1, 12000], points: %d}
              factor_range: %s
            """;

    @Test
    void aBillionConfigurationsAreCountedAndCheckedFromTheAxes() {
        SweepSpec spec = Experiments.reader().parse(BILLION.formatted(1000, "12000"));
        ConfigurationSpace space = spec.space();
        assertEquals(1_000_000_000L, space.count().orElseThrow());
        assertEquals(1_000_000L, space.projection(k -> !k.startsWith("probe.")).count().orElseThrow(), "minima");
        assertTrue(space.checkedHere(), "1,000 factors x 1 range: every rule combination checked");
        assertEquals(1 + 1000, space.check(), "one combination of the widths' rule, 1000 of the factors'");
    }

    @Test
    void theFirstInvalidConfigurationOfABillionIsTheFirstInPointOrder() {
        // Factors 1 .. 12000 with range 100: the first factor above 100 is the first error, at any seed.
        SweepSpec spec = Experiments.reader().parse(BILLION.formatted(1000, "100"));
        SpecException e = assertThrows(SpecException.class, () -> spec.space().check());
        double first = 0;
        for (Object f : spec.axes().get("probe.factor")) {
            if ((Double) f > 100) {
                first = (Double) f;
                break;
            }
        }
        assertEquals("probe.factors: must lie in [1/c, c] = [0.01, 100] since probe.factor_range is 100, found "
                + SpecValues.decimal(first), e.getMessage());
    }

    @Test
    void rulesOverMoreCombinationsThanTheBudgetAreSampledHereAndLeftToTheExpansion() {
        // 120,000 factors x 1 range: more than the budget. Only the last factor is out of the range.
        String yaml = BILLION.replace("seeds: 0..999999", "seeds: 0..1").formatted(120_000, "11999.5");
        SweepSpec spec = Experiments.reader().parse(yaml);
        ConfigurationSpace space = spec.space();
        assertFalse(space.checkedHere());
        long validated = space.check();
        assertTrue(validated <= ConfigurationSpace.CHECK_BUDGET, "validated " + validated);
        // The expansion validates what check() could not reach: the last factor, 12000 > 11999.
        SpecException e = assertThrows(SpecException.class, () -> space.first(Long.MAX_VALUE));
        assertTrue(e.getMessage().endsWith("found 12000"), e.getMessage());
    }

    @Test
    void anAxisListingAValueTwiceHasItOnce() {
        SweepSpec spec = Experiments.reader().parse(MERGING.get("od-plain"));
        assertEquals(2 * 4 * 3, spec.crossProductSize());
        assertEquals(2 * 3 * 3, spec.space().size(), "betas 1, 3, 10");
    }
}
