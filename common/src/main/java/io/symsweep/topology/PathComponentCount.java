package io.symsweep.topology;

import com.google.common.primitives.ImmutableIntArray;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jgrapht.alg.util.UnionFind;

/**
 * Counts the connected components of a linear network's minimum from sampled points of it, using no theory of
 * the minimum (in particular not the sign patterns of Proposition 4.1, Zhao et al. 2025): two points are joined
 * when the straight segment between them, pulled back onto the minimum ({@link RetractedPath}), stays below the
 * path tolerance; components are the sets of union-find (JGraphT's {@code UnionFind}).
 *
 * <p>Pairs are tried nearest first (Kruskal's order), skipping pairs already in one set; between two sets at most
 * {@code attemptsPerSetPair} failed pull-backs are tried before the pair of sets is given up (their roots at the
 * time of the attempt: once either set grows, the pair may be tried again). On trained minima of the deep linear
 * net the nearest pairs are often in different components, so most attempts fail while the sets are still small:
 * a few failures per point, far more than {@code C^2 / 2} for {@code C} components, which is why a failing
 * pull-back must end early ({@link RetractedPath}: a stalled walk). A count above the truth means chains within
 * a component were missed (too few samples, or too short pieces); a count below it would need a path of low loss
 * between components, which the pull-back's loss checks exclude when {@code pathTolerance} is below the barrier
 * between them. Cost: {@code n (n - 1) / 2} pair distances, and one {@link RetractedPath} per attempt.
 */
public final class PathComponentCount {

    private PathComponentCount() {
    }

    /**
     * The count.
     *
     * @param components     the number of sets
     * @param labels         each point's component, 0-based in order of first point
     * @param attempts       pull-backs tried
     * @param joins          pull-backs that joined two sets
     * @param maxLossOnJoins the largest loss met on the joining paths (0 when none)
     * @param retractions    Gauss-Newton retractions done, over all attempts
     * @param seconds        wall time of all attempts
     */
    public record Result(int components, ImmutableIntArray labels, int attempts, int joins, double maxLossOnJoins,
            long retractions, double seconds) {

        /** Mean wall time of one attempt. */
        public double secondsPerAttempt() {
            return attempts == 0 ? 0 : seconds / attempts;
        }
    }

    /**
     * Failed pull-backs tried between two sets before they are given up, by default: 1, since every set that grows
     * is tried again (no pull-back within a component failed on the paper's trained minima, so more attempts only
     * repeat failures between components).
     */
    public static final int DEFAULT_ATTEMPTS_PER_SET_PAIR = 1;

    /**
     * The default pull-back for {@code points} on the minimum of {@code data}: retracted points below
     * {@code 1e-20 ||Y||^2} (trained minima are polished below {@code 1e-24 ||Y||^2}), pieces below
     * {@code 1e-4 ||Y||^2} (the joining paths of the tests peak at 5e-5 ||Y||^2; any path between components of
     * the deep linear net climbs to {@code sigma_min(Y)^2}, above 1.5e-2 ||Y||^2 on the paper's data), steps of at
     * most 5% of the points' mean norm, halved at most 14 times, 30 Gauss-Newton steps per retraction, 3 checks
     * per piece, stalled below a movement of 0.05 of the step. The stall threshold was 0.1 first: at l = 6 (paper scale,
     * 494 and 461 trained minima for h = 2, 3) walks within one sign class stalled and the count was 35 and 33
     * instead of 32; at 0.05 it is 32 for both, at 1.5 times the retractions (793,038 and 1,390,050).
     */
    public static RetractedPath.Settings defaults(List<MlpParameters> points, RegressionData data) {
        double scale = 0;
        for (MlpParameters p : points) {
            scale += p.norm() / points.size();
        }
        double y2 = data.yNorm2();
        return new RetractedPath.Settings(1e-20 * y2, 1e-4 * y2, 0.05 * (scale > 0 ? scale : 1), 14, 30, 3, 0.05);
    }

    /** Counts the components of the minimum of {@code data}'s loss that the {@code points} (all on it) fall in. */
    public static Result count(List<MlpParameters> points, RegressionData data, RetractedPath.Settings settings,
            int attemptsPerSetPair) {
        if (attemptsPerSetPair < 1) {
            throw new IllegalArgumentException("attemptsPerSetPair must be >= 1, found " + attemptsPerSetPair);
        }
        int n = points.size();
        List<double[]> pairs = new ArrayList<>(n * (n - 1) / 2);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs.add(new double[] {points.get(i).distance(points.get(j)), i, j});
            }
        }
        pairs.sort((p, q) -> Double.compare(p[0], q[0]));
        UnionFind<Integer> sets = new UnionFind<>(new LinkedHashSet<>());
        for (int i = 0; i < n; i++) {
            sets.addElement(i);
        }
        Map<Long, Integer> failures = new HashMap<>();
        int attempts = 0;
        int joins = 0;
        long retractions = 0;
        double maxLoss = 0;
        long start = System.nanoTime();
        for (double[] p : pairs) {
            if (sets.numberOfSets() == 1) {
                break;
            }
            int i = (int) p[1];
            int j = (int) p[2];
            int ri = sets.find(i);
            int rj = sets.find(j);
            if (ri == rj) {
                continue;
            }
            long key = ((long) Math.min(ri, rj) << 32) | Math.max(ri, rj);
            if (failures.getOrDefault(key, 0) >= attemptsPerSetPair) {
                continue;
            }
            RetractedPath.Outcome o = RetractedPath.pullBack(points.get(i), points.get(j), data, settings);
            attempts++;
            retractions += o.retractions();
            if (o.joined()) {
                sets.union(i, j);
                joins++;
                maxLoss = Math.max(maxLoss, o.maxLoss());
            } else {
                failures.merge(key, 1, Integer::sum);
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        int[] labels = new int[n];
        Map<Integer, Integer> byRoot = new HashMap<>();
        for (int i = 0; i < n; i++) {
            labels[i] = byRoot.computeIfAbsent(sets.find(i), r -> byRoot.size());
        }
        return new Result(byRoot.size(), ImmutableIntArray.copyOf(labels), attempts, joins, maxLoss, retractions, seconds);
    }
}
