package io.symsweep.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The components tables' declarations: every column documented, and rows survive values -> fromValues. */
class ComponentTablesTest {

    static ComponentRow measured() {
        return new ComponentRow("a1", "corollary42", 0, "linear", 6, 4, 0.0, false, 500, 418, 32, 32, 32, 32, 386, 0,
                1.9e-28, 15.0, 496, 0, 0.36, 2.2e-19, 22.4, "OK", "{\"seed\":0}", "0.1.0");
    }

    static ComponentRow notMeasured() {
        return new ComponentRow("b2", "t", 3, "residual", 3, 1, -0.5, false, 2000, 2000, 3, null, 2, 3, 11000, 12,
                Double.NaN, Double.NaN, 0, 1, 1.0, 0.25, 1.0, "CROSSING_FAILED", "{}", "0.1.0");
    }

    static ComponentSampleRow trained() {
        return new ComponentSampleRow("a1", "corollary42", 0, 17, "CONVERGED", 4120, 3, 1e-27, "+-+", 5,
                new int[] {1, 0, 1}, new double[][] {{1, -2, 3, 4}, {0.5, 0, 0, 2}, {-0.0, 1e-300, 7, 1},
                    {Double.MIN_VALUE, 2, 3, 4}}, "{\"seed\":0}", "0.1.0");
    }

    static ComponentSampleRow unconverged() {
        return new ComponentSampleRow("a1", "corollary42", 0, 18, "DIVERGED", 90, 0, Double.NaN, null, null, null,
                new double[][] {{Double.NaN}, {Double.POSITIVE_INFINITY}}, "{\"seed\":0}", "0.1.0");
    }

    @Test
    void componentsRoundTrip() {
        for (ComponentRow r : List.of(measured(), notMeasured())) {
            assertTrue(ComponentsTable.INSTANCE.sameValues(r, roundTrip(ComponentsTable.INSTANCE, r)));
        }
    }

    @Test
    void componentSamplesRoundTrip() {
        for (ComponentSampleRow r : List.of(trained(), unconverged())) {
            assertTrue(ComponentSamplesTable.INSTANCE.sameValues(r, roundTrip(ComponentSamplesTable.INSTANCE, r)));
        }
    }

    @Test
    void everyColumnIsDeclaredOnceWithProvenance() {
        for (Table<?> t : List.of(ComponentsTable.INSTANCE, ComponentSamplesTable.INSTANCE)) {
            Set<String> names = new HashSet<>();
            t.columns().forEach(c -> assertTrue(names.add(c.name()), t.name() + "." + c.name() + " twice"));
            assertTrue(names.containsAll(List.of("config_id", "sweep", "seed", "config", "code_version",
                    "schema_version", "status")), t.name());
            assertEquals(1, t.schemaVersion());
        }
        List<String> issue = List.of("config_id", "architecture", "l", "h", "eps", "up_to_permutation", "samples",
                "converged", "classes_found", "components_measured", "components_predicted", "paths_verified",
                "paths_failed", "max_loss_within_paths", "min_loss_at_crossings", "schema_version");
        for (String name : issue) {
            assertEquals(name, ComponentsTable.INSTANCE.column(name).name());
        }
        assertTrue(ComponentsTable.INSTANCE.column("components_measured").nullable());
    }

    private static <R> R roundTrip(Table<R> table, R row) {
        Object[] values = table.values(row);
        Map<String, Object> byName = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            byName.put(table.columns().get(i).name(), values[i]);
        }
        return table.fromValues(byName);
    }
}
