package io.symsweep.bench;

import io.symsweep.assignment.LinearAssignment;
import io.symsweep.linalg.RandomMatrices;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
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

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** Median ms of {@link LinearAssignment#minimise} at size {@code n}. */
    public static double solverMs(int n, int repeats, long seed) {
        return solverTimes(n, repeats, seed)[0];
    }

    /** {median wall ms, median ms of this thread's CPU time} of {@link LinearAssignment#minimise} at size {@code n}. */
    public static double[] solverTimes(int n, int repeats, long seed) {
        return medianTimes(n, repeats, seed, LinearAssignment::minimise);
    }

    /** Median ms of JGraphT's Kuhn-Munkres at size {@code n}, building its graph included. */
    public static double jgraphtMs(int n, int repeats, long seed) {
        return jgraphtTimes(n, repeats, seed)[0];
    }

    /** {median wall ms, median CPU ms} of JGraphT's Kuhn-Munkres at size {@code n}. */
    public static double[] jgraphtTimes(int n, int repeats, long seed) {
        return medianTimes(n, repeats, seed, AssignmentBench::kuhnMunkres);
    }

    /** JGraphT's Kuhn-Munkres minimum-weight perfect matching of a square cost matrix, its graph built from it. */
    public static MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> kuhnMunkres(double[][] c) {
        int n = c.length;
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
        return new KuhnMunkresMinimalWeightBipartitePerfectMatching<>(g, left, right).getMatching();
    }

    /** {median wall ms, median CPU ms} of {@code solver} over {@code repeats} fresh uniform {@code n x n} matrices. */
    private static double[] medianTimes(int n, int repeats, long seed, Consumer<double[][]> solver) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] ms = new double[repeats];
        double[] cpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            double[][] c = RandomMatrices.uniform(n, n, rng);
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            solver.accept(c);
            ms[r] = (System.nanoTime() - t0) * 1e-6;
            cpu[r] = (THREADS.getCurrentThreadCpuTime() - c0) * 1e-6;
        }
        return new double[] {median(ms), median(cpu)};
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
        double[] s128 = solverTimes(128, repeats, 1);
        double[] s512 = solverTimes(512, repeats, 2);
        double[] s1024 = solverTimes(1024, Math.max(3, repeats / 2), 3);
        double[] j128 = jgraphtTimes(128, jgraphtRepeats, 1);
        double[] j512 = jgraphtTimes(512, jgraphtRepeats, 2);
        putTimes(m, "ms", 0, s128, s512, s1024, j128, j512);
        m.put("jgrapht_over_solver_n128", j128[0] / s128[0]);
        m.put("jgrapht_over_solver_n512", j512[0] / s512[0]);
        // the same in this thread's CPU time: on a shared machine the wall figures include other processes' turns
        putTimes(m, "cpu_ms", 1, s128, s512, s1024, j128, j512);
        m.put("jgrapht_over_solver_cpu_n512", j512[1] / s512[1]);
        return m;
    }

    /**
     * The five medians of one clock ({@code clock} 0 wall, 1 CPU of {@link #medianTimes}) as
     * {@code assignment_<unit>_n<n>} and {@code jgrapht_assignment_<unit>_n<n>}.
     */
    private static void putTimes(Map<String, Double> m, String unit, int clock, double[] s128, double[] s512,
            double[] s1024, double[] j128, double[] j512) {
        m.put("assignment_" + unit + "_n128", s128[clock]);
        m.put("assignment_" + unit + "_n512", s512[clock]);
        m.put("assignment_" + unit + "_n1024", s1024[clock]);
        m.put("jgrapht_assignment_" + unit + "_n128", j128[clock]);
        m.put("jgrapht_assignment_" + unit + "_n512", j512[clock]);
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
