package io.symsweep.reproduce;

import io.symsweep.report.Charts;
import io.symsweep.report.Charts.Scale;
import io.symsweep.report.Charts.Style;
import io.symsweep.report.Figure;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The figures of the alignment specs, drawn from their {@code alignments} and {@code models} tables with JFreeChart
 * (as {@link PaperFigures}): a panel's SQL returns rows {@code (series, x, y)}, or {@code (series, category, y)} for
 * a bar chart, in drawing order, and is the only place that names table columns.
 */
record AlignmentFigures(ResultTables tables) {

    /** Every alignment figure, in report order. */
    List<Drawing> drawings() {
        return List.of(
                new Drawing("align_linear", "alignment-linear", this::linearBarriers),
                new Drawing("align_linear_curves", "alignment-linear", this::linearCurves),
                new Drawing("align_rescaled", "alignment-rescaled", this::rescaled),
                new Drawing("align_digits", "alignment-digits", this::digits));
    }

    Figure linearBarriers() {
        List<Map<String, Object>> rows = tables.query("alignment-linear", """
                SELECT method AS series, symmetry_class AS category, avg(test_loss_barrier) AS y,
                       max(test_loss_barrier) AS worst, count(*) AS pairs
                FROM alignments WHERE test_loss_barrier IS NOT NULL
                GROUP BY symmetry_class, method
                ORDER BY CASE symmetry_class WHEN 'none' THEN 0 WHEN 'permutation' THEN 1 WHEN 'orthogonal' THEN 2
                         ELSE 3 END, method""");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        long pairs = 0;
        StringBuilder values = new StringBuilder();
        for (Map<String, Object> r : rows) {
            double y = ((Number) r.get("y")).doubleValue();
            data.addValue(Math.max(y, 1e-12), String.valueOf(r.get("series")), String.valueOf(r.get("category")));
            pairs = Math.max(pairs, ((Number) r.get("pairs")).longValue());
            values.append(values.length() == 0 ? "" : "; ").append(r.get("category")).append(" / ")
                    .append(r.get("series")).append(String.format(java.util.Locale.ROOT, " %.3g", y));
        }
        JFreeChart c = bars("mean test-loss barrier over " + pairs + (pairs == 1 ? " pair" : " pairs"),
                "symmetry class",
                "test-loss barrier (log)", data);
        return new Figure("align_linear", "Deep linear nets: the barrier after alignment, by symmetry class",
                "Mean test-loss barrier (Theus et al.'s: the largest excess over the straight line between the "
                        + "endpoints' losses) between two independently trained deep linear nets 16-16-16-16 after "
                        + "aligning B to A within each class, by method (table alignments of alignment-linear; "
                        + "values " + values + "). GL is the nets' whole symmetry (Prop 4.1), so the invertible "
                        + "class takes B onto A; bars are drawn from 1e-12 on the log axis.",
                Charts.png(c));
    }

    Figure linearCurves() {
        Map<String, double[][]> data = tables.series("alignment-linear", """
                WITH points AS (
                  SELECT a.symmetry_class, a.method, round(p.lambdas, 9) AS x, p.test_losses AS loss
                  FROM alignments a LATERAL VIEW explode(arrays_zip(a.lambdas, a.test_losses)) AS p
                  WHERE a.lambdas IS NOT NULL),
                pairs AS (SELECT a.symmetry_class, a.method, count(*) AS n FROM alignments a
                          WHERE a.lambdas IS NOT NULL GROUP BY 1, 2)
                SELECT concat(p.symmetry_class, CASE WHEN p.method = 'none' THEN '' ELSE concat(', ', p.method) END)
                         AS series, p.x, avg(p.loss) AS y
                FROM points p JOIN pairs USING (symmetry_class, method)
                GROUP BY p.symmetry_class, p.method, p.x, pairs.n HAVING count(*) = pairs.n
                ORDER BY CASE p.symmetry_class WHEN 'none' THEN 0 WHEN 'permutation' THEN 1
                         WHEN 'orthogonal' THEN 2 ELSE 3 END, series, x""");
        JFreeChart c = Charts.xy("test loss at (1 - l) A + l B', mean over pairs", "l", Scale.LINEAR,
                "test loss (log)", Scale.LOG, Charts.styled(data, n -> Style.LINE_POINTS));
        return new Figure("align_linear_curves", "Deep linear nets: the test loss along the segment, by class",
                "Test loss along the straight line from A to the aligned B' (columns lambdas, test_losses of table "
                        + "alignments of alignment-linear), mean over pairs at the points of l every pair shares "
                        + "(the uniform grid; the refinement around each pair's peak differs). The unaligned "
                        + "segment rises to the middle; the invertible alignment stays at the minimum's loss.",
                Charts.png(c));
    }

