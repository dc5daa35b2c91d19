package io.symsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.table.BarrierRow;
import io.symsweep.table.BarriersTable;
import io.symsweep.table.Column;
import io.symsweep.table.ComponentRow;
import io.symsweep.table.ComponentSampleRow;
import io.symsweep.table.ComponentSamplesTable;
import io.symsweep.table.ComponentsTable;
import io.symsweep.table.MinimaTable;
import io.symsweep.table.MinimumRow;
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
        return new BarrierRow(id, "m1", "t", 7, 12000, 4, new double[] {0, 0.5, 1},
                new double[] {1e-27, Double.NaN, Double.POSITIVE_INFINITY}, Double.NaN, 8.5, 8.25, 1e6, "NONFINITE",
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
