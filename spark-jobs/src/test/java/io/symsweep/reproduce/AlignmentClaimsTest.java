package io.symsweep.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.report.Claim;
import io.symsweep.report.ClaimResult;
import io.symsweep.report.ClaimStatus;
import io.symsweep.report.Figure;
import io.symsweep.spark.SparkTestSession;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The alignment claims on hand-made {@code alignments} and {@code models} tables: each passes on barriers like the
 * measured ones and fails when the table violates it (a barrier above its bound, classes out of order, the width
 * trend reversed, no cases); the figures draw from the same tables.
 */
class AlignmentClaimsTest {

    static SparkSession spark;

    static final StructType ALIGNMENTS = new StructType().add("model_a", DataTypes.StringType)
            .add("model_b", DataTypes.StringType).add("symmetry_class", DataTypes.StringType)
            .add("method", DataTypes.StringType).add("repair", DataTypes.BooleanType)
            .add("rescale_factor", DataTypes.DoubleType).add("test_loss_barrier", DataTypes.DoubleType)
            .add("lambdas", DataTypes.createArrayType(DataTypes.DoubleType))
            .add("test_losses", DataTypes.createArrayType(DataTypes.DoubleType));

    static final StructType MODELS = new StructType().add("config_id", DataTypes.StringType)
            .add("width", DataTypes.IntegerType);

    @BeforeAll
    static void session() {
        spark = SparkTestSession.get();
    }

    /** An alignment row of pair (a, b) with a three-point curve peaking at {@code barrier}. */
    static Row row(String a, String b, String cls, String method, boolean repair, double m, Double barrier) {
        List<Double> lambdas = List.of(0.0, 0.5, 1.0);
        List<Double> losses = barrier == null ? null : List.of(1e-3, 1e-3 + barrier, 1e-3);
        return RowFactory.create(a, b, cls, method, repair, m, barrier,
                scala.jdk.javaapi.CollectionConverters.asScala(lambdas).toSeq(),
                losses == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(losses).toSeq());
    }

    static void alignments(Path root, String spec, List<Row> rows) {
        spark.createDataFrame(rows, ALIGNMENTS).write().parquet(root.resolve(spec + "/alignments").toString());
    }

    /** Linear-net rows for two pairs: none, permutation, orthogonal, invertible with the barriers given. */
    static List<Row> linear(double none, double permutation, double orthogonal, Double invertible) {
        List<Row> out = new ArrayList<>();
        for (String pair : List.of("a", "b")) {
            out.add(row(pair, "z", "none", "none", false, 1, none));
            out.add(row(pair, "z", "permutation", "weight_matching", false, 1, permutation));
            out.add(row(pair, "z", "orthogonal", "weight_matching", false, 1, orthogonal));
            out.add(row(pair, "z", "invertible", "weight_matching", false, 1, invertible));
        }
        return out;
    }

    static ClaimResult evaluate(Path root, String spec, Claim c) {
        Claim moved = new Claim(c.id(), c.group(), c.title(), c.statement(), c.prediction(), c.tolerance(), spec,
                c.sql(), c.awaitsColumn());
        return Reproduction.evaluate(new ResultTables(spark, root.toString()), moved);
    }

    @Test
    void deepLinearClaimsPassOnTheMeasuredBarriersAndFailWhenViolated(@TempDir Path root) {
        alignments(root, "measured", linear(0.6, 0.26, 0.011, 2e-8));
        alignments(root, "above-bound", linear(0.6, 0.26, 0.011, 3e-6));
        alignments(root, "disordered", linear(0.6, 0.01, 0.26, 2e-8));
        alignments(root, "unprobed", linear(0.6, 0.26, 0.011, null));
        Claim invertible = AlignmentClaims.linearInvertible(AlignmentClaims.INVERTIBLE_BOUND);
        Claim ordering = AlignmentClaims.linearOrdering(AlignmentClaims.LINEAR_CLASSES);

        ClaimResult ok = evaluate(root, "measured", invertible);
        assertEquals(ClaimStatus.PASS, ok.status(), ok.toString());
        assertEquals(2, ok.cases());
        assertEquals("< 1e-6", ok.predicted());
        ClaimResult ordered = evaluate(root, "measured", ordering);
        assertEquals(ClaimStatus.PASS, ordered.status(), ordered.toString());
        assertEquals("none 0.600 > permutation 0.260 > orthogonal 0.0110 > invertible 2.00e-08", ordered.measured());
        assertEquals(8, ordered.cases());

        assertEquals(ClaimStatus.FAIL, evaluate(root, "above-bound", invertible).status());
        assertEquals(ClaimStatus.PASS, evaluate(root, "above-bound", ordering).status());
        assertEquals(ClaimStatus.FAIL, evaluate(root, "disordered", ordering).status());
        assertEquals(ClaimStatus.PASS, evaluate(root, "disordered", invertible).status());
        // A row that was not probed is not a pass by omission.
        assertEquals(ClaimStatus.FAIL, evaluate(root, "unprobed", invertible).status());
        assertEquals(ClaimStatus.FAIL, evaluate(root, "unprobed", ordering).status());
        // A table without the invertible class has no case.
        alignments(root, "no-invertible", linear(0.6, 0.26, 0.011, 2e-8).stream()
                .filter(r -> !r.getString(2).equals("invertible")).toList());
        assertEquals(ClaimStatus.FAIL, evaluate(root, "no-invertible", invertible).status());
        assertEquals(ClaimStatus.FAIL, evaluate(root, "no-invertible", ordering).status());
    }

