package io.symsweep.transformer;

import static io.symsweep.transformer.TransformerParameters.attnBias;
import static io.symsweep.transformer.TransformerParameters.attnWeight;

import io.symsweep.params.ParameterSet;
import io.symsweep.params.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Theus et al. 2025's circuit mode: each head held as its query-key circuit {@code C_h = W_Q^h W_K^h^T}
 * ({@code d x d}) and its value-output circuit {@code V_h = W_V^h W_O^h}, which every per-head invertible map
 * leaves unchanged. The merged model ({@link TransformerArchitecture.Attention#CIRCUITS}) computes the same function:
 * of the score's bias terms only {@code x_j W_K^h b_Q^h^T} varies over keys (the rest cancels in the softmax), kept as
 * {@code u_h = W_K^h b_Q^h^T}, and since the attention weights sum to 1 the value biases become part of the output
 * bias, {@code b_O + sum_h b_V^h W_O^h}. Interpolating merged models interpolates the circuits, not the factors: a
 * different architecture, with {@code 2 H d^2} instead of {@code 4 d H d_head} attention weights per block.
 */
public final class CircuitMerging {

    private CircuitMerging() {
    }

    /** {@code model}'s heads merged into circuits. */
    public static TransformerModel merge(TransformerModel model) {
        TransformerArchitecture arch = model.architecture();
        if (arch.attention() == TransformerArchitecture.Attention.CIRCUITS) {
            return model;
        }
        ParameterSet p = model.parameters();
        TransformerArchitecture merged = arch.withAttention(TransformerArchitecture.Attention.CIRCUITS);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : TransformerParameters.shapes(merged).keySet()) {
            if (p.tensors().containsKey(name)) {
                out.put(name, p.get(name));
            }
        }
        for (int l = 0; l < arch.layers(); l++) {
            int nh = arch.heads();
            double[][][] qk = new double[nh][][];
            double[][] keyBias = new double[nh][];
            double[][][] ov = new double[nh][][];
            double[] outBias = p.get(attnBias(l, 'o')).data();
            double[][] wo = Dense.rows(p.get(attnWeight(l, 'o')));
            double[] bv = p.get(attnBias(l, 'v')).data();
            for (int h = 0; h < nh; h++) {
                qk[h] = queryKey(model, l, h);
                ov[h] = valueOutput(model, l, h);
                double[][] wk = headColumns(p.get(attnWeight(l, 'k')), arch, h);
                double[] bq = headEntries(p.get(attnBias(l, 'q')), arch, h);
                keyBias[h] = Dense.rowTimes(bq, Dense.transpose(wk));
                double[] bvh = java.util.Arrays.copyOfRange(bv, h * arch.dHead(), (h + 1) * arch.dHead());
                double[] shift = Dense.rowTimes(bvh, Dense.rowRange(wo, h * arch.dHead(), arch.dHead()));
                for (int j = 0; j < outBias.length; j++) {
                    outBias[j] += shift[j];
                }
            }
            out.put(TransformerParameters.qkCircuit(l), Dense.stack(qk));
            out.put(TransformerParameters.qkKeyBias(l), Dense.matrix(keyBias));
            out.put(TransformerParameters.ovCircuit(l), Dense.stack(ov));
            out.put(attnBias(l, 'o'), Tensor.vector(outBias));
        }
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (String name : TransformerParameters.shapes(merged).keySet()) {
            ordered.put(name, out.get(name));
        }
        return new TransformerModel(merged, new ParameterSet(ordered));
    }

    /** Head {@code h}'s query-key circuit {@code W_Q^h W_K^h^T}, {@code d x d}, from either form. */
    public static double[][] queryKey(TransformerModel model, int layer, int head) {
        if (model.architecture().attention() == TransformerArchitecture.Attention.CIRCUITS) {
            return Dense.slice(model.parameters().get(TransformerParameters.qkCircuit(layer)), head);
        }
        return Dense.multiplyTransposed(headFactor(model, layer, 'q', head), headFactor(model, layer, 'k', head));
    }

    /** Head {@code h}'s value-output circuit {@code W_V^h W_O^h}, {@code d x d}, from either form. */
    public static double[][] valueOutput(TransformerModel model, int layer, int head) {
        if (model.architecture().attention() == TransformerArchitecture.Attention.CIRCUITS) {
            return Dense.slice(model.parameters().get(TransformerParameters.ovCircuit(layer)), head);
        }
        int dh = model.architecture().dHead();
        return Dense.multiply(headFactor(model, layer, 'v', head),
                Dense.rowRange(Dense.rows(model.parameters().get(attnWeight(layer, 'o'))), head * dh, dh));
    }

    /** Head {@code h}'s columns of block {@code layer}'s {@code W_Q}, {@code W_K} or {@code W_V} ({@code which}). */
    private static double[][] headFactor(TransformerModel model, int layer, char which, int head) {
        return headColumns(model.parameters().get(attnWeight(layer, which)), model.architecture(), head);
    }

    /** Head {@code h}'s columns of a {@code [d, H*dh]} projection, {@code d x dh}. */
    static double[][] headColumns(Tensor w, TransformerArchitecture arch, int head) {
        return Dense.columns(Dense.rows(w), head * arch.dHead(), arch.dHead());
    }

    /** Head {@code h}'s entries of a {@code [H*dh]} bias. */
    static double[] headEntries(Tensor b, TransformerArchitecture arch, int head) {
        return java.util.Arrays.copyOfRange(b.data(), head * arch.dHead(), (head + 1) * arch.dHead());
    }
}
