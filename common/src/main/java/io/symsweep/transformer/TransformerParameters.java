package io.symsweep.transformer;

import io.symsweep.params.ParameterSet;
import io.symsweep.params.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The names, shapes and initialisation of a transformer's parameters. Weights are stored {@code [in, out]}: a
 * layer computes {@code y = x W + b} on row vectors, so the residual stream indexes the rows of every weight that
 * reads it and the columns of every weight that writes it. Head {@code h} owns the columns
 * {@code h*d_head .. (h+1)*d_head - 1} of {@code W_Q, W_K, W_V} (and those entries of their biases) and the same
 * rows of {@code W_O}.
 *
 * <pre>
 * embed.weight                 [F, d]        f_t W_E (no bias: pos absorbs it)
 * pos                          [T, d]        learned positional embedding (row 0 is the class token's embedding)
 * block{l}.norm1.gain / .bias  [d]           (gain unless rmsnorm-folded; bias for layernorm only)
 * block{l}.attn.{q,k,v}.weight [d, H*dh]     factorised heads
 * block{l}.attn.{q,k,v}.bias   [H*dh]
 * block{l}.attn.o.weight       [H*dh, d]
 * block{l}.attn.qk             [H, d, d]     circuit heads: W_Q^h W_K^h^T
 * block{l}.attn.qk_key_bias    [H, d]        circuit heads: W_K^h b_Q^h^T (the only bias term that varies over keys)
 * block{l}.attn.ov             [H, d, d]     circuit heads: W_V^h W_O^h
 * block{l}.attn.o.bias         [d]           (circuits: b_O + sum_h b_V^h W_O^h)
 * block{l}.norm2.gain / .bias  [d]
 * block{l}.mlp.in.weight       [d, d_mlp],   block{l}.mlp.in.bias  [d_mlp]
 * block{l}.mlp.out.weight      [d_mlp, d],   block{l}.mlp.out.bias [d]
 * final_norm.gain / .bias      [d]
 * head.weight                  [d, C],       head.bias [C]
 * </pre>
 */
public final class TransformerParameters {

    public static final String EMBED = "embed.weight";
    public static final String POS = "pos";
    public static final String FINAL_NORM = "final_norm";
    public static final String HEAD_WEIGHT = "head.weight";
    public static final String HEAD_BIAS = "head.bias";

    private TransformerParameters() {
    }

    /** {@code block{l}.{rest}}. */
    public static String block(int layer, String rest) {
        return "block" + layer + "." + rest;
    }

    /** {@code block{l}.attn.{q,k,v,o}.weight}. */
    public static String attnWeight(int layer, char which) {
        return block(layer, "attn." + which + ".weight");
    }

    /** {@code block{l}.attn.{q,k,v,o}.bias}. */
    public static String attnBias(int layer, char which) {
        return block(layer, "attn." + which + ".bias");
    }

    /** {@code block{l}.attn.qk}: circuit heads' {@code W_Q W_K^T}, {@code [H, d, d]}. */
    public static String qkCircuit(int layer) {
        return block(layer, "attn.qk");
    }

    /** {@code block{l}.attn.qk_key_bias}: circuit heads' {@code W_K b_Q^T}, {@code [H, d]}. */
    public static String qkKeyBias(int layer) {
        return block(layer, "attn.qk_key_bias");
    }

    /** {@code block{l}.attn.ov}: circuit heads' {@code W_V W_O}, {@code [H, d, d]}. */
    public static String ovCircuit(int layer) {
        return block(layer, "attn.ov");
    }

    /** {@code block{l}.mlp.{in,out}.weight}. */
    public static String mlpWeight(int layer, String inOrOut) {
        return block(layer, "mlp." + inOrOut + ".weight");
    }

    /** {@code block{l}.mlp.{in,out}.bias}. */
    public static String mlpBias(int layer, String inOrOut) {
        return block(layer, "mlp." + inOrOut + ".bias");
    }

    /** The gain of norm {@code norm} ({@code block{l}.norm1}, {@code block{l}.norm2} or {@code final_norm}). */
    public static String gain(String norm) {
        return norm + ".gain";
    }

    /** The bias of a LayerNorm. */
    public static String normBias(String norm) {
        return norm + ".bias";
    }

    /** {@code block{l}.norm1} (before attention) or {@code block{l}.norm2} (before the MLP). */
    public static String norm(int layer, int which) {
        return block(layer, "norm" + which);
    }

    /** Every parameter of {@code arch}, name to shape, in the order of the forward pass. */
    public static Map<String, int[]> shapes(TransformerArchitecture arch) {
        int d = arch.dModel();
        int a = arch.attentionWidth();
        Map<String, int[]> s = new LinkedHashMap<>();
        s.put(EMBED, new int[] {arch.inputFeatures(), d});
        s.put(POS, new int[] {arch.tokens(), d});
        for (int l = 0; l < arch.layers(); l++) {
            putNorm(s, arch, norm(l, 1));
            if (arch.attention() == TransformerArchitecture.Attention.FACTORISED) {
                for (char w : new char[] {'q', 'k', 'v'}) {
                    s.put(attnWeight(l, w), new int[] {d, a});
                    s.put(attnBias(l, w), new int[] {a});
                }
                s.put(attnWeight(l, 'o'), new int[] {a, d});
            } else {
                s.put(qkCircuit(l), new int[] {arch.heads(), d, d});
                s.put(qkKeyBias(l), new int[] {arch.heads(), d});
                s.put(ovCircuit(l), new int[] {arch.heads(), d, d});
            }
            s.put(attnBias(l, 'o'), new int[] {d});
            putNorm(s, arch, norm(l, 2));
            s.put(mlpWeight(l, "in"), new int[] {d, arch.dMlp()});
            s.put(mlpBias(l, "in"), new int[] {arch.dMlp()});
            s.put(mlpWeight(l, "out"), new int[] {arch.dMlp(), d});
            s.put(mlpBias(l, "out"), new int[] {d});
        }
        putNorm(s, arch, FINAL_NORM);
        s.put(HEAD_WEIGHT, new int[] {d, arch.outputs()});
        s.put(HEAD_BIAS, new int[] {arch.outputs()});
        return s;
    }

    private static void putNorm(Map<String, int[]> s, TransformerArchitecture arch, String norm) {
        if (arch.norm().hasGain()) {
            s.put(gain(norm), new int[] {arch.dModel()});
        }
        if (arch.norm().hasBias()) {
            s.put(normBias(norm), new int[] {arch.dModel()});
        }
    }

    /** Throws unless {@code params} holds exactly the parameters of {@code arch}, in order, with their shapes. */
    public static void requireFits(TransformerArchitecture arch, ParameterSet params) {
        Map<String, int[]> expected = shapes(arch);
        if (!params.names().equals(java.util.List.copyOf(expected.keySet()))) {
            throw new IllegalArgumentException(arch.label() + " has parameters " + expected.keySet() + ", found "
                    + params.names());
        }
        expected.forEach((name, shape) -> {
            if (!java.util.Arrays.equals(shape, params.get(name).shape())) {
                throw new IllegalArgumentException(arch.label() + ": " + name + " must have shape "
                        + java.util.Arrays.toString(shape) + ", found " + java.util.Arrays.toString(params.get(name).shape()));
            }
        });
    }

    /**
     * The training initialisation, every draw from {@code seed} in parameter order: weights
     * {@code N(0, 1/fan_in)} (a one-hot embedding {@code N(0, 1)}), the two writing projections of each block
     * ({@code attn.o}, {@code mlp.out}) further scaled by {@code 1/sqrt(2L)} (GPT-2, Radford et al. 2019),
     * positional embeddings {@code N(0, 0.5^2)}, biases 0, gains 1.
     */
    public static ParameterSet initialise(TransformerArchitecture arch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double residualScale = 1 / Math.sqrt(2.0 * arch.layers());
        return filled(arch, (name, shape, v) -> {
            if (name.endsWith(".gain")) {
                java.util.Arrays.fill(v, 1.0);
            } else if (name.endsWith("bias")) {
                // zeros
            } else {
                double std;
                if (name.equals(POS)) {
                    std = 0.5;
                } else if (name.equals(EMBED) && arch.task() == TransformerArchitecture.Task.CAUSAL_LM) {
                    std = 1.0;
                } else {
                    std = 1 / Math.sqrt(shape[shape.length - 2]);
                    if (name.endsWith("attn.o.weight") || name.endsWith("mlp.out.weight") || name.endsWith("attn.ov")) {
                        std *= residualScale;
                    }
                }
                for (int i = 0; i < v.length; i++) {
                    v[i] = std * gaussian(rng);
                }
            }
        });
    }

    /**
     * Every parameter drawn at random from {@code seed}, biases included and gains around 1 ({@code 1 + 0.3 N(0,1)}),
     * weights {@code N(0, 1/fan_in)}: a generic point for symmetry tests, where zero biases or unit gains would hide a
     * mistake.
     */
    public static ParameterSet random(TransformerArchitecture arch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return filled(arch, (name, shape, v) -> {
            boolean isGain = name.endsWith(".gain");
            double std = isGain || name.endsWith("bias") || name.equals(POS) ? 0.3 : 1 / Math.sqrt(shape[shape.length - 2]);
            for (int i = 0; i < v.length; i++) {
                v[i] = (isGain ? 1 : 0) + std * gaussian(rng);
            }
        });
    }

    /** How one tensor's entries are written: {@code values} (zeros, of the tensor's size) for {@code name}. */
    private interface Fill {
        void fill(String name, int[] shape, double[] values);
    }

    /** A parameter set of {@code arch}'s shapes, the tensors filled by {@code fill} one by one in parameter order. */
    private static ParameterSet filled(TransformerArchitecture arch, Fill fill) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        shapes(arch).forEach((name, shape) -> {
            double[] v = new double[Arrays.stream(shape).reduce(1, (x, y) -> x * y)];
            fill.fill(name, shape, v);
            m.put(name, new Tensor(shape, v));
        });
        return new ParameterSet(m);
    }

    /** A standard normal draw (Box-Muller, one of the pair). */
    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }
}
