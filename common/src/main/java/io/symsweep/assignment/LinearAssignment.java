package io.symsweep.assignment;

import java.util.Arrays;

/**
 * The dense linear assignment problem: for a cost matrix {@code c} ({@code r x s}), the assignment of rows to
 * distinct columns (every row when {@code r <= s}, every column when {@code r > s}) of least (or greatest) total
 * cost. Solved by the Jonker-Volgenant algorithm (Jonker and Volgenant 1987, "A shortest augmenting path algorithm
 * for dense and sparse linear assignment problems", Computing 38): column reduction, reduction transfer, two passes
 * of augmenting row reduction, then Dijkstra-like shortest augmenting paths on reduced costs for the rows still
 * free. {@code O(n^3)} in the worst case, far less on the cost matrices of unit matching.
 *
 * <p>Written by hand because no maintained Java library offers a dense solver at this speed: JGraphT's
 * {@code KuhnMunkresMinimalWeightBipartitePerfectMatching} (kept as the test oracle of optimality) takes about 1 s
 * on a 512 x 512 matrix, OR-Tools' {@code LinearSumAssignment} takes integer costs only (see STACK.md); this one
 * is measured by {@code io.symsweep.bench.AssignmentBench}. A rectangular problem is padded to a square one with
 * zero-cost rows (or solved transposed), which changes no optimum.
 */
public final class LinearAssignment {

    private LinearAssignment() {
    }

