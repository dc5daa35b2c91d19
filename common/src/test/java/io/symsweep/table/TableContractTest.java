package io.symsweep.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every table meets: a documented snake_case schema and a lossless row round trip. */
class TableContractTest {

    /** A table with a sample row, and a second row differing from it in one column. */
    record Case<R>(String label, Table<R> table, R row, R changed) {
        @Override
        public String toString() {
            return table.name() + " (" + label + ")";
        }
    }

    private static final String CONFIG = "{\"kind\":\"rescaling-barrier\",\"seed\":3}";

    static Stream<Case<?>> tables() {
        double[][] weights = {{0.5, -1.25, 3e-300}, {Double.MIN_VALUE, -0.0, 7}};
        MinimumRow minimum = new MinimumRow("0123456789abcdef", "figure4", "rescaling-barrier", 3,
                "mlp[1,3,1]/leaky_relu(0.01)", "dense", 1234, 9.5e-27, "CONVERGED", 0.125, weights, 11.75, CONFIG,
                "0.1.0-SNAPSHOT+abc");
        MinimumRow minimumChanged = new MinimumRow("0123456789abcdef", "figure4", "rescaling-barrier", 3,
                "mlp[1,3,1]/leaky_relu(0.01)", "dense", 1234, 9.5e-27, "CONVERGED", 0.125,
                new double[][] {{0.5, -1.25, 3e-300}, {Double.MIN_VALUE, 0.0, 7}}, 11.75, CONFIG, "0.1.0-SNAPSHOT+abc");
        double[] alphas = {0, 0.5, 1};
        BarrierRow barrier = new BarrierRow("fedcba9876543210", "0123456789abcdef", "figure4", 3, 1.5, 4, alphas,
                new double[] {1e-27, 0.026, 2e-27}, 0.026, 0.026, 0.02603, 0.75, "OK", "CONVERGED", CONFIG,
                "0.1.0-SNAPSHOT+abc");
        BarrierRow diverged = new BarrierRow("fedcba9876543210", "0123456789abcdef", "figure4", 3, 1.5, 4, alphas,
                new double[] {Double.NaN, Double.NaN, Double.NaN}, Double.NaN, Double.NaN, 0.02603, Double.NaN,
                "MINIMUM_DIVERGED", "DIVERGED", CONFIG, "0.1.0-SNAPSHOT+abc");
        return Stream.of(
                new Case<>("converged; -0.0 vs 0.0 in one weight", MinimaTable.INSTANCE, minimum, minimumChanged),
                new Case<>("finite", BarriersTable.INSTANCE, barrier, diverged),
                new Case<>("NaN losses", BarriersTable.INSTANCE, diverged, barrier));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    <R> void columnsAreUniqueSnakeCaseAndDocumented(Case<R> c) {
        Set<String> names = new HashSet<>();
        for (Column<R> column : c.table().columns()) {
            assertTrue(names.add(column.name()), "duplicate column " + column.name());
            assertTrue(column.name().matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), "snake_case: " + column.name());
            assertFalse(column.doc().isBlank(), column.name() + " has a doc");
            assertTrue(column.doc().length() >= 10, column.name() + " doc says something: " + column.doc());
        }
        assertEquals("config_id", c.table().columns().get(0).name(), "keyed by config_id, first");
        assertTrue(names.containsAll(List.of("config_id", "sweep", "seed", "config", "code_version",
                "schema_version")), "every row carries what makes it reproducible");
        assertTrue(c.table().schemaVersion() >= 1);
        assertTrue(c.table().name().matches("[a-z][a-z_]*"));
        assertFalse(c.table().doc().isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    <R> void valuesHaveTheDeclaredTypes(Case<R> c) {
        Object[] values = c.table().values(c.row());
        List<Column<R>> columns = c.table().columns();
        assertEquals(columns.size(), values.length);
        for (int i = 0; i < values.length; i++) {
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
            assertInstanceOf(expected, values[i], columns.get(i).name());
        }
        assertEquals(c.table().schemaVersion(), values[columns.indexOf(c.table().column("schema_version"))]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    <R> void fromValuesInvertsValues(Case<R> c) {
        Table<R> table = c.table();
        R back = table.fromValues(byName(table, c.row()));
        assertTrue(table.sameValues(c.row(), back), "round trip of " + table.name());
        assertEquals(table.key(c.row()), table.key(back));
        assertFalse(table.sameValues(c.row(), c.changed()), "sameValues sees a one-column difference");
    }

    private static <R> Map<String, Object> byName(Table<R> table, R row) {
        Object[] values = table.values(row);
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(table.columns().get(i).name(), values[i]);
        }
        return m;
    }
}
