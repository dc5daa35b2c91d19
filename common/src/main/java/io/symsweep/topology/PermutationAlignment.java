package io.symsweep.topology;

import io.symsweep.model.MlpParameters;

/**
 * Mode connectivity up to permutation, Lemma 5.1 and Proposition 5.2 (Zhao et al. 2025): for {@code h >= 2},
 * permutations {@code P_1, ..., P_{l-1}} of the hidden units bring any minimum {@code W} into the component of
 * any other {@code W'}.
 *
 * <p>Convention (the action of Section 4.1 restricted to permutation matrices):
 * {@code P . W = (P_1 W_1, P_2 W_2 P_1^-1, ..., P_{l-1} W_{l-1} P_{l-2}^-1, W_l P_{l-1}^-1)}; the product
 * {@code W_l ... W_1} and so the loss are unchanged, and the group coordinates become
 * {@code g''_i = P_i g_i P_{i-1}^-1} ({@code P_0 = I}), with {@code sign det g''_i = sgn(P_i) sgn(P_{i-1})
 * sign det g_i}. (Appendix D writes the permutations on the other side; the construction is the same.)
 *
 * <p>The proof's construction, in order {@code i = 1, ..., l-1}: {@code P_i = I} when
 * {@code det(g_i) det(g'_i) sgn(P_{i-1}) > 0}, otherwise an odd permutation (here the transposition of units
 * 1 and 2, which exists exactly when {@code h >= 2}). Then every {@code g''_i} has the sign of {@code g'_i}:
 * {@code P . W} and {@code W'} have one sign pattern, hence (Proposition 4.1) lie in one component.
 */
public final class PermutationAlignment {

    private PermutationAlignment() {
    }

    /**
     * The proof's choice for {@code W} of pattern {@code from} and {@code W'} of pattern {@code to}:
     * element {@code i-1} is 1 when {@code P_i} is the transposition, 0 when it is the identity.
     */
    public static int[] transpositions(SignPattern from, SignPattern to) {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("patterns of different lengths: " + from.label() + " vs " + to.label());
        }
        int[] odd = new int[from.length()];
        int previousSign = 1;
        for (int i = 0; i < odd.length; i++) {
            int needed = to.sign(i) * from.sign(i) * previousSign;
            odd[i] = needed < 0 ? 1 : 0;
            previousSign = odd[i] == 1 ? -1 : 1;
        }
        return odd;
    }

    /** The pattern of {@code P . W} when {@code W} has pattern {@code from}. */
    public static SignPattern permutedPattern(SignPattern from, int[] transpositions) {
        int[] s = from.signs();
        int previousSign = 1;
        for (int i = 0; i < s.length; i++) {
            int sign = transpositions[i] == 1 ? -1 : 1;
            s[i] *= sign * previousSign;
            previousSign = sign;
        }
        return new SignPattern(s);
    }

    /**
     * {@code P . W} for the given transpositions (element {@code i-1} for {@code P_i}): swaps rows 1 and 2 of
     * {@code W_i} when {@code P_i} is the transposition and columns 1 and 2 of {@code W_{i+1}}, which is the same
     * permutation of hidden layer {@code i}'s units on both sides.
     */
    public static MlpParameters apply(MlpParameters w, int[] transpositions) {
        int l = w.architecture().layers();
        if (transpositions.length != l - 1) {
            throw new IllegalArgumentException("expected " + (l - 1) + " permutations, found " + transpositions.length);
        }
        double[][] layers = w.layers();
        for (int i = 1; i < l; i++) {
            if (transpositions[i - 1] == 0) {
                continue;
            }
            if (w.architecture().width(i) < 2) {
                throw new IllegalArgumentException("hidden layer " + i + " has one unit: no odd permutation "
                        + "(Proposition 5.2 needs h >= 2)");
            }
            swapRows(layers[i - 1], w.architecture().cols(i), 0, 1);
            swapColumns(layers[i], w.architecture().cols(i + 1), 0, 1);
        }
        return new MlpParameters(w.architecture(), layers);
    }

    private static void swapRows(double[] m, int cols, int a, int b) {
        for (int c = 0; c < cols; c++) {
            double t = m[a * cols + c];
            m[a * cols + c] = m[b * cols + c];
            m[b * cols + c] = t;
        }
    }

    private static void swapColumns(double[] m, int cols, int a, int b) {
        int rows = m.length / cols;
        for (int r = 0; r < rows; r++) {
            double t = m[r * cols + a];
            m[r * cols + a] = m[r * cols + b];
            m[r * cols + b] = t;
        }
    }
}
