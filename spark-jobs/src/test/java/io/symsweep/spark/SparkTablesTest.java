package io.symsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.table.ApproximateActionRow;
import io.symsweep.table.ApproximateActionTable;
import io.symsweep.table.BarrierRow;
import io.symsweep.table.BarriersTable;
import io.symsweep.table.Column;
import io.symsweep.table.ComponentRow;
import io.symsweep.table.ComponentSampleRow;
import io.symsweep.table.ComponentSamplesTable;
import io.symsweep.table.ComponentsTable;
import io.symsweep.table.CurveRow;
import io.symsweep.table.CurvesTable;
import io.symsweep.table.MinimaTable;
import io.symsweep.table.MinimumRow;
import io.symsweep.table.OrbitRow;
import io.symsweep.table.OrbitsTable;
import io.symsweep.table.Table;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each table's declaration survives the trip to Parquet and back, bit for bit, docs included. */
class SparkTablesTest {

    @TempDir
    Path dir;

    static MinimumRow minimum(String id, double loss) {
        return new MinimumRow(id, "t", "rescaling-barrier", 7, "mlp[2,3,1]/leaky_relu(0.01)", "dense", 12, loss,
                "CONVERGED", 0.25, new double[][] {{1, -2, 3.5, 0.1, -0.0, 1e-300}, {Double.MIN_VALUE, 2, -1}}, 3.75,
                "{\"seed\":7}", "0.1.0");
    }

    static BarrierRow barrier(String id) {
        return new BarrierRow(id, "m1", "t", 7, 12000, 4, "best", new double[] {0, 0.5, 1},
                new double[] {1e-27, Double.NaN, Double.POSITIVE_INFINITY}, Double.NaN, 8.5, 8.25, 1e6, "matching", 2,
                new int[] {1, 0, 2}, 9.5, id.equals("x") ? 10.0 : null, id.equals("x") ? 16.2 : null, "NONFINITE",
                "CONVERGED", "{\"seed\":7}", "0.1.0");
    }

    /** A measured count and one whose count is null (not measured), NaN where nothing was tried. */
    static ComponentRow component(String id, Integer measured) {
        return new ComponentRow(id, "t", 0, "linear", 3, 2, 0.0, true, 50, 48, 4, measured, 1, 1, 47, 0, 1e-29,
                Double.NaN, 6, 0, 0.36, 2e-19, 8.5, measured == null ? "INCOMPLETE_SAMPLING" : "OK", "{}", "0.1.0");
    }

    /** A trained sample with pattern, component and permutations; a diverged one with nulls. */
    static ComponentSampleRow sample(String id, boolean converged) {
        return converged
                ? new ComponentSampleRow(id, "t", 0, 3, "CONVERGED", 812, 2, 1e-27, "+-", 0, new int[] {1, 0},
                        new double[][] {{1, 2, 3, 4}, {-1, 0, 0.5, 2}, {0, 1e-300, -0.0, 7}}, "{}", "0.1.0")
                : new ComponentSampleRow(id, "t", 0, 4, "DIVERGED", 90, 0, Double.NaN, null, null, null,
                        new double[][] {{Double.NaN}, {Double.POSITIVE_INFINITY}}, "{}", "0.1.0");
    }

    @Test
    void componentsRoundTrip() {
        roundTrip(ComponentsTable.INSTANCE, List.of(component("a", 1), component("b", null)));
        roundTrip(ComponentSamplesTable.INSTANCE, List.of(sample("a", true), sample("b", false)));
    }

    @Test
    void minimaRoundTrip() {
        roundTrip(MinimaTable.INSTANCE, List.of(minimum("a", 1e-27), minimum("b", Double.NaN)));
    }

    @Test
    void barriersRoundTrip() {
        roundTrip(BarriersTable.INSTANCE, List.of(barrier("x"), barrier("y")));
    }

    @Test
    void approximateActionRoundTrip() {
        roundTrip(ApproximateActionTable.INSTANCE, List.of(new ApproximateActionRow("a", "t", 3, 4, 2, 5, 6,
                "mlp[5,2,4]/sigmoid", false, "gaussian", new double[] {1, 0, 0, 1}, 1.0, 1, 100, 1e-3, 40, 2,
                "NOT_CONVERGED", 0.1, 7, 3, 3.0 / 7, true, 2, false, 4.5, new double[][] {{1}, {2, Double.NaN}},
                new double[] {0.5}, new double[] {-0.5}, "OK", "{}", "0.1.0")));
    }

    @Test
    void curvesRoundTrip() {
        roundTrip(CurvesTable.INSTANCE, List.of(new CurveRow("c", "m", "t", 0, "mlp[16,32,64]/tanh", 8, "dense", 600,
                1e-21, "CONVERGED", 0.2, 4, 2.0, new double[] {1, 0, 0, 1}, new double[] {0, 0.5, 1},
                new double[] {1e-21, 1e-21, 1e-21}, new double[] {1e-21, 0.3, 1e-21}, new double[] {0.2, Double.NaN, 0.2},
                3, 3.1, 0.6, 0.21, 0.21, 0.25, 0.3, 5.0, 0.075, 1.25, 0.3, 1e-25, 0.3, 1e-21, 0.15, true, true, false,
                new double[][] {{1, 2}, {3}}, "OK", "{}", "0.1.0")));
    }

    @Test
    void orbitsRoundTrip() {
        roundTrip(OrbitsTable.INSTANCE, List.of(new OrbitRow("o", "t", 2, 2, 100, 0.5, 50.005, 50.005, 110.4, 12194.7,
                492.7, 28659.1, 52.1, true, 15, 2067, "continued", 3e-6, "CONVERGED", 252, 300,
                new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}, new double[] {50, 0, 0, 0.02}, "{}", "0.1.0")));
    }

    private <R> void roundTrip(Table<R> table, List<R> records) {
        SparkSession spark = SparkTestSession.get();
        StructType schema = SparkTables.schema(table);
        List<Row> rows = records.stream().map(r -> SparkTables.toRow(table, r)).toList();
        String path = dir.resolve(table.name()).toString();
        spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite).parquet(path);
        var read = spark.read().parquet(path);
        List<Row> back = read.orderBy("config_id").collectAsList();
        assertEquals(records.size(), back.size());
        for (int i = 0; i < records.size(); i++) {
            R r = SparkTables.fromRow(table, back.get(i));
            assertTrue(table.sameValues(records.get(i), r), "row " + i + " of " + table.name() + " changed");
        }
        // The Parquet files carry each column's doc as its comment, in declaration order.
        List<Column<R>> columns = table.columns();
        assertEquals(columns.size(), read.schema().fields().length);
        for (int i = 0; i < columns.size(); i++) {
            assertEquals(columns.get(i).name(), read.schema().fields()[i].name());
            assertEquals(columns.get(i).doc(), read.schema().fields()[i].getComment().get());
        }
    }
}
