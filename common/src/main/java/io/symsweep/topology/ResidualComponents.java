package io.symsweep.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.alg.util.UnionFind;

/**
 * Counts the connected components of the minimum of the 1-D residual net of Proposition 4.3 empirically:
 * sample points on the minimum, join two points when the straight segment between them stays below a loss
 * tolerance, and count the union-find sets (JGraphT's {@code UnionFind}).
 *
 * <p>Sampling, in the normalised coordinates of {@link ResidualNet}: {@code (u1, u2)} uniform on
 * {@code [-2, 2]^2}, {@code u3 = 1 / (u1 u2 + sign eps)}, kept when {@code |u3| <= 4}. The cut removes
 * {@code |u1 u2 + sign eps| < 1/4} only: every piece of the minimum keeps points and the neck of
 * {@code S_0} ({@code |u1 u2| < 3/4} around the axes) stays open, so the truncated minimum has the
 * components of the whole.
 *
 * <p>Joining: each point is tried against its {@code neighbors} nearest points (in {@code u}). The largest
 * loss on a segment is computed exactly ({@link ResidualNet#maxLossOnSegment}). Soundness: a path between two
 * components makes the output vanish somewhere (a weight or {@code w1 w2 + eps} changes sign), where the loss
 * is {@code Y^2}; so with a tolerance below {@code Y^2} no two components are ever joined, whatever the
 * sampling, and the count can only err upwards (too few points to join a component). Crossings between the
 * sets' first points certify the separation ({@link ResidualNet#crossing}); a set split by sparse sampling
 * usually shows up as a segment without a crossing. Cost: {@code O(N^2)} for the neighbours of {@code N}
 * points.
 */
public final class ResidualComponents {

    /** Half-width of the {@code (u1, u2)} square. */
    public static final double BOX = 2;
    /** Largest {@code |u3|} kept. */
    public static final double MAX_U3 = 4;
    /** A drawn point counts as on the minimum when its loss is at most this times {@code Y^2} (rounding). */
    public static final double ON_MINIMUM = 1e-20;
    /** Draws allowed per point kept. */
    private static final int DRAWS_PER_POINT = 1000;

    private ResidualComponents() {
    }

