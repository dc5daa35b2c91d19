package io.symsweep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of {@link TransformerAlignmentBench}'s summary, on values worked by hand. */
class TransformerAlignmentBenchTest {

    private static String line(String aligner, int d, double testBarrier, double alignSeconds) {
        String[] f = new String[TransformerAlignmentBench.TSV_HEADER.split("\t").length];
        java.util.Arrays.fill(f, "0");
        List<String> h = List.of(TransformerAlignmentBench.TSV_HEADER.split("\t"));
        f[0] = "vit";
        f[1] = "" + d;
        f[2] = "4";
        f[h.indexOf("aligner")] = aligner;
        f[h.indexOf("test_loss_barrier")] = "" + testBarrier;
        f[h.indexOf("test_loss_barrier_mean")] = "" + testBarrier;
        f[h.indexOf("align_seconds")] = "" + alignSeconds;
        return String.join("\t", f);
    }

    @Test
    void meanAndStandardErrorAreTheSampleFormulas() {
        // 1, 2, 3, 4: mean 2.5, sample variance 5/3, s.e. sqrt(5/3 / 4) = 0.6454972...
        double[] ms = TransformerAlignmentBench.meanAndStandardError(new double[] {1, 2, 3, 4});
        assertEquals(2.5, ms[0], 1e-15);
        assertEquals(Math.sqrt(5.0 / 12), ms[1], 1e-15);
        assertTrue(Double.isNaN(TransformerAlignmentBench.meanAndStandardError(new double[] {7})[1]));
    }

    @Test
    void theSummaryOfTsvLinesGivesMedianMeanAndPerSizeCells() {
        List<TransformerAlignmentBench.SummaryRow> rows = List.of(
                TransformerAlignmentBench.summaryRow(line("none/none", 32, 3.0, 0.5)),
                TransformerAlignmentBench.summaryRow(line("none/none", 32, 1.0, 1.5)),
                TransformerAlignmentBench.summaryRow(line("none/none", 16, 8.0, 9.0)),
                TransformerAlignmentBench.summaryRow(line("permutation/learned", 32, Double.NaN, 2.0)));
        List<String> table = TransformerAlignmentBench.summary(rows);
        assertEquals(4, table.size());
        // none/none: N 3, median 3.000, mean 4 +- sqrt(13/3) = 2.0817 (values 3, 1, 8: variance 26/2); d32 cell mean 2 +- 1
        assertEquals("| vit | none/none | 3 | 3.000 | 4.000 +- 2.082 | 4.000 +- 2.082 | 0.000 +- 0.000 "
                + "| 0.000 +- 0.000 | 2.000 +- 1.000 | 8.000 +- NaN | 1.500 | 0.000 |", table.get(2));
        assertEquals("| vit | permutation/learned | 0 (1 failed) | - | - | - | - | - | - | - | - | - |", table.get(3));
    }
}
