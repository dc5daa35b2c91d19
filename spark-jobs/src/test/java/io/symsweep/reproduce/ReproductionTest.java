package io.symsweep.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.report.Claim;
import io.symsweep.report.ClaimResult;
import io.symsweep.report.ClaimStatus;
import io.symsweep.spark.SparkTestSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reproduction end to end on real Spark and Parquet: Figure 4 at a tiny scale passes Prop 5.3; a wrong closed
 * form passed in fails it with exit status 1; a claim over zero cases fails; the independent count is not
 * measured until its column holds values, and then passes only when both counts are 2^(l-1).
 */
class ReproductionTest {

    static final Path PAPER = PaperSpecsTest.PAPER;

    @TempDir
    static Path dir;

    static SparkSession spark;
    static PaperSpecs tiny;
    static Reproduction.Outcome first;

    @BeforeAll
    static void runFigure4() throws Exception {
        spark = SparkTestSession.get();
        tiny = PaperSpecs.at(PAPER, "tiny",
                Path.of(ReproductionTest.class.getResource("/scales/tiny.yaml").toURI()));
        Reproduction.Plan plan = Reproduction.plan(tiny, PaperClaims.all(tiny), List.of("prop5.3"), dir);
        first = Reproduction.run(spark, plan, new PrintWriter(new StringWriter()));
    }

