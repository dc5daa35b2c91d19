package io.symsweep.bench;

import io.symsweep.assignment.LinearAssignment;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.alg.matching.KuhnMunkresMinimalWeightBipartitePerfectMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Milliseconds to solve one dense assignment problem of i.i.d. uniform costs on [0, 1) (the case SciPy's
 * {@code linear_sum_assignment} is usually timed on), by {@link LinearAssignment} and by JGraphT's Kuhn-Munkres
 * (graph built from the matrix, included). Each figure is the median over {@code repeats} fresh matrices after
 * warm-up, on the calling thread. {@code main} prints the figures as JSON.
 */
public final class AssignmentBench {

    private AssignmentBench() {
    }

    /** Median ms of {@link LinearAssignment#minimise} at size {@code n}. */
    public static double solverMs(int n, int repeats, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            double[][] c = uniform(n, rng);
            long t0 = System.nanoTime();
            LinearAssignment.minimise(c);
            ms[r] = (System.nanoTime() - t0) * 1e-6;
        }
        return median(ms);
    }

    /** Median ms of JGraphT's Kuhn-Munkres at size {@code n}, building its graph included. */
    public static double jgraphtMs(int n, int repeats, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            double[][] c = uniform(n, rng);
            long t0 = System.nanoTime();
            Graph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
            Set<Integer> left = new HashSet<>();
            Set<Integer> right = new HashSet<>();
            for (int i = 0; i < n; i++) {
                g.addVertex(i);
                g.addVertex(n + i);
                left.add(i);
                right.add(n + i);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    g.setEdgeWeight(g.addEdge(i, n + j), c[i][j]);
                }
            }
            new KuhnMunkresMinimalWeightBipartitePerfectMatching<>(g, left, right).getMatching();
            ms[r] = (System.nanoTime() - t0) * 1e-6;
        }
        return median(ms);
    }

    static double[][] uniform(int n, SplittableRandom rng) {
        double[][] c = new double[n][n];
        for (double[] row : c) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextDouble();
            }
        }
        return c;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /** The figures of the issue: the solver at 128, 512, 1024 and JGraphT at 128 and 512, with their ratios. */
    public static Map<String, Double> measure(int repeats, int jgraphtRepeats) {
        for (int w = 0; w < 20; w++) {
            solverMs(512, 1, 1000 + w);
        }
        jgraphtMs(128, 2, 99);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("assignment_ms_n128", solverMs(128, repeats, 1));
        m.put("assignment_ms_n512", solverMs(512, repeats, 2));
        m.put("assignment_ms_n1024", solverMs(1024, Math.max(3, repeats / 2), 3));
        m.put("jgrapht_assignment_ms_n128", jgraphtMs(128, jgraphtRepeats, 1));
        m.put("jgrapht_assignment_ms_n512", jgraphtMs(512, jgraphtRepeats, 2));
        m.put("jgrapht_over_solver_n128", m.get("jgrapht_assignment_ms_n128") / m.get("assignment_ms_n128"));
        m.put("jgrapht_over_solver_n512", m.get("jgrapht_assignment_ms_n512") / m.get("assignment_ms_n512"));
        return m;
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int jRepeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        StringBuilder s = new StringBuilder("{");
        measure(repeats, jRepeats).forEach((k, v) -> s.append(s.length() > 1 ? ", " : "").append('"').append(k)
                .append("\": ").append(String.format(java.util.Locale.ROOT, "%.3f", v)));
        System.out.println(s.append('}'));
    }
}
