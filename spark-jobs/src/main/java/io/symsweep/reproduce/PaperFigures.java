package io.symsweep.reproduce;

import io.symsweep.report.Charts;
import io.symsweep.report.Charts.Scale;
import io.symsweep.report.Charts.Series;
import io.symsweep.report.Charts.Style;
import io.symsweep.report.Figure;
import io.symsweep.report.LossLandscape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;

/**
 * The figures of the first paper, each drawn from its spec's tables (Figure 2 from its closed form). A panel's
 * SQL returns rows {@code (series, x, y)} in drawing order; the SQL text is the only place that names table
 * columns, as for {@link PaperClaims}.
 */
record PaperFigures(ResultTables tables) {

    /** Every figure, in report order. */
    List<Drawing> drawings() {
        return List.of(
                new Drawing("figure1a", "figure1", () -> figure1("figure1a", "0", "(a) eps = 0")),
                new Drawing("figure1b", "figure1", () -> figure1("figure1b", "1", "(b) eps = 1")),
                new Drawing("figure2", "figure4", this::figure2),
                new Drawing("figure3a", "figure3a", this::figure3a),
                new Drawing("figure3b", "figure3bc", () -> figure3bc("figure3b", "min", "(b) the smaller ||log g||")),
                new Drawing("figure3c", "figure3bc", () -> figure3bc("figure3c", "max", "(c) the larger ||log g||")),
                new Drawing("figure4", "figure4", this::figure4),
                new Drawing("corollary42", "corollary42", this::corollary42),
                new Drawing("proposition54", "proposition54", this::proposition54),
                new Drawing("proposition55", "proposition55", this::proposition55),
                new Drawing("proposition56", "proposition56", this::proposition56),
                new Drawing("theorem62", "figure3bc", this::theorem62));
    }

    private static int count(Map<String, double[][]> data) {
        return data.values().stream().mapToInt(xy -> xy[0].length).sum();
    }

    Figure figure1(String name, String eps, String panel) {
        String from = """
                FROM component_samples s JOIN components c USING (config_id)
                WHERE c.eps = %s AND s.component IS NOT NULL AND c.x[0] = 1 AND c.y[0] = 1
                ORDER BY s.component, s.sample""".formatted(eps);
        Map<String, double[][]> top = tables.series("figure1",
                "SELECT concat('component ', s.component) AS series, s.weights[0][0] AS x, s.weights[1][0] AS y "
                        + from);
        Map<String, double[][]> side = tables.series("figure1",
                "SELECT concat('component ', s.component) AS series, s.weights[0][0] AS x, s.weights[2][0] AS y "
                        + from);
        JFreeChart a = Charts.xy("w1 against w2", "w1", Scale.LINEAR, "w2", Scale.LINEAR, Charts.styled(top, n -> Style.POINTS));
        JFreeChart b = Charts.xy("w1 against w3", "w1", Scale.LINEAR, "w3", Scale.LINEAR, Charts.styled(side, n -> Style.POINTS));
        return new Figure(name, "Figure 1" + panel + ": the minimum of the residual net, by component",
                "Points drawn on the minimum of (Y - W3 (W2 W1 X + eps X))^2 (at eps = 0 the 3-layer scalar linear "
                        + "net), X = Y = 1 (columns x, y of components), coloured by the component "
                        + "union-find gave them (" + top.size() + " components, " + count(top) + " points; table "
                        + "component_samples of figure1). Each point is (w1, w2, w3), shown in two projections; "
                        + "Prop 4.3 predicts " + (eps.equals("0") ? "4" : "3") + ".",
                Charts.png("Figure 1" + panel, List.of(a, b)));
    }