    @Test
    void figure4AtATinyScalePassesProposition53AndWritesTheReport() throws Exception {
        assertEquals(1, first.results().size());
        ClaimResult r = first.results().get(0);
        assertEquals(ClaimStatus.PASS, r.status(), r.toString());
        assertEquals(6, r.cases(), "2 seeds x the factors 2, 50, 1000 (1 < 1.5 is left out): " + r);
        assertEquals(0, first.exitCode());
        for (String f : List.of("claims.md", "claims.json", "index.html", "figure4.png", "figure2.png")) {
            assertTrue(Files.size(dir.resolve("report").resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(dir.resolve("specs").resolve("figure4.yaml")).contains("seeds: 0..1"));
    }

    @Test
    void aWrongClosedFormFailsTheClaimAndTheExitStatus() {
        String wrong = PaperClaims.EQUATION_15.replace("/ 4", "/ 8");
        Claim broken = PaperClaims.proposition53(wrong, 1e-11);
        Reproduction.Plan plan = Reproduction.plan(tiny, List.of(broken), List.of(), dir);
        StringWriter log = new StringWriter();
        Reproduction.Outcome o = Reproduction.run(spark, plan, new PrintWriter(log));
        assertEquals(ClaimStatus.FAIL, o.results().get(0).status());
        assertEquals(1, o.exitCode());
        assertEquals("prop5.3", o.failed().get(0).claim().id());
        assertTrue(log.toString().contains("computed now") && log.toString().contains(" 0 rows computed now"),
                "the rerun resumes: " + log);
        // The right one on the same rows passes, so the failure is the closed form's.
        assertEquals(ClaimStatus.PASS, Reproduction.evaluate(new ResultTables(spark, dir.toString()),
                PaperClaims.proposition53(PaperClaims.EQUATION_15, 1e-11)).status());
    }

    @Test
    void aClaimOverZeroCasesFails() {
        Claim none = new Claim("none", "none", "t", "s", "p", "t", "figure4", """
                SELECT 0 AS predicted, max(barrier) AS measured, count(*) AS cases, true AS pass
                FROM barriers WHERE factor > 1e9""", null);
        ClaimResult r = Reproduction.evaluate(new ResultTables(spark, dir.toString()), none);
        assertEquals(ClaimStatus.FAIL, r.status());
        assertEquals(0, r.cases());
        Claim broken = new Claim("bad", "bad", "t", "s", "p", "t", "figure4", "SELECT nope FROM barriers", null);
        assertEquals(ClaimStatus.FAIL, Reproduction.evaluate(new ResultTables(spark, dir.toString()), broken).status());
    }

    @Test
    void theIndependentCountIsNotMeasuredWithoutValuesAndPassesOnlyWhenBothCountsAreTwoToTheLMinusOne(
            @TempDir Path results) {
        StructType schema = new StructType().add("l", DataTypes.IntegerType).add("h", DataTypes.IntegerType)
                .add("status", DataTypes.StringType).add("up_to_permutation", DataTypes.BooleanType)
                .add("converged", DataTypes.IntegerType).add("components_measured", DataTypes.IntegerType);
        List<Row> rows = List.of(RowFactory.create(2, 1, "OK", false, 10, 2), RowFactory.create(3, 1, "OK", false, 10,
                4));
        spark.createDataFrame(rows, schema).write().parquet(results.resolve("corollary42/components").toString());
        StructType with = schema.add(PaperClaims.INDEPENDENT_COUNT_COLUMN, DataTypes.IntegerType);
        write(results, "unset", with, 2, null, 4, null);
        write(results, "agree", with, 2, 2, 4, 4);
        write(results, "disagree", with, 2, 2, 4, 5);
        write(results, "both-wrong", with, 2, 2, 3, 3);
        write(results, "partly", with, 2, 2, 4, null);
        ResultTables t = new ResultTables(spark, results.toString());
        Claim l2 = PaperClaims.independentCount(2, 1, PaperClaims.COMPONENTS_OF_DEEP_LINEAR);
        Claim l3 = PaperClaims.independentCount(3, 1, PaperClaims.COMPONENTS_OF_DEEP_LINEAR);
        // A table of an earlier schema has no such column; one written with the count turned off has only nulls.
        assertEquals(ClaimStatus.NOT_MEASURED, Reproduction.evaluate(t, l3).status());
        assertEquals(ClaimStatus.NOT_MEASURED, Reproduction.evaluate(t, withSpec(l3, "unset")).status());

        ClaimResult agree = Reproduction.evaluate(t, withSpec(l3, "agree"));
        assertEquals(ClaimStatus.PASS, agree.status(), agree.toString());
        assertEquals("paths 4, sign patterns 4", agree.measured());
        assertEquals("4", agree.predicted());
        assertEquals(10, agree.cases());
        assertEquals(ClaimStatus.PASS, Reproduction.evaluate(t, withSpec(l2, "agree")).status());
        ClaimResult d = Reproduction.evaluate(t, withSpec(l3, "disagree"));
        assertEquals(ClaimStatus.FAIL, d.status());
        assertEquals("paths 5, sign patterns 4", d.measured());
        // The two counts agreeing is not enough: both must be 2^(l-1).
        assertEquals(ClaimStatus.FAIL, Reproduction.evaluate(t, withSpec(l3, "both-wrong")).status());
        ClaimResult missing = Reproduction.evaluate(t, withSpec(l3, "partly"));
        assertEquals(ClaimStatus.FAIL, missing.status());
        assertEquals("paths not counted, sign patterns 4", missing.measured());
        assertEquals(ClaimStatus.PASS, Reproduction.evaluate(t, withSpec(l2, "partly")).status());
    }

    /** A components table of two rows, (l, h) = (2, 1) and (3, 1), with the two counts given. */
    private static void write(Path results, String spec, StructType schema, Integer sign2, Integer paths2,
            Integer sign3, Integer paths3) {
        spark.createDataFrame(List.of(RowFactory.create(2, 1, "OK", false, 10, sign2, paths2),
                RowFactory.create(3, 1, "OK", false, 10, sign3, paths3)), schema).write()
                .parquet(results.resolve(spec + "/components").toString());
    }

    @Test
    void anotherScaleInTheSameFolderIsRefusedBeforeSparkStarts(@TempDir Path other) throws Exception {
        Path overlay = other.resolve("other.yaml");
        Files.writeString(overlay, "figure4:\n  seeds: 0..2\n  probe.factors: [1, 2]\n");
        PaperSpecs different = PaperSpecs.at(PAPER, "other", overlay);
        ReproduceException e = assertThrows(ReproduceException.class,
                () -> Reproduction.plan(different, PaperClaims.all(different), List.of("prop5.3"), dir));
        assertTrue(e.getMessage().startsWith("--out: " + dir.resolve("figure4") + " holds the results of another"),
                e.getMessage());
        e = assertThrows(ReproduceException.class,
                () -> Reproduction.plan(tiny, PaperClaims.all(tiny), List.of("prop9"), dir));
        assertTrue(e.getMessage().startsWith("--only: no claim prop9; claims: cor4.2, cor4.2-independent, prop4.3"),
                e.getMessage());
    }

    private static Claim withSpec(Claim c, String spec) {
        return new Claim(c.id(), c.group(), c.title(), c.statement(), c.prediction(), c.tolerance(), spec, c.sql(),
                c.awaitsColumn());
    }
}
