package io.symsweep.transformer;

/**
 * Token sequences for a causal language model with next-token targets: the model reads {@code tokens[s][p]} and
 * at position {@code p} is trained to predict {@code targets[s][p]}, or nothing where it is {@code -1}. Immutable.
 *
 * @param tokens     {@code size x length}, each in {@code 0..vocabulary-1}
 * @param targets    {@code size x length}, each in {@code -1..vocabulary-1}
 * @param vocabulary the number of distinct tokens
 */
public record TokenSequences(int[][] tokens, int[][] targets, int vocabulary) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public TokenSequences {
        if (tokens.length == 0 || tokens.length != targets.length || vocabulary < 2) {
            throw new IllegalArgumentException("token sequences need >= 1 sequence, a target row per sequence and a"
                    + " vocabulary >= 2");
        }
        int len = tokens[0].length;
        int[][] tc = new int[tokens.length][];
        int[][] yc = new int[tokens.length][];
        for (int s = 0; s < tokens.length; s++) {
            if (tokens[s].length != len || targets[s].length != len) {
                throw new IllegalArgumentException("sequence " + s + " is not of length " + len);
            }
            for (int p = 0; p < len; p++) {
                if (tokens[s][p] < 0 || tokens[s][p] >= vocabulary || targets[s][p] < -1 || targets[s][p] >= vocabulary) {
                    throw new IllegalArgumentException("sequence " + s + " position " + p + ": token or target outside"
                            + " the vocabulary of " + vocabulary);
                }
            }
            tc[s] = tokens[s].clone();
            yc[s] = targets[s].clone();
        }
        tokens = tc;
        targets = yc;
    }

    public int size() {
        return tokens.length;
    }

    public int length() {
        return tokens[0].length;
    }

    public int token(int sequence, int position) {
        return tokens[sequence][position];
    }

    public int target(int sequence, int position) {
        return targets[sequence][position];
    }

    @Override
    public int[][] tokens() {
        return copy(tokens);
    }

    @Override
    public int[][] targets() {
        return copy(targets);
    }

    private static int[][] copy(int[][] a) {
        int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
