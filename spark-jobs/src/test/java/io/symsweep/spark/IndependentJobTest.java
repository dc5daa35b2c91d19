package io.symsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.experiment.Experiments;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.OrbitRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-stage kind through {@link SweepJob}: every configuration exactly once, rows equal to those computed in plain
 * Java, and a rerun that skips what is committed.
 */
class IndependentJobTest {

    @TempDir
    Path dir;

    @Test
    void anOrbitDistanceSweepWritesEachRowOnceAndResumes() {
        SparkSession spark = SparkTestSession.get();
        SweepSpec spec = Experiments.reader().parse("""
                name: orbits
                kind: orbit-distance
                orbit: {n: 2, betas: [1, 3, 10]}
                seeds: 0..2
                """);
        List<Configuration> configurations = spec.configurations();
        ResultStore store = new ResultStore(spark, dir.toString());
        List<TableSummary> first = new SweepJob(spark, store, 4).run(spec);
        assertEquals(1, first.size());
        assertEquals(9, first.get(0).total());
        assertEquals(9, first.get(0).computed());
        Row counts = store.read(OrbitRow.TABLE).selectExpr("count(*)", "count(distinct config_id)").first();
        assertEquals(9L, counts.getLong(0));
        assertEquals(9L, counts.getLong(1));
        Map<String, OrbitRow> rows = new TreeMap<>();
        for (Row r : store.read(OrbitRow.TABLE).collectAsList()) {
            OrbitRow o = SparkTables.fromRow(OrbitRow.TABLE, r);
            rows.put(o.provenance().configId(), o);
        }
        for (Configuration c : configurations) {
            OrbitRow expected = new io.symsweep.experiment.OrbitDistance().measure(c, "orbits");
            assertTrue(OrbitRow.TABLE.sameValues(expected, rows.get(c.id())), "row of " + c + " differs");
        }
        List<TableSummary> again = new SweepJob(spark, store, 4).run(spec);
        assertEquals(0, again.get(0).computed());
        assertEquals(9, again.get(0).skipped());
    }
}