    Figure rescaled() {
        Map<String, double[][]> data = tables.series("alignment-rescaled", """
                SELECT concat(symmetry_class, ', ', method, CASE WHEN model_a = model_b THEN ', own copy'
                         ELSE ', another model''s copy' END) AS series,
                       rescale_factor AS x, avg(test_loss_barrier) AS y
                FROM alignments WHERE test_loss_barrier IS NOT NULL
                GROUP BY symmetry_class, method, model_a = model_b, rescale_factor
                ORDER BY series, x""");
        JFreeChart c = Charts.xy("mean test-loss barrier over pairs", "rescaling factor m", Scale.LOG,
                "test-loss barrier (log)", Scale.LOG,
                Charts.styled(data, n -> n.endsWith("own copy") ? Style.LINE_POINTS : Style.DASHED));
        return new Figure("align_rescaled", "ReLU nets against rescaled copies: permutations leave Prop 5.3's "
                + "barrier, scaling-aware matching removes it",
                "Test-loss barrier between a 64-64-64-10 ReLU net on digits and a copy whose hidden units were "
                        + "rescaled by factors from 1 to m, after aligning the copy by permutation or by "
                        + "permutation_scaling (table alignments of alignment-rescaled): the model's own copy "
                        + "(solid) and, where swept, another model's (dashed). A barrier of exactly 0 (the own copy "
                        + "at m = 1, or after permutation_scaling) is off the log axis.",
                Charts.png(c));
    }

    Figure digits() {
        Map<String, double[][]> data = tables.series("alignment-digits", """
                SELECT concat(a.symmetry_class, CASE WHEN a.method = 'none' THEN '' ELSE concat(', ', a.method) END,
                         CASE WHEN a.repair THEN ', REPAIR' ELSE '' END) AS series,
                       m.width AS x, avg(a.test_loss_barrier) AS y
                FROM alignments a JOIN models m ON a.model_a = m.config_id
                WHERE a.test_loss_barrier IS NOT NULL
                GROUP BY a.symmetry_class, a.method, a.repair, m.width
                ORDER BY series, x""");
        JFreeChart c = Charts.xy("mean test-loss barrier over pairs", "hidden width h", Scale.LOG,
                "test-loss barrier", Scale.LINEAR,
                Charts.styled(data, n -> n.endsWith("REPAIR") ? Style.DASHED : Style.LINE_POINTS));
        return new Figure("align_digits", "Digits MLPs 64-h-h-10: the barrier against width, by method",
                "Mean test-loss barrier between independently trained MLPs after each method (table alignments of "
                        + "alignment-digits, joined to models for the width; dashed with REPAIR where swept). Git "
                        + "Re-Basin's trend, the weight-matching barrier falling with width, is the claim "
                        + "align-digits-width; Theus et al.'s ordering of methods is not claimed: here activation "
                        + "matching is below weight matching.",
                Charts.png(c));
    }

    /** A bar chart of {@code data} (series by row key, groups by column key) on a log value axis. */
    private static JFreeChart bars(String title, String categoryLabel, String valueLabel,
            DefaultCategoryDataset data) {
        LogAxis values = new LogAxis(valueLabel);
        values.setSmallestValue(1e-12);
        values.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
        values.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        values.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        CategoryAxis categories = new CategoryAxis(categoryLabel);
        categories.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        categories.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        BarRenderer renderer = new BarRenderer();
        renderer.setBase(1e-12);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, Charts.color(i));
        }
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xcccccc));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return chart;
    }
}
