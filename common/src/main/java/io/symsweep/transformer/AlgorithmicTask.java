package io.symsweep.transformer;

import io.symsweep.symmetry.Permutation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generated language tasks for the causal transformer, each with a seeded train/test split whose test sequences
 * never occur in the training set. The loss is next-token cross-entropy on the answer tokens only.
 *
 * @param name  e.g. {@code modadd[p=23]}, {@code reverse[n=5,k=8]}
 * @param train the training sequences
 * @param test  the held-out sequences
 */
public record AlgorithmicTask(String name, TokenSequences train, TokenSequences test) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Modular addition {@code a + b = c (mod p)} (Power et al. 2022): the vocabulary is {@code 0..p-1}, {@code +}
     * ({@code p}) and {@code =} ({@code p+1}); the model reads {@code a + b =} and predicts {@code c} at the
     * {@code =}. All {@code p^2} pairs, shuffled by {@code seed}, the first {@code testSize} held out.
     */
    public static AlgorithmicTask modularAddition(int p, int testSize, long seed) {
        if (p < 2 || testSize < 1 || testSize >= p * p) {
            throw new IllegalArgumentException("modular addition: p must be >= 2 and test size in 1.." + (p * p - 1)
                    + ", found p " + p + ", test size " + testSize);
        }
        int[] order = Permutation.randomImages(new SplittableRandom(seed), p * p);
        int[][] tok = new int[p * p][];
        int[][] tgt = new int[p * p][];
        for (int i = 0; i < p * p; i++) {
            int a = order[i] / p;
            int b = order[i] % p;
            tok[i] = new int[] {a, p, b, p + 1};
            tgt[i] = new int[] {-1, -1, -1, (a + b) % p};
        }
        return split("modadd[p=" + p + "]", tok, tgt, p + 2, testSize);
    }

    /**
     * Sequence reversal: {@code n} symbols from an alphabet of {@code k}, a separator ({@code k}), then the symbols
     * reversed. The model reads {@code x_1..x_n SEP y_1..y_{n-1}} ({@code 2n} tokens) and predicts {@code y_1..y_n}
     * at positions {@code n..2n-1}, where {@code y_i = x_{n+1-i}}. {@code trainSize + testSize} distinct sequences
     * drawn from {@code seed}.
     */
    public static AlgorithmicTask reversal(int n, int k, int trainSize, int testSize, long seed) {
        double distinct = Math.pow(k, n);
        if (n < 1 || k < 2 || trainSize < 1 || testSize < 1 || trainSize + testSize > distinct / 2) {
            throw new IllegalArgumentException("reversal: need n >= 1, k >= 2 and train + test <= k^n / 2 = "
                    + (long) (distinct / 2) + ", found n " + n + ", k " + k + ", " + trainSize + " + " + testSize);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Set<List<Integer>> seen = new HashSet<>();
        int total = trainSize + testSize;
        int[][] tok = new int[total][];
        int[][] tgt = new int[total][];
        int made = 0;
        while (made < total) {
            int[] x = new int[n];
            List<Integer> key = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextInt(k);
                key.add(x[i]);
            }
            if (!seen.add(key)) {
                continue;
            }
            int[] t = new int[2 * n];
            int[] y = new int[2 * n];
            java.util.Arrays.fill(y, -1);
            for (int i = 0; i < n; i++) {
                t[i] = x[i];
            }
            t[n] = k;
            for (int i = 0; i < n; i++) {
                int yi = x[n - 1 - i];
                y[n + i] = yi;
                if (i < n - 1) {
                    t[n + 1 + i] = yi;
                }
            }
            tok[made] = t;
            tgt[made] = y;
            made++;
        }
        // the draw order is already random: the first testSize are the test set
        return split("reverse[n=" + n + ",k=" + k + "]", tok, tgt, k + 1, testSize);
    }

    private static AlgorithmicTask split(String name, int[][] tok, int[][] tgt, int vocab, int testSize) {
        int n = tok.length;
        int[][] teT = java.util.Arrays.copyOfRange(tok, 0, testSize);
        int[][] teY = java.util.Arrays.copyOfRange(tgt, 0, testSize);
        int[][] trT = java.util.Arrays.copyOfRange(tok, testSize, n);
        int[][] trY = java.util.Arrays.copyOfRange(tgt, testSize, n);
        return new AlgorithmicTask(name, new TokenSequences(trT, trY, vocab), new TokenSequences(teT, teY, vocab));
    }
}
