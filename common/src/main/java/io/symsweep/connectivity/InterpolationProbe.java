package io.symsweep.connectivity;

import io.symsweep.align.Repair;
import io.symsweep.data.DataSplit;
import io.symsweep.mlp.MlpForward;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.params.ParameterSet;
import java.util.TreeMap;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * Losses and accuracies along the segment from A to B' on both halves of a split: a uniform grid of
 * {@link ProbeSettings#gridPoints()} values of {@code l}, then {@link ProbeSettings#refinePoints()} more spread
 * evenly over the grid intervals on either side of the grid point where the test loss (and, if elsewhere, the
 * training loss) rises most above the straight line (by more than 1e-12 relative). With {@code repair}, each interior point is REPAIR'd on the
 * training inputs ({@link Repair}). Cost: one forward pass of both halves per point (and one of the training half
 * for REPAIR).
 */
public final class InterpolationProbe {

    private InterpolationProbe() {
    }

    /** The curve from {@code a} ({@code l = 0}) to {@code b} ({@code l = 1}), two models of architecture {@code spec}. */
    public static InterpolationCurve probe(MlpSpec spec, ParameterSet a, ParameterSet b, DataSplit data, boolean repair,
            ProbeSettings settings) {
        DoubleFunction<ParameterSet> path;
        if (repair) {
            Repair r = Repair.prepare(spec, a, b, data.train().featuresRowMajor(), data.train().size());
            path = r::at;
        } else {
            path = l -> a.interpolate(b, l);
        }
        return probe(path, p -> evaluate(spec, p, data), settings);
    }

    /**
     * The curve along any path from {@code path.apply(0)} to {@code path.apply(1)}, for any model family:
     * {@code evaluate} gives {train loss, test loss, train accuracy, test accuracy} at a point.
     */
    public static InterpolationCurve probe(DoubleFunction<ParameterSet> path, Function<ParameterSet, double[]> evaluate,
            ProbeSettings settings) {
        DoubleFunction<double[]> at = l -> evaluate.apply(path.apply(l));
        TreeMap<Double, double[]> points = new TreeMap<>();
        int g = settings.gridPoints();
        for (int k = 0; k < g; k++) {
            double l = k == g - 1 ? 1.0 : (double) k / (g - 1);
            points.put(l, at.apply(l));
        }
        double[] grid = points.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        int testPeak = peak(points, 1);
        int trainPeak = peak(points, 0);
        refine(at, points, grid, testPeak, settings.refinePoints());
        if (trainPeak != testPeak) {
            refine(at, points, grid, trainPeak, settings.refinePoints());
        }
        int n = points.size();
        double[] lambdas = new double[n];
        double[][] v = new double[4][n];
        int i = 0;
        for (var e : points.entrySet()) {
            lambdas[i] = e.getKey();
            for (int q = 0; q < 4; q++) {
                v[q][i] = e.getValue()[q];
            }
            i++;
        }
        return new InterpolationCurve(lambdas, v[0], v[1], v[2], v[3]);
    }

    /** {train loss, test loss, train accuracy, test accuracy} at {@code p}. */
    static double[] evaluate(MlpSpec spec, ParameterSet p, DataSplit data) {
        MlpForward.Evaluation tr = MlpForward.evaluate(spec, p, data.train());
        MlpForward.Evaluation te = MlpForward.evaluate(spec, p, data.test());
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
            // a bump of rounding size (identical endpoints) is no peak
            if (Double.isFinite(excess) && excess > worst && excess > 1e-12 * (1 + Math.abs(line))) {
                worst = excess;
                best = i;
            }
        }
        return best;
    }

    private static void refine(DoubleFunction<double[]> at, TreeMap<Double, double[]> points, double[] grid, int peak,
            int count) {
        if (peak < 0 || count == 0) {
            return;
        }
        double lo = grid[peak - 1];
        double hi = grid[peak + 1];
        // count points evenly inside (lo, hi); one that falls on the peak itself is already there
        for (int k = 0; k < count; k++) {
            double l = lo + (hi - lo) * (k + 1) / (count + 1);
            if (l > lo && l < hi && !points.containsKey(l)) {
                points.put(l, at.apply(l));
            }
        }
    }
}
