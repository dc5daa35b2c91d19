package io.symsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.experiment.Experiments;
import io.symsweep.table.Column;
import io.symsweep.table.SampleRows;
import io.symsweep.table.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each table's declaration survives the trip to Parquet and back, bit for bit, docs included: every table of every
 * registered kind, and {@code runs}, with rows of edge values and of nulls ({@link SampleRows}).
 */
class SparkTablesTest {

    @TempDir
    Path dir;

    static Stream<Table<?>> tables() {
        return Experiments.tables().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    <R> void roundTrip(Table<R> table) {
        List<R> records = SampleRows.of(table);
        SparkSession spark = SparkTestSession.get();
        StructType schema = SparkTables.schema(table);
        List<Row> rows = records.stream().map(r -> SparkTables.toRow(table, r)).toList();
        String path = dir.resolve(table.name()).toString();
        spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite).parquet(path);
        var read = spark.read().parquet(path);
        List<Row> back = read.orderBy(table.keyColumn()).collectAsList();
        assertEquals(records.size(), back.size());
        for (int i = 0; i < records.size(); i++) {
            R r = SparkTables.fromRow(table, back.get(i));
            assertTrue(table.sameValues(records.get(i), r), "row " + i + " of " + table.name() + " changed");
        }
        // The same rows read as Spark's internal rows (as a plan's shuffle gives them), columns in another order.
        List<String> reversed = new java.util.ArrayList<>(List.of(read.columns()));
        java.util.Collections.reverse(reversed);
        var shuffled = read.selectExpr(reversed.toArray(String[]::new)).orderBy(table.keyColumn());
        StructType shuffledSchema = shuffled.schema();
        List<org.apache.spark.sql.catalyst.InternalRow> internal = shuffled.queryExecution().toRdd().toJavaRDD()
                .map(org.apache.spark.sql.catalyst.InternalRow::copy).collect();
        assertEquals(records.size(), internal.size());
        for (int i = 0; i < records.size(); i++) {
            R r = SparkTables.fromInternalRow(table, shuffledSchema, internal.get(i));
            assertTrue(table.sameValues(records.get(i), r), "internal row " + i + " of " + table.name() + " changed");
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
