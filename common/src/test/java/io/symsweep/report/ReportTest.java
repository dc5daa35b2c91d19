package io.symsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims' verdicts, the report files and the charts. */
class ReportTest {

    static final Claim CLAIM = new Claim("x1", "x", "Claim X", "statement", "prediction", "tolerance", "figure4",
            "SELECT 1 AS predicted, 1 AS measured, 3 AS cases, true AS pass", null);

    static Map<String, Object> row(Object predicted, Object measured, Object cases, Object pass) {
        Map<String, Object> m = new HashMap<>();
        m.put("predicted", predicted);
        m.put("measured", measured);
        m.put("cases", cases);
        m.put("pass", pass);
        return m;
    }

    @Test
    void aClaimPassesOnlyWithCasesAndATrueVerdict() {
        assertEquals(ClaimStatus.PASS, ClaimResult.of(CLAIM, row(4, 4, 10L, true)).status());
        assertEquals(ClaimStatus.FAIL, ClaimResult.of(CLAIM, row(4, 3, 10L, false)).status());
        ClaimResult none = ClaimResult.of(CLAIM, row(4, null, 0L, true));
        assertEquals(ClaimStatus.FAIL, none.status());
        assertEquals("no cases to measure it on", none.note());
        assertEquals(ClaimStatus.FAIL, ClaimResult.of(CLAIM, row(4, 4, null, true)).status());
        assertEquals(ClaimStatus.FAIL, ClaimResult.of(CLAIM, row(4, Double.NaN, 5L, null)).status());
        Map<String, Object> missing = row(4, 4, 5L, true);
        missing.remove("pass");
        assertEquals(ClaimStatus.FAIL, ClaimResult.of(CLAIM, missing).status());
        assertThrows(IllegalArgumentException.class, () -> new ClaimResult(CLAIM, ClaimStatus.PASS, "", "", 0, ""));
        assertEquals("1.850e-13", ClaimResult.text(1.85e-13));
        assertEquals("4", ClaimResult.text(4.0));
    }

    @Test
    void theReportIsFourKindsOfFileAndTheHtmlNeedsNothingElse(@TempDir Path dir) throws Exception {
        byte[] png = Charts.png(Charts.xy("t", "x", Charts.Scale.LINEAR, "y", Charts.Scale.LINEAR,
                List.of(new Charts.Series("s", new double[] {1, 2}, new double[] {3, 4}, Charts.Style.LINE))));
        List<ClaimResult> results = List.of(ClaimResult.of(CLAIM, row(4, 4, 10L, true)),
                ClaimResult.notMeasured(new Claim("y", "y", "Claim Y", "s", "p", "t", "corollary42",
                        "SELECT 1", "components.new_column"), "no column"));
        new ReportWriter("heading <&>", "/r", results, List.of(new Figure("fig_a", "Fig A", "caption", png)), "notes")
                .write(dir);
        for (String f : List.of("claims.md", "claims.json", "index.html", "fig_a.png")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("src=\"data:image/png;base64,"));
        assertFalse(html.matches("(?s).*(src|href)=\"(?!data:).*"), "an external asset in index.html");
        assertTrue(html.contains("heading &lt;&amp;&gt;"));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("claims.json").toFile());
        assertEquals(2, json.size());
        for (String field : List.of("claim", "status", "predicted", "measured", "cases", "sql")) {
            assertTrue(json.get(0).has(field), field);
        }
        assertEquals("PASS", json.get(0).get("status").asText());
        assertEquals("NOT_MEASURED", json.get(1).get("status").asText());
        assertEquals(10, json.get(0).get("cases").asInt());
        String md = Files.readString(dir.resolve("claims.md"));
        assertTrue(md.contains("| Claim X | **PASS** | 4 | 4 | 10 | figure4 |"), md);
        assertTrue(md.contains("./symsweep sql --results /r/figure4 \"SELECT 1 AS predicted"), md);
    }

    @Test
    void chartsArePngsOfTheirSizeAndLogAxesDropWhatTheyCannotShow() throws Exception {
        var chart = Charts.xy("t", "x", Charts.Scale.LOG, "y", Charts.Scale.LOG, List.of(new Charts.Series("s",
                new double[] {0, 1, 10, Double.NaN}, new double[] {1, -1, 100, 5}, Charts.Style.POINTS)));
        var series = ((org.jfree.data.xy.XYSeriesCollection) chart.getXYPlot().getDataset()).getSeries(0);
        assertEquals(1, series.getItemCount(), "only (10, 100) is on both log axes");
        BufferedImage two = ImageIO.read(new ByteArrayInputStream(Charts.png("title", List.of(chart, chart))));
        assertEquals(2 * Charts.WIDTH, two.getWidth());
        assertEquals(Charts.HEIGHT + 36, two.getHeight());
        assertThrows(IllegalArgumentException.class, () -> new Figure("bad name", "t", "c", new byte[] {1, 2}));
    }

    @Test
    void figure2sLandscapeMeetsEquation15AtTheMidpoint() {
        // w = (0.4, 2.5), m = 6.25: the midpoint is (1.45, 1.45), loss (1 - 2.1025)^2 = 1.21550625 (by hand), and
        // Eq. (15) gives (1 - 7.25 * 1.16 / 4)^2, the same number.
        assertEquals(1.21550625, LossLandscape.segmentLoss(0.4, 6.25, 0.5), 1e-12);
        assertEquals(1.21550625, LossLandscape.midpointClosedForm(6.25), 1e-12);
        assertEquals(0, LossLandscape.segmentLoss(0.4, 6.25, 0), 1e-15);
        assertEquals(0, LossLandscape.segmentLoss(0.4, 6.25, 1), 1e-15);
        double[][] g = LossLandscape.logGrid(2, 5);
        assertEquals(Math.log10(1 + 1e-6), g[2][2], 1e-12, "(0, 0) has loss 1");
    }
}
