package io.symsweep.transformer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The forward pass of a {@link TransformerArchitecture} as SameDiff ops on given parameter variables: the variables
 * may be the model's own ({@link TransformerGraph}) or computed from others (the interpolated, transformed model of
 * {@link TransformGradient}). Attention is written out from matmuls, an additive triangular mask and a softmax
 * (SameDiff M2.1's {@code multiHeadDotProductAttention} has no causal mask); both norms are composed from elementwise
 * ops and reductions (M2.1 has no RMSNorm, and its {@code layerNorm} has no {@code eps}).
 *
 * <p>Besides the logits it records the graph variables of the activations that activation matching reads (see
 * {@link #activations()}); recording adds no op.
 */
final class TransformerForward {

    /** The additive mask of a masked score: {@code exp(-1e30 - max)} is exactly 0 in double. */
    static final double MASKED = -1e30;

    private final SameDiff sd;
    private final TransformerArchitecture arch;
    private final Map<String, SDVariable> activations = new LinkedHashMap<>();

    TransformerForward(SameDiff sd, TransformerArchitecture arch) {
        this.sd = sd;
        this.arch = arch;
    }

    /** {@code residual{k}}: the residual stream after the embedding (k = 0), after block l's attention (2l+1) and MLP (2l+2). */
    static String residual(int k) {
        return "residual" + k;
    }

    /** {@code block{l}.mlp.hidden}: the MLP's hidden units after the activation, {@code [rows, d_mlp]}. */
    static String mlpHidden(int layer) {
        return TransformerParameters.block(layer, "mlp.hidden");
    }

    /** {@code block{l}.attn.{q,k,v}.act}: queries, keys or values of all heads, {@code [rows, H*dh]} (factorised heads). */
    static String projection(int layer, char which) {
        return TransformerParameters.block(layer, "attn." + which + ".act");
    }

    /** {@code block{l}.attn.mixed}: each head's attention-weighted values, concatenated, {@code [rows, H*dh]}. */
    static String mixed(int layer) {
        return TransformerParameters.block(layer, "attn.mixed");
    }

    /**
     * Logits {@code [B*P, C]} of {@code input} ({@code [B, T, F]}) under the parameters {@code v} (named as
     * {@link TransformerParameters} says), as the graph variable {@code name}.
     */
    SDVariable logits(Map<String, SDVariable> v, SDVariable input, String name) {
        int t = arch.tokens();
        int f = arch.inputFeatures();
        int d = arch.dModel();
        SDVariable embedded = sd.reshape(input, -1, f).mmul(v.get(TransformerParameters.EMBED));
        SDVariable x = sd.reshape(sd.reshape(embedded, -1, t, d).add(v.get(TransformerParameters.POS)), -1, d);
        activations.put(residual(0), x);
        SDVariable mask = arch.causal() ? sd.constant(causalMask(t)) : null;
        for (int l = 0; l < arch.layers(); l++) {
            SDVariable h = norm(x, TransformerParameters.norm(l, 1), v);
            SDVariable attended = arch.attention() == TransformerArchitecture.Attention.FACTORISED
                    ? factorisedAttention(h, l, v, mask)
                    : circuitAttention(h, l, v, mask);
            x = x.add(attended);
            activations.put(residual(2 * l + 1), x);
            SDVariable h2 = norm(x, TransformerParameters.norm(l, 2), v);
            SDVariable hidden = h2.mmul(v.get(TransformerParameters.mlpWeight(l, "in")))
                    .add(v.get(TransformerParameters.mlpBias(l, "in")));
            hidden = arch.nonlinearity() == TransformerArchitecture.Nonlinearity.GELU
                    ? sd.nn().gelu(hidden)
                    : sd.nn().relu(hidden, 0);
            activations.put(mlpHidden(l), hidden);
            x = x.add(hidden.mmul(v.get(TransformerParameters.mlpWeight(l, "out")))
                    .add(v.get(TransformerParameters.mlpBias(l, "out"))));
            activations.put(residual(2 * l + 2), x);
        }
        SDVariable n = norm(x, TransformerParameters.FINAL_NORM, v);
        SDVariable pooled = switch (arch.pooling()) {
            case MEAN -> sd.reshape(n, -1, t, d).mean(1);
            case CLASS_TOKEN -> sd.reshape(n, -1, t, d).get(SDIndex.all(), SDIndex.point(0), SDIndex.all());
            case NONE -> n;
        };
        return pooled.mmul(v.get(TransformerParameters.HEAD_WEIGHT)).add(name, v.get(TransformerParameters.HEAD_BIAS));
    }

    /** {@code -sum_r weights_r sum_c labels_rc log softmax(logits_r)_c}. */
    SDVariable loss(SDVariable logits, SDVariable labels, SDVariable weights, String name) {
        SDVariable logProbabilities = sd.nn().logSoftmax(logits);
        SDVariable perRow = labels.mul(logProbabilities).sum(true, 1);
        return perRow.mul(weights).sum().neg(name);
    }

    /**
     * The activation variables of the last {@link #logits} call, by the names of {@link #residual}, {@link #mlpHidden},
     * {@link #projection} and {@link #mixed}, each {@code [B*T, width]} with rows sample-major.
     */
    Map<String, SDVariable> activations() {
        return java.util.Collections.unmodifiableMap(activations);
    }

    /** {@code [T, T]}: 0 on and below the diagonal, {@link #MASKED} above it (key after query). */
    static INDArray causalMask(int t) {
        double[] m = new double[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                m[i * t + j] = MASKED;
            }
        }
        return Nd4j.create(m, new long[] {t, t}, 'c');
    }

    /** The arch's norm of the rows of {@code x} ({@code [rows, d]}). */
    private SDVariable norm(SDVariable x, String name, Map<String, SDVariable> v) {
        SDVariable centred = arch.norm() == TransformerArchitecture.Norm.LAYER_NORM ? x.sub(x.mean(true, 1)) : x;
        SDVariable meanSquare = sd.math().square(centred).mean(true, 1);
        SDVariable n = centred.mul(sd.math().rsqrt(meanSquare.add(arch.normEpsilon())));
        if (arch.norm().hasGain()) {
            n = n.mul(v.get(TransformerParameters.gain(name)));
        }
        if (arch.norm().hasBias()) {
            n = n.add(v.get(TransformerParameters.normBias(name)));
        }
        return n;
    }

    /** {@code [rows, H*dh]} to {@code [B*H, T, dh]}. */
    private SDVariable splitHeads(SDVariable z) {
        return sd.reshape(sd.reshape(z, -1, arch.tokens(), arch.heads(), arch.dHead()).permute(0, 2, 1, 3), -1,
                arch.tokens(), arch.dHead());
    }

    /** Scaled scores {@code [B*H, T, T]} to attention probabilities, masked when causal. */
    private SDVariable probabilities(SDVariable scores, SDVariable mask) {
        SDVariable s = scores.mul(1 / Math.sqrt(arch.dHead()));
        if (mask != null) {
            s = s.add(mask);
        }
        return sd.nn().softmax(s, 2);
    }

    private SDVariable factorisedAttention(SDVariable h, int l, Map<String, SDVariable> v, SDVariable mask) {
        SDVariable[] qkv = new SDVariable[3];
        char[] which = {'q', 'k', 'v'};
        for (int i = 0; i < 3; i++) {
            SDVariable z = h.mmul(v.get(TransformerParameters.attnWeight(l, which[i])))
                    .add(v.get(TransformerParameters.attnBias(l, which[i])));
            activations.put(projection(l, which[i]), z);
            qkv[i] = splitHeads(z);
        }
        SDVariable p = probabilities(sd.linalg().mmul(qkv[0], qkv[1], false, true, false), mask);
        SDVariable o = sd.linalg().mmul(p, qkv[2]);
        SDVariable merged = sd.reshape(sd.reshape(o, -1, arch.heads(), arch.tokens(), arch.dHead()).permute(0, 2, 1, 3),
                -1, arch.attentionWidth());
        activations.put(mixed(l), merged);
        return merged.mmul(v.get(TransformerParameters.attnWeight(l, 'o'))).add(v.get(TransformerParameters.attnBias(l, 'o')));
    }

    /**
     * Circuit heads: score {@code (x_i C_h x_j^T + x_j u_h) / sqrt(dh)} with {@code C_h = W_Q^h W_K^h^T},
     * {@code u_h = W_K^h b_Q^h^T} (the terms of the factorised score that are constant over keys cancel in the
     * softmax), output {@code sum_h sum_j p_hij x_j V_h + b} with {@code V_h = W_V^h W_O^h}.
     */
    private SDVariable circuitAttention(SDVariable h, int l, Map<String, SDVariable> v, SDVariable mask) {
        int t = arch.tokens();
        int d = arch.dModel();
        int nh = arch.heads();
        SDVariable qk = v.get(TransformerParameters.qkCircuit(l));
        SDVariable readQ = h.mmul(sd.reshape(qk.permute(1, 0, 2), d, nh * d));
        SDVariable queries = sd.reshape(sd.reshape(readQ, -1, t, nh, d).permute(0, 2, 1, 3), -1, nh * t, d);
        SDVariable h3 = sd.reshape(h, -1, t, d);
        SDVariable scores = sd.reshape(sd.linalg().mmul(queries, h3, false, true, false), -1, t, t);
        SDVariable keyBias = h.mmul(v.get(TransformerParameters.qkKeyBias(l)).permute(1, 0));
        scores = scores.add(sd.reshape(sd.reshape(keyBias, -1, t, nh).permute(0, 2, 1), -1, 1, t));
        SDVariable p = probabilities(scores, mask);
        SDVariable mixedTokens = sd.linalg().mmul(sd.reshape(p, -1, nh * t, t), h3);
        SDVariable perHead = sd.reshape(sd.reshape(mixedTokens, -1, nh, t, d).permute(1, 0, 2, 3), nh, -1, d);
        SDVariable written = sd.linalg().mmul(perHead, v.get(TransformerParameters.ovCircuit(l))).sum(0);
        return written.add(v.get(TransformerParameters.attnBias(l, 'o')));
    }
}
