package io.symsweep.transformer;

import static io.symsweep.transformer.TransformerParameters.attnBias;
import static io.symsweep.transformer.TransformerParameters.attnWeight;
import static io.symsweep.transformer.TransformerParameters.gain;
import static io.symsweep.transformer.TransformerParameters.mlpBias;
import static io.symsweep.transformer.TransformerParameters.mlpWeight;
import static io.symsweep.transformer.TransformerParameters.normBias;

import io.symsweep.params.ParameterSet;
import io.symsweep.params.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the norms' affine parameters into the adjacent linear layers, giving a function-equivalent model whose norms
 * are {@link TransformerArchitecture.Norm#FOLDED_RMS_NORM} {@code x / sqrt(mean(x^2) + eps)}: a norm that commutes
 * with every orthogonal map of the residual stream, so that the residual site becomes exact for orthogonal maps.
 *
 * <ul>
 *   <li>RMSNorm: {@code (g * n) W + b = n (diag(g) W) + b}: each gain scales the rows of the weights that read its
 *       output ({@code W_Q, W_K, W_V} after {@code norm1}, {@code mlp.in} after {@code norm2}, the head after the
 *       final norm).</li>
 *   <li>LayerNorm (Theus et al. 2025, Appendix E): first every writer to the residual stream (the embedding, the
 *       positional embedding, {@code attn.o} and {@code mlp.out} with their biases) is right-multiplied by the
 *       centring {@code C = I - 11^T/d}; the residual stream is then mean-zero, where LayerNorm is exactly the
 *       folded RMSNorm (same {@code eps}), and every reader of a LayerNorm still sees {@code LN(x) = LN(Cx)}. Then the
 *       gains fold as for RMSNorm and each bias {@code beta} into the reader's bias, {@code b + beta W}.</li>
 * </ul>
 * Factorised heads only (fold first, then {@linkplain CircuitMerging#merge merge} circuits).
 */
public final class NormFolding {

    private NormFolding() {
    }

    /** {@code model} with its norms folded; a folded model is returned unchanged. */
    public static TransformerModel fold(TransformerModel model) {
        TransformerArchitecture arch = model.architecture();
        if (arch.norm() == TransformerArchitecture.Norm.FOLDED_RMS_NORM) {
            return model;
        }
        if (arch.attention() != TransformerArchitecture.Attention.FACTORISED) {
            throw new IllegalArgumentException("fold the norms of factorised heads, then merge circuits: " + arch.label());
        }
        Map<String, Tensor> p = new LinkedHashMap<>(model.parameters().tensors());
        if (arch.norm() == TransformerArchitecture.Norm.LAYER_NORM) {
            for (String writer : writers(arch)) {
                p.put(writer, centreLastAxis(p.get(writer)));
            }
        }
        for (int l = 0; l < arch.layers(); l++) {
            foldInto(p, arch, TransformerParameters.norm(l, 1),
                    List.of(new String[] {attnWeight(l, 'q'), attnBias(l, 'q')},
                            new String[] {attnWeight(l, 'k'), attnBias(l, 'k')},
                            new String[] {attnWeight(l, 'v'), attnBias(l, 'v')}));
            foldInto(p, arch, TransformerParameters.norm(l, 2),
                    List.<String[]>of(new String[] {mlpWeight(l, "in"), mlpBias(l, "in")}));
        }
        foldInto(p, arch, TransformerParameters.FINAL_NORM,
                List.<String[]>of(new String[] {TransformerParameters.HEAD_WEIGHT, TransformerParameters.HEAD_BIAS}));
        TransformerArchitecture folded = arch.withNorm(TransformerArchitecture.Norm.FOLDED_RMS_NORM);
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (String name : TransformerParameters.shapes(folded).keySet()) {
            ordered.put(name, p.get(name));
        }
        return new TransformerModel(folded, new ParameterSet(ordered));
    }

    /** The tensors that write to the residual stream along their last axis. */
    static List<String> writers(TransformerArchitecture arch) {
        List<String> w = new java.util.ArrayList<>(List.of(TransformerParameters.EMBED, TransformerParameters.POS));
        for (int l = 0; l < arch.layers(); l++) {
            w.add(attnWeight(l, 'o'));
            w.add(attnBias(l, 'o'));
            w.add(mlpWeight(l, "out"));
            w.add(mlpBias(l, "out"));
        }
        return w;
    }

    /** Each run of the last axis minus its mean: {@code x -> x C}. */
    static Tensor centreLastAxis(Tensor t) {
        int d = t.dim(t.rank() - 1);
        double[] v = t.data();
        for (int base = 0; base < v.length; base += d) {
            double mean = 0;
            for (int j = 0; j < d; j++) {
                mean += v[base + j];
            }
            mean /= d;
            for (int j = 0; j < d; j++) {
                v[base + j] -= mean;
            }
        }
        return new Tensor(t.shape(), v);
    }

    /** {@code W -> diag(g) W}, {@code b -> b + beta W} for each reader {weight, bias}; the norm's tensors removed. */
    private static void foldInto(Map<String, Tensor> p, TransformerArchitecture arch, String norm, List<String[]> readers) {
        double[] g = p.remove(gain(norm)).data();
        double[] beta = arch.norm().hasBias() ? p.remove(normBias(norm)).data() : null;
        for (String[] r : readers) {
            double[][] w = Dense.rows(p.get(r[0]));
            if (beta != null) {
                double[] shift = Dense.rowTimes(beta, w);
                double[] b = p.get(r[1]).data();
                for (int j = 0; j < b.length; j++) {
                    b[j] += shift[j];
                }
                p.put(r[1], Tensor.vector(b));
            }
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    w[i][j] *= g[i];
                }
            }
            p.put(r[0], Dense.matrix(w));
        }
    }
}
