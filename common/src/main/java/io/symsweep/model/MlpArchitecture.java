package io.symsweep.model;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bias-free multilayer perceptron {@code f(X) = W_l s(W_{l-1} ... s(W_1 X))}: the same activation after
 * every layer but the last, none after the last.
 *
 * @param widths     {@code [n_0, n_1, ..., n_l]}: input features, hidden widths, outputs; layer {@code i}
 *                   (1-based) has weight {@code W_i} of shape {@code n_i x n_{i-1}}
 * @param activation the hidden activation {@code s}
 */
public record MlpArchitecture(int[] widths, Activation activation) {

    private static final Pattern LABEL = Pattern.compile("mlp\\[([0-9, ]+)]/(.+)");

    public MlpArchitecture {
        widths = checkedWidths(widths);
        if (activation == null) {
            throw new IllegalArgumentException("activation is null");
        }
    }

    /**
     * A copy of {@code widths} after checking them: at least 2 (input and output), each {@code >= 1}. Also the check
     * of the DL4J MLPs' {@code io.symsweep.mlp.MlpSpec}.
     */
    public static int[] checkedWidths(int[] widths) {
        if (widths == null || widths.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least 2 widths (input and output)");
        }
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("widths must be >= 1, found " + Arrays.toString(widths));
            }
        }
        return widths.clone();
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** {@code n_i}. */
    public int width(int i) {
        return widths[i];
    }

    /** The number of weight matrices {@code l}. */
    public int layers() {
        return widths.length - 1;
    }

    /** Input features {@code n_0}. */
    public int inputs() {
        return widths[0];
    }

    /** Outputs {@code n_l}. */
    public int outputs() {
        return widths[widths.length - 1];
    }

    /** Rows of {@code W_i} (1-based {@code i}). */
    public int rows(int layer) {
        return widths[layer];
    }

    /** Columns of {@code W_i} (1-based {@code i}). */
    public int cols(int layer) {
        return widths[layer - 1];
    }

    /** The total number of weights. */
    public int parameterCount() {
        int n = 0;
        for (int i = 1; i < widths.length; i++) {
            n += widths[i] * widths[i - 1];
        }
        return n;
    }

    /** {@code mlp[8,16,4]/leaky_relu(0.01)}. */
    public String label() {
        StringBuilder b = new StringBuilder("mlp[");
        for (int i = 0; i < widths.length; i++) {
            b.append(i == 0 ? "" : ",").append(widths[i]);
        }
        return b.append("]/").append(activation.label()).toString();
    }

    /** Parses {@link #label()}. */
    public static MlpArchitecture parseLabel(String label) {
        Matcher m = LABEL.matcher(label.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an MLP label: " + label);
        }
        int[] w = Arrays.stream(m.group(1).split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        return new MlpArchitecture(w, Activation.parseLabel(m.group(2)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpArchitecture a && Arrays.equals(widths, a.widths) && activation.equals(a.activation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(widths) + activation.hashCode();
    }

    @Override
    public String toString() {
        return label();
    }
}
