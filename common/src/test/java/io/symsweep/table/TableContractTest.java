package io.symsweep.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.experiment.Experiments;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every table meets, run over every table of every registered kind and the {@code runs} table: a
 * documented snake_case schema keyed by its first column, result tables with their provenance columns, values of the
 * declared types, a lossless record-to-row round trip, migrations that lead to the current version, and status
 * columns whose docs name exactly their values.
 */
class TableContractTest {

    /** Every table symsweep writes: the registered kinds' tables, then {@code runs}. */
    static Stream<Table<?>> tables() {
        return Experiments.tables().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    <R> void rowsSurviveValuesAndBack(Table<R> table) {
        for (R row : SampleRows.of(table)) {
            Object[] values = table.values(row);
            Map<String, Object> byName = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                Column<R> c = table.columns().get(i);
                byName.put(c.name(), values[i]);
                if (values[i] == null) {
                    assertTrue(c.nullable(), table.name() + "." + c.name() + " is null but not nullable");
                }
            }
            R back = table.fromValues(byName);
            assertTrue(table.sameValues(row, back), table.name() + " changed in the round trip");
            assertEquals(table.key(row), table.key(back));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    <R> void columnsAreUniqueDocumentedAndResultTablesCarryProvenance(Table<R> table) {
        List<Column<R>> columns = table.columns();
        Set<String> names = new HashSet<>();
        for (Column<R> c : columns) {
            assertTrue(names.add(c.name()), table.name() + " repeats " + c.name());
            assertTrue(c.name().matches("[a-z][a-z0-9_]*") && !c.doc().isBlank());
        }
        assertEquals(table.keyColumn(), columns.get(0).name());
        if (table != RunRow.TABLE) {
            assertEquals(List.of("config_id", "sweep", "seed"),
                    columns.subList(0, 3).stream().map(Column::name).toList());
            assertEquals(List.of("config", "code_version", "schema_version"),
                    columns.subList(columns.size() - 3, columns.size()).stream().map(Column::name).toList());
        }
        assertEquals("schema_version", columns.get(columns.size() - 1).name());
        assertEquals(table.schemaVersion(), table.values(SampleRows.of(table).get(0))[columns.size() - 1]);
        assertFalse(table.doc().isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    <R> void valuesHaveTheDeclaredTypes(Table<R> table) {
        for (R row : SampleRows.of(table)) {
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
                    case TIMESTAMP -> Instant.class;
                    case LONG_MAP -> Map.class;
                };
                assertInstanceOf(expected, values[i], table.name() + "." + columns.get(i).name());
                if (!columns.get(i).allowedValues().isEmpty()) {
                    assertTrue(columns.get(i).allowedValues().contains(values[i]), table.name() + "."
                            + columns.get(i).name() + " holds " + values[i]);
                }
            }
        }
    }

    private static final Pattern STATUS_WORD = Pattern.compile("\\b[A-Z][A-Z_]+\\b");

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    <R> void aStatusColumnsDocNamesExactlyItsValues(Table<R> table) {
        for (Column<R> c : table.columns()) {
            if (c.allowedValues().isEmpty()) {
                continue;
            }
            Set<String> named = new TreeSet<>();
            Matcher m = STATUS_WORD.matcher(c.doc());
            while (m.find()) {
                named.add(m.group());
            }
            assertEquals(new TreeSet<>(c.allowedValues()), named, table.name() + "." + c.name() + ": " + c.doc());
        }
    }

    /**
     * One condition, one spelling: no two status values of any tables differ only in underscores or in a
     * {@code NON}/{@code NOT} prefix (as {@code NONFINITE} in {@code barriers} and {@code NOT_FINITE} elsewhere did).
     */
    @Test
    void oneConditionHasOneSpellingAcrossTables() {
        Map<String, String> byStem = new HashMap<>();
        tables().forEach(t -> t.columns().forEach(c -> c.allowedValues().forEach(v -> {
            String stem = v.replace("_", "").replaceFirst("^NON", "NOT");
            String before = byStem.putIfAbsent(stem, v + " (" + t.name() + "." + c.name() + ")");
            assertTrue(before == null || before.startsWith(v + " "), v + " in " + t.name() + "." + c.name()
                    + " spells the condition of " + before);
        })));
        assertTrue(byStem.containsKey("NOTFINITE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    <R> void migrationsLeadToTheCurrentVersion(Table<R> table) {
        List<Integer> readable = table.readableVersions();
        assertEquals(table.schemaVersion(), readable.get(readable.size() - 1));
        assertEquals(table.migrations().size() + 1, readable.size(), table.name() + ": every migration is one step");
        for (Migration m : table.migrations()) {
            m.addedColumns().forEach(c -> assertTrue(table.column(c).nullable(), table.name() + "." + c));
        }
    }

    /** The column names the issues fix, so queries written against them keep working. */
    @Test
    void theIssuesColumnNamesExist() {
        Map<Table<?>, List<String>> names = new java.util.HashMap<>(Map.of(
                MinimumRow.TABLE, List.of("config_id", "sweep", "seed", "architecture", "engine", "steps",
                        "final_loss", "status", "train_seconds", "weights", "y_norm2", "x", "y", "schema_version"),
                BarrierRow.TABLE, List.of("config_id", "minimum_id", "seed", "factor", "alphas", "losses",
                        "barrier", "midpoint_loss", "closed_form_midpoint_loss", "endpoint_distance", "status",
                        "schema_version"),
                ComponentRow.TABLE, List.of("config_id", "architecture", "l", "h", "eps", "up_to_permutation",
                        "samples", "converged", "classes_found", "components_measured", "components_predicted",
                        "paths_verified", "paths_failed", "max_loss_within_paths", "min_loss_at_crossings",
                        "schema_version"),
                RunRow.TABLE, List.of("run_id", "sweep", "started", "ended", "status", "planned", "skipped",
                        "computed", "master", "executors", "code_version", "git_commit", "java_version", "os", "arch",
                        "simd", "dl4j_version", "nd4j_version", "spec")));
        // issue 11, item 5 (and issue 12's head_mode)
        names.put(ModelRow.TABLE, List.of("config_id", "seed", "dataset", "architecture", "width", "engine", "train_loss",
                "test_loss", "train_accuracy", "test_accuracy", "steps", "train_seconds", "weights", "status"));
        names.put(AlignmentRow.TABLE, List.of("config_id", "model_a", "model_b", "symmetry_class", "method", "repair",
                "transform", "objective", "equivalence_error", "distance_before", "distance_after", "lambdas",
                "train_losses", "test_losses", "train_accuracies", "test_accuracies", "train_loss_barrier",
                "test_loss_barrier", "test_loss_barrier_mean", "test_accuracy_barrier", "iterations", "seconds",
                "status", "head_mode"));
        names.forEach((table, columns) -> columns.forEach(c -> assertEquals(c, table.column(c).name())));
    }

    /** Only these columns may be null; a number boxed by mistake would make another nullable. */
    @Test
    void onlyTheDeclaredColumnsMayBeNull() {
        Map<String, Set<String>> nullable = Map.of(
                "minima", Set.of("x", "y"),
                "barriers", Set.of("factor_range", "range_loss_bound"),
                "components", Set.of("components_measured", "x", "y"),
                "component_samples", Set.of("sign_pattern", "component", "permutation"),
                "runs", Set.of("failure", "simd"),
                "models", Set.of("train_indices", "test_indices", "train_x", "train_y", "test_x", "test_y",
                        "train_accuracy", "test_accuracy"),
                "alignments", Set.of("head_mode", "distance_after", "lambdas", "train_losses", "test_losses",
                        "train_accuracies", "test_accuracies", "train_loss_barrier", "test_loss_barrier",
                        "train_loss_barrier_mean", "test_loss_barrier_mean", "train_accuracy_barrier",
                        "test_accuracy_barrier", "spectrum", "rescaling"),
                "merges", Set.of("head_mode", "merged_train_accuracy", "merged_test_accuracy", "simplex_test_barrier"));
        tables().forEach(t -> {
            for (Column<?> c : t.columns()) {
                assertEquals(nullable.getOrDefault(t.name(), Set.of()).contains(c.name()), c.nullable(),
                        t.name() + "." + c.name());
            }
        });
    }
}