    Figure figure2() {
        double r = 3.5;
        double a = 0.4;
        double m = 6.25;
        int n = 181;
        List<Series> overlay = new ArrayList<>();
        for (int branch : new int[] {1, -1}) {
            int k = 400;
            double[] x = new double[k];
            double[] y = new double[k];
            for (int i = 0; i < k; i++) {
                x[i] = branch * (1 / r + (r - 1 / r) * i / (k - 1));
                y[i] = 1 / x[i];
            }
            overlay.add(new Series(branch > 0 ? "minimum w1 w2 = 1 (w1 > 0)" : "minimum w1 w2 = 1 (w1 < 0)", x, y,
                    Style.LINE, java.awt.Color.WHITE));
        }
        overlay.add(new Series("segment from w to m . w", new double[] {a, m * a}, new double[] {1 / a, 1 / (m * a)},
                Style.DASHED, java.awt.Color.RED));
        overlay.add(new Series("the two minima w, m . w (m = 6.25)", new double[] {a, m * a},
                new double[] {1 / a, 1 / (m * a)}, Style.POINTS, java.awt.Color.RED));
        double mid = LossLandscape.segmentLoss(a, m, 0.5);
        JFreeChart chart = Charts.landscape("Figure 2: log10 of the loss (1 - w1 w2)^2", "w1", "w2", r, LossLandscape.logGrid(r, n),
                "log10 loss", overlay);
        return new Figure("figure2", "Figure 2: two minima on one component and the straight line between them",
                String.format(java.util.Locale.ROOT, "The 2-layer scalar net (1 - w2 w1 X)^2, X = Y = 1: its minimum "
                        + "is the hyperbola w1 w2 = 1 (white; two components). w = (%.2f, %.1f) and its rescaling "
                        + "m . w = (%.1f, %.1f), m = %.2f, lie on one component; the segment between them leaves the "
                        + "minimum, with loss %.4f at its midpoint (Eq. (15): %.4f). Computed from the closed form on "
                        + "a %d x %d grid (no table).", a, 1 / a, m * a, 1 / (m * a), m, mid,
                        LossLandscape.midpointClosedForm(m), n, n),
                Charts.png(chart));
    }

