package io.symsweep.transformer;

import io.symsweep.connectivity.InterpolationCurve;
import io.symsweep.connectivity.ProbeSettings;
import io.symsweep.params.ParameterSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Losses and accuracies along {@code (1 - l) A + l B'} for two transformers of one architecture, on a training and
 * a test set, through SameDiff: the grid and refinement of {@code connectivity.InterpolationProbe} (a uniform grid
 * of {@link ProbeSettings#gridPoints()}, then {@link ProbeSettings#refinePoints()} more spread evenly over the grid
 * intervals on either side of the grid point where the test loss, and if elsewhere the training loss, rises most
 * above the straight line, by more than {@code 1e-12} relative), returned as its {@link InterpolationCurve}, whose
 * methods give both barrier definitions. {@code InterpolationProbe} evaluates MLPs only, so this adapter repeats its
 * choice of points for a transformer; the curve and barrier arithmetic is {@code connectivity}'s. Cost: one graph
 * build, then one forward pass of both sets per point.
 */
public final class TransformerInterpolation {

    private TransformerInterpolation() {
    }

    /** The curve from {@code a} ({@code l = 0}) to {@code b} ({@code l = 1}). */
    public static InterpolationCurve probe(TransformerModel a, TransformerModel b, SequenceData train,
            SequenceData test, ProbeSettings settings) {
        if (!a.architecture().equals(b.architecture())) {
            throw new IllegalArgumentException("interpolate one architecture: " + a.architecture().label() + " vs "
                    + b.architecture().label());
        }
        TransformerGraph graph = new TransformerGraph(a);
        ParameterSet pa = a.parameters();
        ParameterSet pb = b.parameters();
        TreeMap<Double, double[]> points = new TreeMap<>();
        int g = settings.gridPoints();
        for (int k = 0; k < g; k++) {
            double l = k == g - 1 ? 1.0 : (double) k / (g - 1);
            points.put(l, evaluate(graph, pa.interpolate(pb, l), train, test));
        }
        double[] grid = points.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        int testPeak = peak(points, 1);
        int trainPeak = peak(points, 0);
        refine(graph, pa, pb, train, test, points, grid, testPeak, settings.refinePoints());
        if (trainPeak != testPeak) {
            refine(graph, pa, pb, train, test, points, grid, trainPeak, settings.refinePoints());
        }
        int n = points.size();
        double[] lambdas = new double[n];
        double[][] v = new double[4][n];
        int i = 0;
        for (Map.Entry<Double, double[]> e : points.entrySet()) {
            lambdas[i] = e.getKey();
            for (int q = 0; q < 4; q++) {
                v[q][i] = e.getValue()[q];
            }
            i++;
        }
        return new InterpolationCurve(lambdas, v[0], v[1], v[2], v[3]);
    }

    /** {train loss, test loss, train accuracy, test accuracy} at {@code p}. */
    private static double[] evaluate(TransformerGraph graph, ParameterSet p, SequenceData train, SequenceData test) {
        graph.load(p);
        TransformerGraph.Evaluation tr = graph.evaluate(train);
        TransformerGraph.Evaluation te = graph.evaluate(test);
        return new double[] {tr.loss(), te.loss(), tr.accuracy(), te.accuracy()};
    }

    /** The interior grid index where value {@code q} (0 train loss, 1 test loss) rises most above the chord, or -1. */
    private static int peak(TreeMap<Double, double[]> points, int q) {
        double[] l = points.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] v = points.values().stream().mapToDouble(x -> x[q]).toArray();
        int best = -1;
        double worst = 0;
        for (int i = 1; i < l.length - 1; i++) {
            double line = (1 - l[i]) * v[0] + l[i] * v[l.length - 1];
            double excess = v[i] - line;
            if (Double.isFinite(excess) && excess > worst && excess > 1e-12 * (1 + Math.abs(line))) {
                worst = excess;
                best = i;
            }
        }
        return best;
    }

    private static void refine(TransformerGraph graph, ParameterSet pa, ParameterSet pb, SequenceData train,
            SequenceData test, TreeMap<Double, double[]> points, double[] grid, int peak, int count) {
        if (peak < 0 || count == 0) {
            return;
        }
        double lo = grid[peak - 1];
        double hi = grid[peak + 1];
        for (int k = 0; k < count; k++) {
            double l = lo + (hi - lo) * (k + 1) / (count + 1);
            if (l > lo && l < hi && !points.containsKey(l)) {
                points.put(l, evaluate(graph, pa.interpolate(pb, l), train, test));
            }
        }
    }
}
