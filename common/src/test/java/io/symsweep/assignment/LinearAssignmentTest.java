package io.symsweep.assignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.bench.AssignmentBench;
import io.symsweep.symmetry.Permutation;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Jonker-Volgenant against JGraphT's Kuhn-Munkres (the oracle of the optimal total) on random instances. */
class LinearAssignmentTest {

    /** JGraphT's optimal total on a square matrix. */
    static double oracle(double[][] c) {
        return AssignmentBench.kuhnMunkres(c).getWeight();
    }

    static void assertPermutation(int[] a, int cols) {
        boolean[] seen = new boolean[cols];
        for (int j : a) {
            assertTrue(j >= 0 && j < cols && !seen[j], "not an injective assignment");
            seen[j] = true;
        }
    }

    @Test
    void realCostsMatchTheOracle() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rng.nextInt(trial < 200 ? 12 : 60);
            double[][] c = new double[n][n];
            double scale = Math.pow(10, rng.nextInt(7) - 3);
            for (double[] row : c) {
                for (int j = 0; j < n; j++) {
                    row[j] = scale * (rng.nextDouble() * 2 - 1);
                }
            }
            int[] a = LinearAssignment.minimise(c);
            assertPermutation(a, n);
            double best = oracle(c);
            assertEquals(best, LinearAssignment.total(c, a), 1e-12 * scale * n, "trial " + trial + ", n " + n);
        }
    }

    @Test
    void integerCostsWithManyTiesMatchTheOracleExactly() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rng.nextInt(40);
            int range = 1 + rng.nextInt(4);    // costs in 0..range: most entries tie
            double[][] c = new double[n][n];
            for (double[] row : c) {
                for (int j = 0; j < n; j++) {
                    row[j] = rng.nextInt(range + 1);
                }
            }
            if (trial % 10 == 0) {
                for (double[] row : c) {
                    java.util.Arrays.fill(row, 3);   // all equal
                }
            }
            int[] a = LinearAssignment.minimise(c);
            assertPermutation(a, n);
            assertEquals(oracle(c), LinearAssignment.total(c, a), 0.0, "trial " + trial);
        }
    }

    @Test
    void maximiseIsMinimiseOfTheNegation() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + rng.nextInt(30);
            double[][] c = new double[n][n];
            double[][] neg = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    c[i][j] = rng.nextGaussian();
                    neg[i][j] = -c[i][j];
                }
            }
            int[] a = LinearAssignment.maximise(c);
            assertEquals(-oracle(neg), LinearAssignment.total(c, a), 1e-12 * n);
        }
    }

    @Test
    void rectangularProblemsAssignTheShorterSide() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int trial = 0; trial < 100; trial++) {
            int r = 1 + rng.nextInt(15);
            int s = 1 + rng.nextInt(15);
            double[][] c = new double[r][s];
            for (double[] row : c) {
                for (int j = 0; j < s; j++) {
                    row[j] = rng.nextInt(20);
                }
            }
            // the oracle on the square matrix padded with zero rows or columns
            int n = Math.max(r, s);
            double[][] sq = new double[n][n];
            for (int i = 0; i < r; i++) {
                System.arraycopy(c[i], 0, sq[i], 0, s);
            }
            int[] a = LinearAssignment.minimise(c);
            assertEquals(r, a.length);
            int assigned = 0;
            Set<Integer> used = new HashSet<>();
            for (int j : a) {
                if (j >= 0) {
                    assigned++;
                    assertTrue(used.add(j));
                }
            }
            assertEquals(Math.min(r, s), assigned);
            assertEquals(oracle(sq), LinearAssignment.total(c, a), 0.0, r + "x" + s);
        }
    }

    @Test
    void smallCasesAndBadInput() {
        assertArrayEquals(new int[0], LinearAssignment.minimise(new double[0][0]));
        assertArrayEquals(new int[] {0}, LinearAssignment.minimise(new double[][] {{5}}));
        assertArrayEquals(new int[] {1, 0}, LinearAssignment.minimise(new double[][] {{4, 1}, {2, 8}}));
        assertArrayEquals(new int[] {0, 1}, LinearAssignment.maximise(new double[][] {{4, 1}, {2, 8}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearAssignment.minimise(new double[][] {{1, Double.NaN}, {0, 0}}));
        assertEquals("cost[0][1] is NaN; costs must be finite", e.getMessage());
    }

    @Test
    void aPlantedPermutationOfWellSeparatedCostsIsRecovered() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 300;
        int[] planted = Permutation.randomImages(rng, n);
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = j == planted[i] ? rng.nextDouble() : 2 + rng.nextDouble();
            }
        }
        assertArrayEquals(planted, LinearAssignment.minimise(c));
    }
}