    /**
     * The survey of {@code samples} points of the minimum of {@code net}.
     *
     * @param neighbors     nearest points each point is tried against
     * @param joinTolerance the largest loss on a joining segment, relative to {@code Y^2}; in (0, 1)
     * @param seed          the sampling seed
     */
    public static ComponentSurvey survey(ResidualNet net, int samples, int neighbors, double joinTolerance,
            long seed) {
        if (!(joinTolerance > 0 && joinTolerance < 1)) {
            throw new IllegalArgumentException("the join tolerance must be in (0, 1) (relative to Y^2, the loss "
                    + "of every crossing), found " + joinTolerance);
        }
        List<double[]> u = draw(net, samples, seed);
        int n = u.size();
        double[][] w = new double[n][];
        boolean[] on = new boolean[n];
        SignPattern[] piece = new SignPattern[n];
        Set<SignPattern> pieces = new LinkedHashSet<>();
        UnionFind<Integer> joined = new UnionFind<>(new LinkedHashSet<>());
        double y2 = net.crossingLoss();
        int onMinimum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = net.weights(u.get(i));
            on[i] = net.loss(w[i]) <= ON_MINIMUM * y2;
            piece[i] = on[i] ? net.piece(w[i]) : null;
            if (on[i] && piece[i] != null) {
                onMinimum++;
                pieces.add(piece[i]);
                joined.addElement(i);
            } else {
                on[i] = false;
            }
        }
        double tolerance = joinTolerance * y2;
        int verified = 0;
        int failed = 0;
        double maxJoined = Double.NaN;
        for (long edge : neighbourEdges(u, on, neighbors)) {
            int i = (int) (edge >>> 32);
            int j = (int) edge;
            double max = net.maxLossOnSegment(w[i], w[j]);
            if (max <= tolerance) {
                verified++;
                maxJoined = Double.isNaN(maxJoined) ? max : Math.max(maxJoined, max);
                joined.union(i, j);
            } else {
                failed++;
            }
        }
        Integer[] component = new Integer[n];
        Map<Integer, Integer> byRoot = new HashMap<>();
        List<Integer> firsts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!on[i]) {
                continue;
            }
            int root = joined.find(i);
            Integer label = byRoot.get(root);
            if (label == null) {
                label = byRoot.size();
                byRoot.put(root, label);
                firsts.add(i);
            }
            component[i] = label;
        }
        int certified = 0;
        int crossingsFailed = 0;
        double minCrossing = Double.NaN;
        for (int a = 0; a < firsts.size(); a++) {
            for (int b = a + 1; b < firsts.size(); b++) {
                CrossingCertificate c = net.crossing(w[firsts.get(a)], w[firsts.get(b)]);
                if (c == null) {
                    crossingsFailed++;
                    continue;
                }
                minCrossing = Double.isNaN(minCrossing) ? c.loss() : Math.min(minCrossing, c.loss());
                if (c.certified()) {
                    certified++;
                } else {
                    crossingsFailed++;
                }
            }
        }
        int sets = firsts.size();
        int predicted = net.predictedComponents();
        SurveyStatus status = onMinimum == 0 ? SurveyStatus.NO_MINIMA
                : crossingsFailed > 0 ? SurveyStatus.CROSSING_FAILED
                : pieces.size() < 4 ? SurveyStatus.INCOMPLETE_SAMPLING
                : sets != predicted ? SurveyStatus.MISMATCH
                : SurveyStatus.OK;
        List<ComponentSurvey.SampleOutcome> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            outcomes.add(new ComponentSurvey.SampleOutcome(new double[][] {{w[i][0]}, {w[i][1]}, {w[i][2]}},
                    net.loss(w[i]), on[i], piece[i], component[i], null));
        }
        return new ComponentSurvey(n, onMinimum, pieces.size(), sets, predicted, verified, failed, maxJoined,
                minCrossing, certified, crossingsFailed, y2, tolerance, status, outcomes);
    }

    /** {@code samples} points of the truncated minimum in normalised coordinates, from {@code seed}. */
    static List<double[]> draw(ResidualNet net, int samples, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[]> out = new ArrayList<>(samples);
        long budget = (long) samples * DRAWS_PER_POINT;
        for (long d = 0; d < budget && out.size() < samples; d++) {
            double u1 = BOX * (2 * rng.nextDouble() - 1);
            double u2 = BOX * (2 * rng.nextDouble() - 1);
            double[] p = net.normalisedPointOnMinimum(u1, u2);
            if (p != null && Math.abs(p[2]) <= MAX_U3) {
                out.add(p);
            }
        }
        return out;
    }

    /** Each point's {@code k} nearest points (Euclidean, in {@code u}), as edges {@code i << 32 | j} with i < j. */
    static Set<Long> neighbourEdges(List<double[]> u, boolean[] use, int k) {
        int n = u.size();
        Set<Long> edges = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            if (!use[i]) {
                continue;
            }
            // The k smallest distances by insertion into a sorted array: O(n k).
            int[] best = new int[k];
            double[] dist = new double[k];
            int size = 0;
            double[] p = u.get(i);
            for (int j = 0; j < n; j++) {
                if (j == i || !use[j]) {
                    continue;
                }
                double[] q = u.get(j);
                double d = sq(p[0] - q[0]) + sq(p[1] - q[1]) + sq(p[2] - q[2]);
                if (size < k || d < dist[size - 1]) {
                    int at = size < k ? size++ : size - 1;
                    while (at > 0 && dist[at - 1] > d) {
                        dist[at] = dist[at - 1];
                        best[at] = best[at - 1];
                        at--;
                    }
                    dist[at] = d;
                    best[at] = j;
                }
            }
            for (int m = 0; m < size; m++) {
                int a = Math.min(i, best[m]);
                int b = Math.max(i, best[m]);
                edges.add(((long) a << 32) | b);
            }
        }
        return edges;
    }

    private static double sq(double v) {
        return v * v;
    }
}