    Figure figure3a() {
        Map<String, double[][]> data = tables.series("figure3a", """
                SELECT CASE WHEN h_at_least_k THEN 'h >= k (Eq. 6 exact on the output)' ELSE 'h < k' END AS series,
                       output_change AS x, output_norm AS y
                FROM approximate_action WHERE status = 'OK' AND output_change > 0 ORDER BY series""");
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[][] xy : data.values()) {
            for (int i = 0; i < xy[0].length; i++) {
                lo = Math.min(lo, Math.min(xy[0][i], xy[1][i]));
                hi = Math.max(hi, Math.max(xy[0][i], xy[1][i]));
            }
        }
        List<Series> s = Charts.styled(data, n -> Style.POINTS);
        if (hi > 0) {
            s.add(new Series("y = x", new double[] {lo, hi}, new double[] {lo, hi}, Style.LINE, java.awt.Color.BLACK));
        }
        JFreeChart c = Charts.xy("Prop 6.1: every point above y = x", "||U s(VX) - U' s(V'X)||  (output change)",
                Scale.LOG, "||U s(VX)||  (the bound)", Scale.LOG, s);
        return new Figure("figure3a", "Figure 3a / Proposition 6.1: the approximate action changes the output by "
                + "at most ||U s(VX)||", "Each point a trained two-layer sigmoid net with m, h, n, k drawn from its "
                        + "seed, moved by a random g (" + count(data) + " networks with a non-zero change; table "
                        + "approximate_action of figure3a). With h >= k the change is rounding (1e-13 and below).",
                Charts.png(c));
    }

    Figure figure3bc(String name, String which, String panel) {
        String sql = """
                WITH chosen AS (SELECT %1$s(magnitude) AS magnitude FROM curves),
                points AS (
                  SELECT c.architecture, c.magnitude, p.t, p.curve_losses, p.chord_losses
                  FROM curves c JOIN chosen USING (magnitude)
                  LATERAL VIEW explode(arrays_zip(c.t, c.curve_losses, c.chord_losses)) AS p
                  WHERE c.status IN ('OK', 'CHORD_TOO_LONG'))
                SELECT series, x, y FROM (
                  SELECT concat('chord, ', architecture) AS series, t AS x, avg(chord_losses) AS y, 0 AS o
                  FROM points GROUP BY architecture, t
                  UNION ALL
                  SELECT concat('gamma, ', architecture) AS series, t AS x, avg(curve_losses) AS y, 1 AS o
                  FROM points GROUP BY architecture, t)
                ORDER BY o, series, x""".formatted(which);
        Map<String, double[][]> data = tables.series("figure3bc", sql);
        List<Map<String, Object>> m = tables.query("figure3bc",
                "SELECT %s(magnitude) AS magnitude, count(DISTINCT curve) AS curves FROM curves".formatted(which));
        Object magnitude = m.isEmpty() ? "?" : m.get(0).get("magnitude");
        Object curves = m.isEmpty() ? "?" : m.get(0).get("curves");
        JFreeChart c = Charts.xy("||log g|| = " + magnitude + ", mean over " + curves + " curves", "t", Scale.LINEAR,
                "loss", Scale.LOG, Charts.styled(data, n -> n.startsWith("chord") ? Style.LINE : Style.DASHED));
        return new Figure(name, "Figure 3" + panel + ": loss along gamma(t) and along the chord",
                "The loss along gamma(t) = exp(t log g) . w (dashed) stays at the minimum's level (rounding, about "
                        + "1e-20), below the loss along the straight chord between its ends (solid); two-layer nets "
                        + "16 -> 32 -> 64 on 8 samples, table curves of figure3bc.",
                Charts.png(c));
    }

    Figure figure4() {
        Map<String, double[][]> data = tables.series("figure4", """
                SELECT series, x, y FROM (
                  SELECT 'measured (mean over seeds)' AS series, b.factor AS x, avg(b.midpoint_loss) AS y, 0 AS o
                  FROM barriers b WHERE b.status = 'OK' GROUP BY b.factor
                  UNION ALL
                  SELECT 'Eq. (15)' AS series, b.factor AS x,
                         avg(pow(1 - (1 + 1 / b.factor) * (1 + b.factor) / 4, 2) * m.y_norm2) AS y, 1 AS o
                  FROM barriers b JOIN minima m ON b.minimum_id = m.config_id WHERE b.status = 'OK' GROUP BY b.factor)
                ORDER BY o, x""");
        Function<String, Style> style = n -> n.startsWith("Eq") ? Style.LINE : Style.POINTS;
        JFreeChart lin = Charts.xy("linear axes (the paper's)", "rescaling factor m", Scale.LINEAR,
                "loss at the midpoint", Scale.LINEAR, Charts.styled(data, style));
        Map<String, double[][]> aboveOne = new LinkedHashMap<>();
        data.forEach((k, xy) -> {
            int n = 0;
            for (double x : xy[0]) {
                n += x > 1 ? 1 : 0;
            }
            double[][] kept = new double[2][n];
            for (int i = 0, j = 0; i < xy[0].length; i++) {
                if (xy[0][i] > 1) {
                    kept[0][j] = xy[0][i];
                    kept[1][j++] = xy[1][i];
                }
            }
            aboveOne.put(k, kept);
        });
        JFreeChart log = Charts.xy("log axes (m > 1)", "rescaling factor m", Scale.LOG, "loss at the midpoint",
                Scale.LOG, Charts.styled(aboveOne, style));
        return new Figure("figure4", "Figure 4 / Proposition 5.3: the barrier between rescaled minima is unbounded",
                "Loss at the middle of the segment from a minimum W of the 5-layer leaky-ReLU net to (W1, W2, W3, "
                        + "m W4, W5 / m), mean over seeds, beside Equation (15) (table barriers of figure4). At m = 1 "
                        + "the loss is the minimum's (below 1e-20) and is left off the log axes.",
                Charts.png("Figure 4", List.of(lin, log)));
    }

    Figure corollary42() {
        List<Map<String, Object>> rows = tables.query("corollary42", """
                SELECT l, h, components_measured AS sign_patterns, components_independent AS paths,
                       CAST(pow(2, l - 1) AS INT) AS predicted, status
                FROM components WHERE NOT up_to_permutation ORDER BY l, h""");
        int lMax = 2;
        for (Map<String, Object> r : rows) {
            lMax = Math.max(lMax, ((Number) r.get("l")).intValue());
        }
        JFreeChart signs = countHeatMap("by sign patterns (Prop 4.1): count / 2^(l-1)", rows, "sign_patterns", lMax);
        JFreeChart paths = countHeatMap("by pulled-back paths (no theory): count / 2^(l-1)", rows, "paths", lMax);
        return new Figure("corollary42", "Corollary 4.2: components of the deep linear net, two counts vs 2^(l-1)",
                "Each cell one (l, h) of table components of corollary42: the count / the prediction 2^(l-1); left "
                        + "the sign-pattern count (components_measured), right the count that uses no theory "
                        + "(components_independent: the same converged minima joined by pulled-back straight paths, "
                        + "union-find). Blue where the count agrees (darker for more components), red where not, "
                        + "grey where not measured.",
                Charts.png("Corollary 4.2", List.of(signs, paths)));
    }

    /** The count in {@code column} of each row against its {@code predicted}, as an l x h heat map. */
    private static JFreeChart countHeatMap(String title, List<Map<String, Object>> rows, String column, int lMax) {
        int[] x = new int[rows.size()];
        int[] y = new int[rows.size()];
        double[] shade = new double[rows.size()];
        boolean[] agrees = new boolean[rows.size()];
        String[] text = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = rows.get(i);
            x[i] = ((Number) r.get("l")).intValue();
            y[i] = ((Number) r.get("h")).intValue();
            Number measured = (Number) r.get(column);
            int predicted = ((Number) r.get("predicted")).intValue();
            shade[i] = measured == null ? Double.NaN : (x[i] - 1.0) / (lMax - 1);
            agrees[i] = measured != null && measured.intValue() == predicted;
            String missing = column.equals("paths") ? "not counted" : String.valueOf(r.get("status"));
            text[i] = (measured == null ? missing : measured.toString()) + " / " + predicted;
        }
        return Charts.agreementHeatMap(title, "l (layers)", "h (width)", x, y, shade, agrees, text);
    }

    Figure proposition54() {
        Map<String, double[][]> data = tables.series("proposition54", """
                SELECT series, x, y FROM (
                  SELECT concat('best P, ', m.architecture, ' (', b.search, ')') AS series, b.factor AS x,
                         avg(b.barrier / m.y_norm2) AS y, 0 AS o
                  FROM barriers b JOIN minima m ON b.minimum_id = m.config_id
                  WHERE b.status = 'OK' AND b.factor > 1 GROUP BY m.architecture, b.search, b.factor
                  UNION ALL
                  SELECT concat('identity, ', m.architecture) AS series, b.factor AS x,
                         avg(b.identity_barrier / m.y_norm2) AS y, 1 AS o
                  FROM barriers b JOIN minima m ON b.minimum_id = m.config_id
                  WHERE b.status = 'OK' AND b.factor > 1 GROUP BY m.architecture, b.factor)
                ORDER BY o, series, x""");
        JFreeChart c = Charts.xy("barrier / ||Y||^2 (mean over seeds)", "rescaling factor m", Scale.LOG,
                "barrier / ||Y||^2", Scale.LOG, Charts.styled(data, n -> n.startsWith("best") ? Style.LINE_POINTS : Style.DASHED));
        return new Figure("proposition54", "Proposition 5.4: the best permutation's barrier still grows as m^2",
                "The barrier between W and P (m . W) for the best permutation P of the rescaled layer's units (solid), "
                        + "and with P = I (dashed); table barriers of proposition54.",
                Charts.png(c));
    }

    Figure proposition55() {
        Map<String, double[][]> data = tables.series("proposition55", """
                SELECT series, x, y FROM (
                  SELECT 'distance to S (best local minimum of Eq. 22)' AS series, beta AS x, avg(distance) AS y, 0 AS o
                  FROM orbits WHERE status <> 'SINGULAR' GROUP BY beta
                  UNION ALL
                  SELECT 'upper bound: best scalar g' AS series, beta AS x, avg(sqrt(scalar_bound_squared)) AS y, 1 AS o
                  FROM orbits WHERE status <> 'SINGULAR' GROUP BY beta
                  UNION ALL
                  SELECT 'proven lower bound' AS series, beta AS x, avg(sqrt(lower_bound_squared)) AS y, 2 AS o
                  FROM orbits WHERE status <> 'SINGULAR' GROUP BY beta)
                WHERE x > 1 ORDER BY o, x""");
        JFreeChart c = Charts.xy("distance from the midpoint to S (mean over seeds)", "beta", Scale.LOG, "distance",
                Scale.LOG, Charts.styled(data, n -> n.startsWith("distance") ? Style.LINE_POINTS : Style.DASHED));
        return new Figure("proposition55", "Proposition 5.5: the midpoint of two points of a GL orbit is far from it",
                "Distance from ((W1/beta + beta W1)/2, (beta W2 + W2/beta)/2) to S = {W1 W2 = A}, between its bounds; "
                        + "table orbits of proposition55. At beta = 1 the distance is 0 and is off the log axes.",
                Charts.png(c));
    }

    Figure proposition56() {
        Map<String, double[][]> data = tables.series("proposition56", """
                SELECT series, x, y FROM (
                  SELECT 'measured barrier (mean over seeds)' AS series, b.factor AS x, avg(b.barrier / m.y_norm2) AS y,
                         0 AS o
                  FROM barriers b JOIN minima m ON b.minimum_id = m.config_id WHERE b.status = 'OK' GROUP BY b.factor
                  UNION ALL
                  SELECT 'Eq. (14) at a = 1/2: ((m + 1/m - 2)/4)^2' AS series, factor AS x,
                         pow((factor + 1 / factor - 2) / 4, 2) AS y, 1 AS o
                  FROM barriers WHERE status = 'OK' GROUP BY factor
                  UNION ALL
                  SELECT 'bound of the range: ((c + 1/c - 2)/4)^2' AS series, factor AS x,
                         pow((first(factor_range) + 1 / first(factor_range) - 2) / 4, 2) AS y, 2 AS o
                  FROM barriers WHERE status = 'OK' GROUP BY factor)
                ORDER BY o, x""");
        JFreeChart c = Charts.xy("barrier / ||Y||^2 on m in [1/c, c]", "rescaling factor m", Scale.LOG,
                "barrier / ||Y||^2", Scale.LINEAR,
                Charts.styled(data, n -> n.startsWith("measured") ? Style.POINTS : n.startsWith("bound") ? Style.DASHED
                        : Style.LINE));
        return new Figure("proposition56", "Proposition 5.6: on a bounded orbit the barrier is bounded",
                "Barrier between W and m . W for m in [1/c, c] (points), Eq. (14) at the midpoint (line) and the "
                        + "range's bound (dashed), all in units of ||Y||^2; table barriers of proposition56.",
                Charts.png(c));
    }

    Figure theorem62() {
        String order = "row_number() OVER (ORDER BY architecture, magnitude, curve)";
        Map<String, double[][]> left = tables.series("figure3bc", """
                SELECT concat('d_max, ||log g|| = ', magnitude) AS series, %1$s AS x, d_max AS y
                FROM curves WHERE status = 'OK' ORDER BY magnitude, x""".formatted(order));
        Map<String, double[][]> right = tables.series("figure3bc", """
                SELECT series, x, y FROM (
                  SELECT 'measured max |L(chord) - L(gamma(0))|' AS series, %1$s AS x, max_chord_deviation AS y, 0 AS o
                  FROM curves WHERE status = 'OK'
                  UNION ALL
                  SELECT 'bound C_L d_max (C_L: largest gradient on the ribbon)' AS series, %1$s AS x,
                         gradient_bound AS y, 1 AS o
                  FROM curves WHERE status = 'OK')
                ORDER BY o, x""".formatted(order));
        JFreeChart a = Charts.xy("d_max of each curve", "curve (tanh nets, by ||log g||)", Scale.LINEAR,
                "d_max", Scale.LOG, Charts.styled(left, n -> Style.POINTS));
        JFreeChart b = Charts.xy("chord deviation and its bound", "curve (tanh nets, by ||log g||)", Scale.LINEAR,
                "loss", Scale.LOG, Charts.styled(right, n -> Style.POINTS));
        return new Figure("theorem62", "Theorem 6.2: d_max and the chord's deviation from the level set",
                "For each smooth curve (status OK; table curves of figure3bc): d_max = 1/kappa - sqrt(1/kappa^2 - "
                        + "||w2 - w1||^2/4) (left), and the measured largest |L(chord(t)) - L(gamma(0))| below "
                        + "C_L d_max (right).",
                Charts.png("Theorem 6.2", List.of(a, b)));
    }
}