    /** Rescaled rows: each model against its own copy at m = 1, 100, 1e4, and one pair of distinct models. */
    static List<Row> rescaled(double scalingBarrier, double permutationAt100) {
        List<Row> out = new ArrayList<>();
        for (String model : List.of("a", "b")) {
            out.add(row(model, model, "permutation", "weight_matching", false, 1, 0.0));
            out.add(row(model, model, "permutation_scaling", "weight_matching", false, 1, 0.0));
            out.add(row(model, model, "permutation", "weight_matching", false, 100, permutationAt100));
            out.add(row(model, model, "permutation_scaling", "weight_matching", false, 100, 1e-17));
            out.add(row(model, model, "permutation", "weight_matching", false, 1e4, 676.0));
            out.add(row(model, model, "permutation_scaling", "weight_matching", false, 1e4, scalingBarrier));
        }
        // Another model's copy keeps that pair's own barrier after permutation_scaling: not a case of the claim.
        out.add(row("a", "b", "permutation_scaling", "weight_matching", false, 1e4, 0.08));
        // Activation matching's tie among indistinguishable units: shown in the measurement, not bounded.
        out.add(row("a", "a", "permutation_scaling", "activation_matching", false, 100, 3.1e-7));
        return out;
    }

    @Test
    void theRescaledClaimPassesWhenScalingRemovesTheBarrierAndFailsOtherwise(@TempDir Path root) {
        alignments(root, "measured", rescaled(2e-17, 4.4));
        alignments(root, "scaling-leaves-barrier", rescaled(2e-8, 4.4));
        alignments(root, "permutation-removes-it", rescaled(2e-17, 0.005));
        // Without weight matching's scaling rows the bound has no case: not a pass by omission.
        alignments(root, "activation-only", rescaled(2e-17, 4.4).stream()
                .filter(r -> !(r.getString(2).equals("permutation_scaling") && r.getString(3).equals("weight_matching")))
                .toList());
        Claim c = AlignmentClaims.rescaledScaling(AlignmentClaims.SCALING_BOUND, AlignmentClaims.PERMUTATION_FLOOR);
        ClaimResult ok = evaluate(root, "measured", c);
        assertEquals(ClaimStatus.PASS, ok.status(), ok.toString());
        assertEquals(9, ok.cases(), "2 models x 2 classes x m = 100, 1e4, and activation matching's row");
        assertEquals("permutation_scaling max 2.0e-17 (activation matching 3.1e-07, not bounded); permutation min 4.40 "
                + "(at m = 100)", ok.measured());
        assertEquals(ClaimStatus.FAIL, evaluate(root, "scaling-leaves-barrier", c).status());
        assertEquals(ClaimStatus.FAIL, evaluate(root, "permutation-removes-it", c).status());
        assertEquals(ClaimStatus.FAIL, evaluate(root, "activation-only", c).status());
        // Without activation matching's rows the measurement says nothing of it.
        alignments(root, "weight-only", rescaled(2e-17, 4.4).stream()
                .filter(r -> r.getString(3).equals("weight_matching")).toList());
        ClaimResult weightOnly = evaluate(root, "weight-only", c);
        assertEquals(ClaimStatus.PASS, weightOnly.status(), weightOnly.toString());
        assertEquals("permutation_scaling max 2.0e-17; permutation min 4.40 (at m = 100)", weightOnly.measured());
        // A bound the data violates, passed in, fails the same rows.
        assertEquals(ClaimStatus.FAIL, evaluate(root, "measured", AlignmentClaims.rescaledScaling(1e-17, 1e-2))
                .status());
    }

    static void digits(Path root, String spec, double narrow, double wide) {
        spark.createDataFrame(List.of(RowFactory.create("n1", 16), RowFactory.create("n2", 16),
                RowFactory.create("w1", 64), RowFactory.create("w2", 64)), MODELS).write()
                .parquet(root.resolve(spec + "/models").toString());
        alignments(root, spec, List.of(
                row("n1", "n2", "permutation", "weight_matching", false, 1, narrow),
                row("n1", "n2", "permutation", "activation_matching", false, 1, 0.01),
                row("n1", "n2", "none", "none", false, 1, 1.4),
                row("w1", "w2", "permutation", "weight_matching", false, 1, wide),
                row("w1", "w2", "permutation", "weight_matching", true, 1, 9.0),
                row("w1", "w2", "none", "none", false, 1, 0.9)));
    }

    @Test
    void theWidthTrendPassesWhenTheWidestBarrierIsLowerAndFailsWhenReversed(@TempDir Path root) {
        digits(root, "falls", 0.433, 0.232);
        digits(root, "rises", 0.232, 0.433);
        Claim c = AlignmentClaims.digitsWidth();
        ClaimResult ok = evaluate(root, "falls", c);
        assertEquals(ClaimStatus.PASS, ok.status(), ok.toString());
        assertEquals("h = 16: 0.433, h = 64: 0.232", ok.measured());
        assertEquals(2, ok.cases(), "the weight-matching rows without REPAIR only");
        assertEquals(ClaimStatus.FAIL, evaluate(root, "rises", c).status());
    }

    @Test
    void theFiguresDrawFromTheTables(@TempDir Path root) {
        alignments(root, "alignment-linear", linear(0.6, 0.26, 0.011, 2e-8));
        alignments(root, "alignment-rescaled", rescaled(2e-17, 4.4));
        digits(root, "alignment-digits", 0.433, 0.232);
        AlignmentFigures f = new AlignmentFigures(new ResultTables(spark, root.toString()));
        for (Drawing p : f.drawings()) {
            Figure fig = p.draw().get();
            assertEquals(p.name(), fig.name());
            assertTrue(fig.png().length > 1000, p.name());
        }
    }
}
