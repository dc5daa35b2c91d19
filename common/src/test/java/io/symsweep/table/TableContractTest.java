package io.symsweep.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every table meets, run over one or more rows of each: a documented snake_case schema keyed
 * by {@code config_id} with its provenance columns, values of the declared types, and a lossless
 * record-to-row round trip.
 */
class TableContractTest {

    static final double NAN = Double.NaN;

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(MinimaTable.INSTANCE, new MinimumRow("m", "s", "rescaling-barrier", 1, "mlp[2,3,1]/relu",
                        "dense", 4, 1e-27, "CONVERGED", 0.5, new double[][] {{1, 2, 3, 4, 5, 6}, {-0.0, NAN, 1e300}},
                        2.5, "{}", "0.1.0")),
                Arguments.of(BarriersTable.INSTANCE, new BarrierRow("b", "m", "s", 1, 12000, 4, "best",
                        new double[] {0, 0.5, 1}, new double[] {0, 3, Double.POSITIVE_INFINITY}, NAN, 3, 2.9, 1e4,
                        "exhaustive", 720, new int[] {2, 0, 1}, 5.5, 10.0, 16.2, "NONFINITE", "CONVERGED", "{}",
                        "0.1.0")),
                Arguments.of(BarriersTable.INSTANCE, new BarrierRow("b2", "m", "s", 1, 2, 1, "identity",
                        new double[] {0, 1}, new double[] {0, 0}, 0, 0, 0, 1, "none", 1, new int[] {0}, 0, null, null,
                        "OK", "CONVERGED", "{}", "0.1.0")),
                Arguments.of(ApproximateActionTable.INSTANCE, new ApproximateActionRow("a", "s", 3, 4, 2, 5, 6,
                        "mlp[5,2,4]/sigmoid", false, "gaussian", new double[] {1, 0, 0, 1}, 1.0, 1, 100, 1e-3, 40, 2,
                        "NOT_CONVERGED", 0.1, 7, 3, 3.0 / 7, true, 2, false, 4.5, new double[][] {{1}, {2}},
                        new double[] {0.5}, new double[] {-0.5}, "OK", "{}", "0.1.0")),
                Arguments.of(CurvesTable.INSTANCE, new CurveRow("c", "m", "s", 0, "mlp[16,32,64]/tanh", 8, "dense", 600,
                        1e-21, "CONVERGED", 0.2, 4, 2.0, new double[] {1, 0, 0, 1}, new double[] {0, 0.5, 1},
                        new double[] {1e-21, 1e-21, 1e-21}, new double[] {1e-21, 0.3, 1e-21},
                        new double[] {0.2, 0.21, 0.2}, 3, 3.1, 0.6, 0.21, 0.21, 0.25, 0.3, 5.0, 0.075, 1.25, 0.3, 1e-25,
                        0.3, 1e-21, 0.15, true, true, false, new double[][] {{1, 2}, {3}}, "OK", "{}", "0.1.0")),
                Arguments.of(CurvesTable.INSTANCE, new CurveRow("c2", "m", "s", 0, "mlp[16,32,64]/leaky_relu(0.01)", 8,
                        "dense", 600, 1e-21, "CONVERGED", 0.2, 4, 2.0, new double[] {1}, new double[] {0, 1},
                        new double[] {0, 0}, new double[] {0, 0}, new double[] {NAN, NAN}, 3, 3.1, 0.6, 200, 95, NAN,
                        0.3, 5.0, NAN, NAN, 0.3, 1e-25, 0.3, 1e-21, 0.15, true, false, false, new double[][] {{1}},
                        "CHORD_TOO_LONG", "{}", "0.1.0")),
                Arguments.of(OrbitsTable.INSTANCE, new OrbitRow("o", "s", 2, 2, 100, 0.5, 50.005, 50.005, 110.4,
                        12194.7, 492.7, 28659.1, 52.1, true, 15, 2067, "continued", 3e-6, "CONVERGED", 252, 300,
                        new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}, new double[] {50, 0, 0, 0.02}, "{}",
                        "0.1.0")),
                Arguments.of(ComponentsTable.INSTANCE, new ComponentRow("a1", "corollary42", 0, "linear", 6, 4, 0.0,
                        false, 500, 418, 32, 32, 32, 32, 386, 0, 1.9e-28, 15.0, 496, 0, 0.36, 2.2e-19, 22.4, "OK",
                        "{\"seed\":0}", "0.1.0")),
                Arguments.of(ComponentsTable.INSTANCE, new ComponentRow("b2", "t", 3, "residual", 3, 1, -0.5, false,
                        2000, 2000, 3, null, 2, 3, 11000, 12, NAN, NAN, 0, 1, 1.0, 0.25, 1.0, "CROSSING_FAILED", "{}",
                        "0.1.0")),
                Arguments.of(ComponentSamplesTable.INSTANCE, new ComponentSampleRow("a1", "corollary42", 0, 17,
                        "CONVERGED", 4120, 3, 1e-27, "+-+", 5, new int[] {1, 0, 1}, new double[][] {{1, -2, 3, 4},
                            {0.5, 0, 0, 2}, {-0.0, 1e-300, 7, 1}, {Double.MIN_VALUE, 2, 3, 4}}, "{\"seed\":0}",
                        "0.1.0")),
                Arguments.of(ComponentSamplesTable.INSTANCE, new ComponentSampleRow("a1", "corollary42", 0, 18,
                        "DIVERGED", 90, 0, NAN, null, null, null, new double[][] {{NAN}, {Double.POSITIVE_INFINITY}},
                        "{\"seed\":0}", "0.1.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    <R> void aRowSurvivesValuesAndBack(Table<R> table, R row) {
        Object[] values = table.values(row);
        Map<String, Object> byName = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            byName.put(table.columns().get(i).name(), values[i]);
        }
        R back = table.fromValues(byName);
        assertTrue(table.sameValues(row, back), table.name() + " changed in the round trip");
        assertEquals(table.key(row), table.key(back));
        for (int i = 0; i < values.length; i++) {
            Column<R> c = table.columns().get(i);
            if (values[i] == null) {
                assertTrue(c.nullable(), table.name() + "." + c.name() + " is null but not nullable");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    <R> void columnsAreUniqueDocumentedAndCarryProvenance(Table<R> table, R row) {
        List<Column<R>> columns = table.columns();
        Set<String> names = new HashSet<>();
        for (Column<R> c : columns) {
            assertTrue(names.add(c.name()), table.name() + " repeats " + c.name());
            assertTrue(c.name().matches("[a-z][a-z0-9_]*") && !c.doc().isBlank());
        }
        assertEquals("config_id", columns.get(0).name());
        for (String required : List.of("sweep", "config", "code_version", "schema_version")) {
            assertTrue(names.contains(required), table.name() + " lacks " + required);
        }
        assertEquals("schema_version", columns.get(columns.size() - 1).name());
        assertEquals(table.schemaVersion(), table.values(row)[columns.size() - 1]);
        assertFalse(table.doc().isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    <R> void valuesHaveTheDeclaredTypes(Table<R> table, R row) {
        Object[] values = table.values(row);
        List<Column<R>> columns = table.columns();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            Class<?> expected = switch (columns.get(i).type()) {
                case STRING -> String.class;
                case INT -> Integer.class;
                case LONG -> Long.class;
                case DOUBLE -> Double.class;
                case BOOLEAN -> Boolean.class;
                case DOUBLE_ARRAY -> double[].class;
                case DOUBLE_MATRIX -> double[][].class;
                case INT_ARRAY -> int[].class;
            };
            assertInstanceOf(expected, values[i], table.name() + "." + columns.get(i).name());
        }
    }

    /** The column names the issues fix, so queries written against them keep working. */
    @org.junit.jupiter.api.Test
    void theIssuesColumnNamesExist() {
        Map<Table<?>, List<String>> names = Map.of(
                MinimaTable.INSTANCE, List.of("config_id", "sweep", "seed", "architecture", "engine", "steps",
                        "final_loss", "status", "train_seconds", "weights", "y_norm2", "schema_version"),
                BarriersTable.INSTANCE, List.of("config_id", "minimum_id", "seed", "factor", "alphas", "losses",
                        "barrier", "midpoint_loss", "closed_form_midpoint_loss", "endpoint_distance", "status",
                        "schema_version"),
                ComponentsTable.INSTANCE, List.of("config_id", "architecture", "l", "h", "eps", "up_to_permutation",
                        "samples", "converged", "classes_found", "components_measured", "components_predicted",
                        "paths_verified", "paths_failed", "max_loss_within_paths", "min_loss_at_crossings",
                        "schema_version"));
        names.forEach((table, columns) -> columns.forEach(c -> assertEquals(c, table.column(c).name())));
        assertTrue(ComponentsTable.INSTANCE.column("components_measured").nullable(),
                "a count that was not measured is null, not a smaller number");
    }

    @org.junit.jupiter.api.Test
    void onlyTheProposition56ColumnsMayBeNull() {
        for (Table<?> t : List.of(MinimaTable.INSTANCE, BarriersTable.INSTANCE, ApproximateActionTable.INSTANCE,
                CurvesTable.INSTANCE, OrbitsTable.INSTANCE)) {
            for (Column<?> c : t.columns()) {
                assertEquals(c.name().equals("factor_range") || c.name().equals("range_loss_bound"), c.nullable(),
                        t.name() + "." + c.name());
            }
        }
    }
}
