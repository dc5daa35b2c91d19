package io.symsweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's charts, drawn with JFreeChart into PNGs (headless: {@code java.awt.headless} is set before the
 * first chart). Line and point charts on linear or log axes, several charts side by side in one image, and a
 * heat map of a small integer grid with a label in each cell.
 */
public final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Width and height of one panel, pixels. */
    public static final int WIDTH = 760;
    public static final int HEIGHT = 520;

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private Charts() {
    }

    /** How a series is drawn. */
    public enum Style { LINE, DASHED, POINTS, LINE_POINTS }

    /** Linear or logarithmic axis. */
    public enum Scale { LINEAR, LOG }

    /**
     * One series. On a log axis, points with a non-positive or non-finite coordinate are left out (and say so
     * in nothing: callers that care filter first).
     */
    public record Series(String name, double[] x, double[] y, Style style, Color color) {
        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException(name + ": " + x.length + " x values, " + y.length + " y values");
            }
        }

        public Series(String name, double[] x, double[] y, Style style) {
            this(name, x, y, style, null);
        }
    }

    /** A text placed at data coordinates. */
    public record Label(String text, double x, double y) {
    }

    /** {@code data} ({@code name -> (x[], y[])}) as series, each drawn in the style {@code style} gives its name. */
    public static List<Series> styled(Map<String, double[][]> data, Function<String, Style> style) {
        List<Series> out = new ArrayList<>();
        data.forEach((name, xy) -> out.add(new Series(name, xy[0], xy[1], style.apply(name))));
        return out;
    }

    /** An x-y chart. */
    public static JFreeChart xy(String title, String xLabel, Scale xScale, String yLabel, Scale yScale,
            List<Series> series, List<Label> labels) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        int i = 0;
        for (Series s : series) {
            XYSeries xs = new XYSeries(s.name(), false, true);
            for (int k = 0; k < s.x().length; k++) {
                double x = s.x()[k];
                double y = s.y()[k];
                if (!Double.isFinite(x) || !Double.isFinite(y) || (xScale == Scale.LOG && x <= 0)
                        || (yScale == Scale.LOG && y <= 0)) {
                    continue;
                }
                xs.add(x, y);
            }
            data.addSeries(xs);
            Color c = s.color() != null ? s.color() : PALETTE[i % PALETTE.length];
            renderer.setSeriesPaint(i, c);
            boolean lines = s.style() != Style.POINTS;
            renderer.setSeriesLinesVisible(i, lines);
            renderer.setSeriesShapesVisible(i, s.style() == Style.POINTS || s.style() == Style.LINE_POINTS);
            double r = s.style() == Style.POINTS ? 2.5 : 3;
            renderer.setSeriesShape(i, new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
            renderer.setSeriesStroke(i, s.style() == Style.DASHED
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f)
                    : new BasicStroke(s.style() == Style.LINE ? 2f : 1.2f));
            i++;
        }
        XYPlot plot = new XYPlot(data, axis(xLabel, xScale), axis(yLabel, yScale), renderer);
        style(plot);
        for (Label l : labels) {
            XYTextAnnotation a = new XYTextAnnotation(l.text(), l.x(), l.y());
            a.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            plot.addAnnotation(a);
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, series.size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        }
        return chart;
    }

    /** An x-y chart without labels. */
    public static JFreeChart xy(String title, String xLabel, Scale xScale, String yLabel, Scale yScale,
            List<Series> series) {
        return xy(title, xLabel, xScale, yLabel, yScale, series, List.of());
    }

    /**
     * A heat map of integer-indexed cells ({@code x[k]}, {@code y[k]}), each labelled {@code text[k]}: shaded by
     * {@code shade[k]} (0 to 1, light to dark blue) where {@code agrees[k]}, red where not, grey where
     * {@code shade[k]} is NaN (nothing measured).
     */
    public static JFreeChart agreementHeatMap(String title, String xLabel, String yLabel, int[] x, int[] y,
            double[] shade, boolean[] agrees, String[] text) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        double[][] series = new double[3][x.length];
        for (int k = 0; k < x.length; k++) {
            series[0][k] = x[k];
            series[1][k] = y[k];
            series[2][k] = Double.isNaN(shade[k]) ? -2 : !agrees[k] ? -1 : Math.max(0, Math.min(1, shade[k]));
        }
        data.addSeries("cells", series);
        LookupPaintScale scale = new LookupPaintScale(-2, 1.001, new Color(0xcccccc));
        scale.add(-2, new Color(0xcccccc));
        scale.add(-1, new Color(0xe06666));
        int steps = 16;
        for (int k = 0; k < steps; k++) {
            float f = (float) k / (steps - 1);
            scale.add((double) k / steps, new Color(1 - 0.75f * f, 1 - 0.55f * f, 1 - 0.15f * f));
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        renderer.setBlockWidth(0.96);
        renderer.setBlockHeight(0.94);
        NumberAxis xa = (NumberAxis) axis(xLabel, Scale.LINEAR);
        NumberAxis ya = (NumberAxis) axis(yLabel, Scale.LINEAR);
        xa.setTickUnit(new NumberTickUnit(1));
        ya.setTickUnit(new NumberTickUnit(1));
        xa.setRange(min(x) - 0.5, max(x) + 0.5);
        ya.setRange(min(y) - 0.5, max(y) + 0.5);
        XYPlot plot = new XYPlot(data, xa, ya, renderer);
        style(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        for (int k = 0; k < x.length; k++) {
            XYTextAnnotation a = new XYTextAnnotation(text[k], x[k], y[k]);
            a.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            a.setPaint(shade[k] > 0.6 && agrees[k] ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(a);
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * A landscape: {@code grid[i][j]} (e.g. log10 of a loss) on {@code [-r, r]^2} as coloured cells (dark blue
     * low, yellow high, with a colour bar), under the {@code overlay} series (lines and points).
     */
    public static JFreeChart landscape(String title, String xLabel, String yLabel, double r, double[][] grid,
            String zLabel, List<Series> overlay) {
        int n = grid.length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[][] cells = new double[3][n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                cells[0][k] = -r + 2 * r * i / (n - 1);
                cells[1][k] = -r + 2 * r * j / (n - 1);
                cells[2][k] = grid[i][j];
                lo = Math.min(lo, grid[i][j]);
                hi = Math.max(hi, grid[i][j]);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("grid", cells);
        // The grid is not a series of the legend.
        LookupPaintScale scale = new LookupPaintScale(lo, hi + 1e-9, Color.BLACK);
        int steps = 32;
        for (int k = 0; k < steps; k++) {
            scale.add(lo + (hi - lo) * k / steps, viridis((double) k / (steps - 1)));
        }
        XYBlockRenderer block = new XYBlockRenderer();
        block.setPaintScale(scale);
        block.setSeriesVisibleInLegend(0, false);
        block.setBlockWidth(2 * r / (n - 1));
        block.setBlockHeight(2 * r / (n - 1));
        NumberAxis xa = (NumberAxis) axis(xLabel, Scale.LINEAR);
        NumberAxis ya = (NumberAxis) axis(yLabel, Scale.LINEAR);
        xa.setRange(-r, r);
        ya.setRange(-r, r);
        JFreeChart lines = xy(title, xLabel, Scale.LINEAR, yLabel, Scale.LINEAR, overlay);
        XYPlot plot = (XYPlot) lines.getPlot();
        plot.setDomainAxis(xa);
        plot.setRangeAxis(ya);
        plot.setDataset(1, data);
        plot.setRenderer(1, block);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        NumberAxis zAxis = new NumberAxis(zLabel);
        zAxis.setRange(lo, hi);
        org.jfree.chart.title.PaintScaleLegend legend = new org.jfree.chart.title.PaintScaleLegend(scale, zAxis);
        legend.setPosition(org.jfree.chart.ui.RectangleEdge.RIGHT);
        legend.setStripWidth(14);
        legend.setMargin(4, 4, 40, 4);
        lines.addSubtitle(legend);
        return lines;
    }

    /** An approximation of matplotlib's viridis colour map at {@code f} in [0, 1]. */
    static Color viridis(double f) {
        int[][] anchors = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double p = Math.max(0, Math.min(1, f)) * (anchors.length - 1);
        int i = Math.min(anchors.length - 2, (int) p);
        double t = p - i;
        int[] a = anchors[i];
        int[] b = anchors[i + 1];
        return new Color((int) Math.round(a[0] + t * (b[0] - a[0])), (int) Math.round(a[1] + t * (b[1] - a[1])),
                (int) Math.round(a[2] + t * (b[2] - a[2])));
    }

    /** The charts side by side, under a common title (or none), as one PNG. */
    public static byte[] png(String title, List<JFreeChart> charts) {
        int top = title == null ? 0 : 36;
        BufferedImage image = new BufferedImage(WIDTH * charts.size(), HEIGHT + top, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        if (title != null) {
            TextTitle t = new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 18));
            t.draw(g, new Rectangle2D.Double(0, 4, image.getWidth(), top - 4));
        }
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, new Rectangle2D.Double(i * WIDTH, top, WIDTH, HEIGHT));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One chart as a PNG. */
    public static byte[] png(JFreeChart chart) {
        return png(null, List.of(chart));
    }

    /** A colour of the palette. */
    public static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    private static ValueAxis axis(String label, Scale scale) {
        ValueAxis a;
        if (scale == Scale.LOG) {
            LogAxis log = new LogAxis(label);
            log.setSmallestValue(1e-300);
            log.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
            a = log;
        } else {
            NumberAxis n = new NumberAxis(label);
            n.setAutoRangeIncludesZero(false);
            a = n;
        }
        a.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return a;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlinePaint(new Color(0x999999));
    }

    private static int min(int[] v) {
        int m = Integer.MAX_VALUE;
        for (int a : v) {
            m = Math.min(m, a);
        }
        return m;
    }

    private static int max(int[] v) {
        int m = Integer.MIN_VALUE;
        for (int a : v) {
            m = Math.max(m, a);
        }
        return m;
    }

    /** A filled disc of radius r, for point series. */
    static Shape disc(double r) {
        return new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
    }
}
