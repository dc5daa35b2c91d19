package io.symsweep.transformer;

import java.util.HashSet;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.KuhnMunkresMinimalWeightBipartitePerfectMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Dense linear assignment: the permutation minimising {@code sum_i cost[i][col(i)]}. The one call site of a solver in
 * this package: for now JGraphT's Kuhn-Munkres (Kuhn 1955, Munkres 1957; {@code O(n^3)}, about a second at
 * {@code n = 512} here, fine for heads and MLP widths up to a few hundred), to be replaced by the dense solver of
 * the MLP alignment work when it lands on main.
 */
final class Assignment {

    private Assignment() {
    }

    /** {@code col[i]}: the column assigned to row {@code i}. */
    static int[] minimumCost(double[][] cost) {
        int n = cost.length;
        if (n == 1) {
            return new int[] {0};
        }
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        Set<Integer> rows = new HashSet<>();
        Set<Integer> cols = new HashSet<>();
        for (int i = 0; i < n; i++) {
            graph.addVertex(i);
            graph.addVertex(n + i);
            rows.add(i);
            cols.add(n + i);
        }
        for (int i = 0; i < n; i++) {
            if (cost[i].length != n) {
                throw new IllegalArgumentException("cost matrix must be square, row " + i + " has " + cost[i].length);
            }
            for (int j = 0; j < n; j++) {
                graph.setEdgeWeight(graph.addEdge(i, n + j), cost[i][j]);
            }
        }
        MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> m =
                new KuhnMunkresMinimalWeightBipartitePerfectMatching<>(graph, rows, cols).getMatching();
        int[] col = new int[n];
        for (DefaultWeightedEdge e : m.getEdges()) {
            int u = graph.getEdgeSource(e);
            int v = graph.getEdgeTarget(e);
            col[Math.min(u, v)] = Math.max(u, v) - n;
        }
        return col;
    }
}
