package io.symsweep.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.experiment.IndependentExperiment.TableRows;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.ComponentRow;
import io.symsweep.table.ComponentSampleRow;
import io.symsweep.topology.SurveyStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The components kind: its spec fields and checks, and small configurations end to end. */
class ComponentsTest {

    private static final String LINEAR = """
            name: t
            kind: components
            architecture: {layers: %s, width: %s}
            sampling: {samples: %s, up_to_permutation: %s}
            seeds: 0
            """;

    private static List<Configuration> configurations(String yaml) {
        return Experiments.reader().parse(yaml).configurations();
    }

    @Test
    void normalisationFillsTheDefaultsOfTheType() {
        Configuration linear = configurations(LINEAR.formatted(3, 2, 10, false)).get(0);
        assertEquals(0.5, linear.number(Components.MIN_SINGULAR_VALUE));
        assertEquals(1e-20, linear.number(Components.PATH_TOLERANCE));
        assertFalse(linear.values().containsKey("data.x"));
        assertFalse(linear.values().containsKey("connectivity.join_tolerance"));
        Configuration residual = configurations("""
                name: t
                kind: components
                architecture: {type: residual, eps: 0.5}
                sampling: {samples: 10}
                seeds: 0
                """).get(0);
        assertEquals(3, residual.integer(Components.LAYERS));
        assertEquals(1, residual.integer(Components.WIDTH));
        assertEquals(1.0, residual.number(Components.DATA_Y));
        assertFalse(residual.values().containsKey("training.learning_rate"));
        // eps = 0 with the linear net is the same experiment as leaving it out.
        Configuration withZero = configurations(LINEAR.formatted(3, 2, 10, false)
                .replace("width: 2}", "width: 2, eps: 0}")).get(0);
        assertEquals(linear.id(), withZero.id());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "architecture: {width: 2}|architecture.layers: missing; required for architecture.type linear",
        "architecture: {layers: 3, width: 2, eps: 0.5}|architecture.eps: the skip connection belongs to",
        "architecture: {layers: 1, width: 2}|architecture.layers: must be between 2 and 10, found 1",
        "architecture: {layers: 3, width: 1}\\nsampling: {samples: 5, up_to_permutation: true}"
                + "|sampling.up_to_permutation: needs architecture.width >= 2",
        "architecture: {type: residual, eps: 1, layers: 4}|architecture.layers: the residual net of Proposition 4.3 "
                + "has 3 layers",
        "architecture: {type: residual}|architecture.eps: missing; required for architecture.type residual",
        "architecture: {type: residual, eps: 1}\\ntraining: {steps: 10}|training.steps: does not apply to "
                + "architecture.type residual",
        "architecture: {layers: 3, width: 2}\\ndata: {x: 2}|data.x: does not apply to architecture.type linear",
        "architecture: {layers: 3, width: 2}\\ntraining: {tolerance: 1.0e-18}|training.tolerance: must be <= "
                + "connectivity.path_tolerance (1E-20)",
        "architecture: {type: residual, eps: 1}\\nconnectivity: {join_tolerance: 1}|connectivity.join_tolerance: "
                + "must be in (0, 1), found 1",
        "architecture: {type: residual, eps: 1}\\ndata: {x: 0}|data.x: must be non-zero and finite, found 0",
        "architecture: {layers: 2, width: 2}\\nconnectivity: {path_tolerance: 1.0e-3}|connectivity.path_tolerance: "
                + "must be in (0, 1E-6], found 0.001",
    })
    void badSpecsNameTheFieldInOneLine(String body, String message) {
        String yaml = "name: t\nkind: components\n" + body.replace("\\n", "\n")
                + (body.contains("sampling") ? "" : "\nsampling: {samples: 5}") + "\nseeds: 0\n";
        SpecException e = assertThrows(SpecException.class, () -> configurations(yaml));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void aSmallLinearCountEndToEnd() {
        Configuration c = configurations(LINEAR.formatted(3, 2, 24, false)).get(0);
        List<TableRows<?>> rows = new Components().run(c, "t", ExecutionSettings.AUTOMATIC);
        ComponentRow row = (ComponentRow) rows.get(0).rows().get(0);
        assertEquals(ComponentRow.TABLE, rows.get(0).table());
        assertEquals(SurveyStatus.OK, row.status());
        assertEquals(4, row.componentsMeasured());
        assertEquals(4, row.componentsPredicted());
        assertEquals(c.id(), row.provenance().configId());
        assertTrue(row.maxLossWithinPaths() <= row.pathTolerance());
        assertTrue(row.minLossAtCrossings() >= row.crossingBound());
        List<?> samples = rows.get(1).rows();
        assertEquals(ComponentSampleRow.TABLE, rows.get(1).table());
        assertEquals(24, samples.size());
        long converged = samples.stream().map(ComponentSampleRow.class::cast)
                .filter(s -> s.status() == ComponentSampleRow.Status.CONVERGED).peek(s -> {
                    assertNotNull(s.signPattern());
                    assertNotNull(s.component());
                    assertTrue(s.loss() < 1e-24 * row.yNorm2());
                }).count();
        assertEquals(row.converged(), converged);
        // Deterministic: the same configuration gives the same rows.
        ComponentRow again = (ComponentRow) new Components().run(c, "t", ExecutionSettings.AUTOMATIC).get(0).rows().get(0);
        assertTrue(ComponentRow.TABLE.sameValues(row, again));
    }

    @Test
    void upToPermutationClassifiesTheSameMinima() {
        Configuration plain = configurations(LINEAR.formatted(3, 2, 24, false)).get(0);
        Configuration permuted = configurations(LINEAR.formatted(3, 2, 24, true)).get(0);
        assertEquals(LinearComponentCount.Settings.parse(plain).trainingId(),
                LinearComponentCount.Settings.parse(permuted).trainingId());
        List<TableRows<?>> rows = new Components().run(permuted, "t", ExecutionSettings.AUTOMATIC);
        ComponentRow row = (ComponentRow) rows.get(0).rows().get(0);
        assertEquals(1, row.componentsPredicted());
        assertEquals(1, row.componentsMeasured());
        ComponentSampleRow first = (ComponentSampleRow) new Components().run(plain, "t", ExecutionSettings.AUTOMATIC).get(1).rows().get(3);
        ComponentSampleRow same = (ComponentSampleRow) rows.get(1).rows().get(3);
        assertEquals(first.loss(), same.loss());
        assertEquals(first.signPattern(), same.signPattern());
    }

    @Test
    void aResidualCountEndToEnd() {
        SweepSpec spec = Experiments.reader().parse("""
                name: t
                kind: components
                architecture: {type: residual, eps: [0, 2]}
                sampling: {samples: 600}
                seeds: 0
                """);
        for (Configuration c : spec.configurations()) {
            List<TableRows<?>> rows = new Components().run(c, "t", ExecutionSettings.AUTOMATIC);
            ComponentRow row = (ComponentRow) rows.get(0).rows().get(0);
            assertEquals(SurveyStatus.OK, row.status());
            assertEquals(c.number(Components.EPS) == 0 ? 4 : 3, row.componentsMeasured());
            assertEquals(600, rows.get(1).rows().size());
            ComponentSampleRow point = (ComponentSampleRow) rows.get(1).rows().get(0);
            assertEquals(3, point.weights().length);
            assertEquals(ComponentSampleRow.Status.ON_MINIMUM, point.status());
        }
    }
}
