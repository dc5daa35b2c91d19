package io.symsweep.topology;

import io.symsweep.linalg.MatrixFunctions;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Which connected component of {@code GL_h^(l-1)} a point {@code (g_1, ..., g_{l-1})} lies in: the signs of
 * {@code det g_1, ..., det g_{l-1}} ({@code GL_h} has two components, {@code det > 0} and {@code det < 0},
 * so the product has {@code 2^(l-1)}; Proposition A.5 and Corollary 4.2, Zhao et al. 2025). Also used for
 * the four pieces of Proposition 4.3's set {@code S_1}.
 *
 * @param signs each {@code +1} or {@code -1}
 */
public record SignPattern(int[] signs) {

    public SignPattern {
        if (signs == null) {
            throw new IllegalArgumentException("signs are required");
        }
        for (int s : signs) {
            if (s != 1 && s != -1) {
                throw new IllegalArgumentException("signs must be +1 or -1, found " + Arrays.toString(signs));
            }
        }
        signs = signs.clone();
    }

    /**
     * The pattern of group coordinates, or {@code null} when some {@code g_i} is singular (not in
     * {@code GL_h}).
     */
    public static SignPattern of(List<DMatrixRMaj> g) {
        int[] s = new int[g.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = MatrixFunctions.determinantSign(g.get(i));
            if (s[i] == 0) {
                return null;
            }
        }
        return new SignPattern(s);
    }

    /** Parses {@link #label()}. */
    public static SignPattern parse(String label) {
        int[] s = new int[label.length()];
        for (int i = 0; i < s.length; i++) {
            char c = label.charAt(i);
            if (c != '+' && c != '-') {
                throw new IllegalArgumentException("a sign pattern is made of + and -, found " + label);
            }
            s[i] = c == '+' ? 1 : -1;
        }
        return new SignPattern(s);
    }

    /** The number of possible patterns of {@code length} signs: {@code 2^length}. */
    public static int count(int length) {
        return 1 << length;
    }

    @Override
    public int[] signs() {
        return signs.clone();
    }

    /** {@code signs[i]}. */
    public int sign(int i) {
        return signs[i];
    }

    public int length() {
        return signs.length;
    }

    /** {@code 0 .. 2^length - 1}: bit {@code i} is set when {@code signs[i] < 0}. */
    public int index() {
        int index = 0;
        for (int i = 0; i < signs.length; i++) {
            if (signs[i] < 0) {
                index |= 1 << i;
            }
        }
        return index;
    }

    /** The first position where the two patterns differ, or -1 when they are equal. */
    public int firstDifference(SignPattern other) {
        if (other.signs.length != signs.length) {
            throw new IllegalArgumentException("patterns of different lengths: " + label() + " vs " + other.label());
        }
        for (int i = 0; i < signs.length; i++) {
            if (signs[i] != other.signs[i]) {
                return i;
            }
        }
        return -1;
    }

    /** {@code "+-+"}: one character per sign. */
    public String label() {
        StringBuilder b = new StringBuilder(signs.length);
        for (int s : signs) {
            b.append(s > 0 ? '+' : '-');
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignPattern p && Arrays.equals(signs, p.signs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signs);
    }

    @Override
    public String toString() {
        return label();
    }
}
