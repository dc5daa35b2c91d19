package io.symsweep.params;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ParameterSet} as table columns any tool can read: its layout, the names and shapes in order
 * ({@code layer1.weight[32,64],layer1.bias[32],...}), and one row-major array per tensor.
 */
public final class ParameterLayout {

    private static final Pattern ENTRY = Pattern.compile("([^\\[\\],]+)\\[([0-9,]+)]");

    private ParameterLayout() {
    }

    /** {@code name[d0,d1],name[d0],...}, in the set's order. */
    public static String describe(ParameterSet p) {
        StringBuilder b = new StringBuilder();
        for (String name : p.names()) {
            int[] shape = p.get(name).shape();
            b.append(b.length() == 0 ? "" : ",").append(name).append('[');
            for (int i = 0; i < shape.length; i++) {
                b.append(i == 0 ? "" : ",").append(shape[i]);
            }
            b.append(']');
        }
        return b.toString();
    }

    /** Each tensor's values, row-major, in the set's order. */
    public static double[][] values(ParameterSet p) {
        List<String> names = p.names();
        double[][] out = new double[names.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.get(names.get(i)).data();
        }
        return out;
    }

    /** The set {@link #describe} and {@link #values} give. */
    public static ParameterSet rebuild(String layout, double[][] values) {
        Matcher m = ENTRY.matcher(layout);
        LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
        int k = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end + (k == 0 ? 0 : 1)) {
                throw new IllegalArgumentException("not a parameter layout: " + layout);
            }
            end = m.end();
            int[] shape = Arrays.stream(m.group(2).split(",")).mapToInt(Integer::parseInt).toArray();
            if (k >= values.length) {
                throw new IllegalArgumentException(layout + " names more tensors than the " + values.length + " given");
            }
            tensors.put(m.group(1), new Tensor(shape, values[k++]));
        }
        if (end != layout.length() || k != values.length) {
            throw new IllegalArgumentException("not a parameter layout of " + values.length + " tensors: " + layout);
        }
        return new ParameterSet(tensors);
    }
}