    /**
     * The assignment of least total cost: {@code result[i]} is row {@code i}'s column, or {@code -1} when there are
     * more rows than columns and row {@code i} is left out.
     *
     * @param cost {@code r x s}, every entry finite, rows of equal length
     */
    public static int[] minimise(double[][] cost) {
        int rows = cost.length;
        if (rows == 0) {
            return new int[0];
        }
        int cols = cost[0].length;
        for (int i = 0; i < rows; i++) {
            if (cost[i].length != cols) {
                throw new IllegalArgumentException("ragged cost matrix: row " + i + " has " + cost[i].length
                        + " entries, row 0 " + cols);
            }
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(cost[i][j])) {
                    throw new IllegalArgumentException("cost[" + i + "][" + j + "] is " + cost[i][j]
                            + "; costs must be finite");
                }
            }
        }
        if (cols == 0) {
            int[] none = new int[rows];
            Arrays.fill(none, -1);
            return none;
        }
        if (rows > cols) {
            double[][] t = new double[cols][rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    t[j][i] = cost[i][j];
                }
            }
            int[] colToRow = minimise(t);
            int[] rowToCol = new int[rows];
            Arrays.fill(rowToCol, -1);
            for (int j = 0; j < cols; j++) {
                rowToCol[colToRow[j]] = j;
            }
            return rowToCol;
        }
        double[][] square = cost;
        if (rows < cols) {
            square = new double[cols][];
            for (int i = 0; i < rows; i++) {
                square[i] = cost[i];
            }
            for (int i = rows; i < cols; i++) {
                square[i] = new double[cols];
            }
        }
        int[] x = solveSquare(square);
        return rows < cols ? Arrays.copyOf(x, rows) : x;
    }

    /** The assignment of greatest total value: {@link #minimise} of {@code -value}. */
    public static int[] maximise(double[][] value) {
        double[][] neg = new double[value.length][];
        for (int i = 0; i < value.length; i++) {
            neg[i] = new double[value[i].length];
            for (int j = 0; j < neg[i].length; j++) {
                neg[i][j] = -value[i][j];
            }
        }
        return minimise(neg);
    }

    /** {@code sum_i c[i][a[i]]} over the assigned rows. */
    public static double total(double[][] c, int[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0) {
                s += c[i][a[i]];
            }
        }
        return s;
    }

    /** Jonker-Volgenant on an {@code n x n} matrix; returns row to column. */
    private static int[] solveSquare(double[][] c) {
        int n = c.length;
        int[] x = new int[n];
        int[] y = new int[n];
        Arrays.fill(y, -1);
        if (n == 1) {
            x[0] = 0;
            return x;
        }
        double[] v = new double[n];

        // Column reduction: v_j = min_i c_ij, each column tentatively to its minimising row (rows read in order,
        // columns assigned in reverse as in JV 1987; a row that minimises several columns keeps the one of least v).
        double[] colMin = new double[n];
        int[] argMin = new int[n];
        Arrays.fill(colMin, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            for (int j = 0; j < n; j++) {
                if (ci[j] < colMin[j]) {
                    colMin[j] = ci[j];
                    argMin[j] = i;
                }
            }
        }
        int[] matches = new int[n];
        Arrays.fill(x, -1);
        for (int j = n - 1; j >= 0; j--) {
            v[j] = colMin[j];
            int i = argMin[j];
            if (++matches[i] == 1) {
                x[i] = j;
                y[j] = i;
            } else if (v[j] < v[x[i]]) {
                int j1 = x[i];
                x[i] = j;
                y[j] = i;
                y[j1] = -1;
            }
        }

        // Reduction transfer: a row assigned once passes its slack (second-least reduced cost) to its column.
        int[] free = new int[n];
        int numFree = 0;
        for (int i = 0; i < n; i++) {
            if (matches[i] == 0) {
                free[numFree++] = i;
            } else if (matches[i] == 1) {
                int j1 = x[i];
                double min = Double.POSITIVE_INFINITY;
                double[] ci = c[i];
                for (int j = 0; j < n; j++) {
                    if (j != j1) {
                        double h = ci[j] - v[j];
                        if (h < min) {
                            min = h;
                        }
                    }
                }
                v[j1] -= min;
            }
        }
        // rows that minimised several columns but kept one are assigned; rows that kept none are free
        for (int i = 0; i < n; i++) {
            if (matches[i] > 1 && x[i] >= 0 && y[x[i]] != i) {
                x[i] = -1;
            }
        }

        // Augmenting row reduction, twice. The number of reassignments per pass is bounded (floating-point
        // ties can otherwise make two rows trade a column by ever smaller decrements); rows left are augmented.
        for (int pass = 0; pass < 2 && numFree > 0; pass++) {
            int k = 0;
            int previous = numFree;
            numFree = 0;
            long budget = 4L * n;
            while (k < previous) {
                if (--budget < 0) {
                    while (k < previous) {
                        free[numFree++] = free[k++];
                    }
                    break;
                }
                int i = free[k++];
                double[] ci = c[i];
                double umin = ci[0] - v[0];
                int j1 = 0;
                double usubmin = Double.POSITIVE_INFINITY;
                int j2 = -1;
                for (int j = 1; j < n; j++) {
                    double h = ci[j] - v[j];
                    if (h < usubmin) {
                        if (h >= umin) {
                            usubmin = h;
                            j2 = j;
                        } else {
                            usubmin = umin;
                            j2 = j1;
                            umin = h;
                            j1 = j;
                        }
                    }
                }
                int i0 = y[j1];
                if (umin < usubmin) {
                    v[j1] -= usubmin - umin;
                } else if (i0 >= 0) {
                    j1 = j2;
                    i0 = y[j2];
                }
                x[i] = j1;
                y[j1] = i;
                if (i0 >= 0) {
                    x[i0] = -1;
                    if (umin < usubmin) {
                        free[--k] = i0;
                    } else {
                        free[numFree++] = i0;
                    }
                }
            }
        }

        // Augmentation: for each free row, a shortest path (Dijkstra on reduced costs) to a free column.
        double[] d = new double[n];
        int[] pred = new int[n];
        int[] cols = new int[n];
        for (int f = 0; f < numFree; f++) {
            int start = free[f];
            double[] cs = c[start];
            for (int j = 0; j < n; j++) {
                d[j] = cs[j] - v[j];
                pred[j] = start;
                cols[j] = j;
            }
            int low = 0;
            int up = 0;
            int last = 0;
            int end = -1;
            double min = 0;
            while (end < 0) {
                if (up == low) {
                    // the next distance: every unscanned column at the least d moves to [low, up)
                    last = low - 1;
                    min = d[cols[up++]];
                    for (int k = up; k < n; k++) {
                        int j = cols[k];
                        double h = d[j];
                        if (h <= min) {
                            if (h < min) {
                                up = low;
                                min = h;
                            }
                            cols[k] = cols[up];
                            cols[up++] = j;
                        }
                    }
                    for (int k = low; k < up; k++) {
                        if (y[cols[k]] < 0) {
                            end = cols[k];
                            break;
                        }
                    }
                }
                if (end < 0) {
                    // scan a column at distance min: relax the columns reachable through its row
                    int j1 = cols[low++];
                    int i = y[j1];
                    double[] ci = c[i];
                    double h = ci[j1] - v[j1] - min;
                    for (int k = up; k < n; k++) {
                        int j = cols[k];
                        double v2 = ci[j] - v[j] - h;
                        if (v2 < d[j]) {
                            pred[j] = i;
                            if (v2 == min) {
                                if (y[j] < 0) {
                                    end = j;
                                    break;
                                }
                                cols[k] = cols[up];
                                cols[up++] = j;
                            }
                            d[j] = v2;
                        }
                    }
                }
            }
            // prices of the columns scanned before the last distance
            for (int k = 0; k <= last; k++) {
                int j1 = cols[k];
                v[j1] += d[j1] - min;
            }
            int i;
            do {
                i = pred[end];
                y[end] = i;
                int j1 = end;
                end = x[i];
                x[i] = j1;
            } while (i != start);
        }
        return x;
    }
}
