package io.symsweep.transformer;

import static io.symsweep.transformer.TransformerParameters.attnBias;
import static io.symsweep.transformer.TransformerParameters.attnWeight;
import static io.symsweep.transformer.TransformerParameters.gain;
import static io.symsweep.transformer.TransformerParameters.mlpBias;
import static io.symsweep.transformer.TransformerParameters.mlpWeight;
import static io.symsweep.transformer.TransformerParameters.normBias;

import io.symsweep.params.AxisUse;
import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The symmetries of a {@link TransformerArchitecture}, declared as data (Theus et al. 2025, Sec. 3-4; Git Re-Basin's
 * {@code axes_to_perm} generalised to nested groups). Sites, in application order:
 * <ol>
 *   <li>{@code block{l}.attn.head{h}.qk} ({@code d_head} units, factorised heads only): a map {@code F} sends head
 *       {@code h}'s queries {@code q -> F q} and keys {@code k -> F^-T k}, i.e. {@code W_Q^h -> W_Q^h M},
 *       {@code W_K^h -> W_K^h M^-T} with {@code M = F^T} (biases alike), which keeps every score {@code q.k}.
 *       Exact for every invertible {@code F};</li>
 *   <li>{@code block{l}.attn.head{h}.ov}: values {@code v -> F v}, {@code W_O^h -> F^-T W_O^h}, i.e.
 *       {@code W_V^h N, N^-1 W_O^h} with {@code N = F^T}; exact for every invertible {@code F};</li>
 *   <li>{@code block{l}.attn.heads} ({@code H} units): a permutation of the heads (blocks of {@code d_head} columns of
 *       {@code W_Q, W_K, W_V} and rows of {@code W_O}; or index 0 of the circuit tensors). Declared after the per-head
 *       maps, so those act on the heads' original indices and the permutation then moves them;</li>
 *   <li>{@code block{l}.mlp} ({@code d_mlp} units): permutations (and, for ReLU, positive scalings);</li>
 *   <li>{@code residual} ({@code d_model} units): one map of the residual stream, applied to the embedding, the
 *       positional embedding, every block's reading and writing weights (and writing biases), the norms' gains and
 *       biases, and the head. A permutation is exact for every norm; an orthogonal map only for
 *       {@link TransformerArchitecture.Norm#FOLDED_RMS_NORM}, which {@link NormFolding} produces from RMSNorm and
 *       LayerNorm models.</li>
 * </ol>
 */
public final class TransformerSymmetries {

    /** The residual-stream site. */
    public static final String RESIDUAL = "residual";

    private TransformerSymmetries() {
    }

    /** {@code block{l}.attn.heads}. */
    public static String heads(int layer) {
        return TransformerParameters.block(layer, "attn.heads");
    }

    /** {@code block{l}.attn.head{h}.qk}. */
    public static String queryKey(int layer, int head) {
        return TransformerParameters.block(layer, "attn.head" + head + ".qk");
    }

    /** {@code block{l}.attn.head{h}.ov}. */
    public static String valueOutput(int layer, int head) {
        return TransformerParameters.block(layer, "attn.head" + head + ".ov");
    }

    /** {@code block{l}.mlp}. */
    public static String mlp(int layer) {
        return TransformerParameters.block(layer, "mlp");
    }

    /** Every site of {@code arch}, in application order. */
    public static SymmetryDeclaration declaration(TransformerArchitecture arch) {
        List<Site> sites = new ArrayList<>();
        boolean factorised = arch.attention() == TransformerArchitecture.Attention.FACTORISED;
        int dh = arch.dHead();
        for (int l = 0; l < arch.layers(); l++) {
            if (factorised) {
                for (int h = 0; h < arch.heads(); h++) {
                    int off = h * dh;
                    sites.add(new Site(queryKey(l, h), dh, List.of(
                            new AxisUse(attnWeight(l, 'q'), 1, off, 1, AxisUse.Variance.OUTPUT),
                            new AxisUse(attnBias(l, 'q'), 0, off, 1, AxisUse.Variance.OUTPUT),
                            new AxisUse(attnWeight(l, 'k'), 1, off, 1, AxisUse.Variance.INPUT),
                            new AxisUse(attnBias(l, 'k'), 0, off, 1, AxisUse.Variance.INPUT)),
                            Set.of(SymmetryClass.INVERTIBLE)));
                    sites.add(new Site(valueOutput(l, h), dh, List.of(
                            new AxisUse(attnWeight(l, 'v'), 1, off, 1, AxisUse.Variance.OUTPUT),
                            new AxisUse(attnBias(l, 'v'), 0, off, 1, AxisUse.Variance.OUTPUT),
                            new AxisUse(attnWeight(l, 'o'), 0, off, 1, AxisUse.Variance.INPUT)),
                            Set.of(SymmetryClass.INVERTIBLE)));
                }
                List<AxisUse> headUses = new ArrayList<>();
                for (char w : new char[] {'q', 'k', 'v'}) {
                    headUses.add(new AxisUse(attnWeight(l, w), 1, 0, dh, AxisUse.Variance.OUTPUT));
                    headUses.add(new AxisUse(attnBias(l, w), 0, 0, dh, AxisUse.Variance.OUTPUT));
                }
                headUses.add(new AxisUse(attnWeight(l, 'o'), 0, 0, dh, AxisUse.Variance.INPUT));
                sites.add(new Site(heads(l), arch.heads(), headUses, Set.of(SymmetryClass.PERMUTATION)));
            } else {
                sites.add(new Site(heads(l), arch.heads(), List.of(
                        AxisUse.output(TransformerParameters.qkCircuit(l), 0),
                        AxisUse.output(TransformerParameters.qkKeyBias(l), 0),
                        AxisUse.output(TransformerParameters.ovCircuit(l), 0)),
                        Set.of(SymmetryClass.PERMUTATION)));
            }
            sites.add(new Site(mlp(l), arch.dMlp(), List.of(
                    AxisUse.output(mlpWeight(l, "in"), 1),
                    AxisUse.output(mlpBias(l, "in"), 0),
                    AxisUse.input(mlpWeight(l, "out"), 0)),
                    Set.of(arch.nonlinearity() == TransformerArchitecture.Nonlinearity.RELU
                            ? SymmetryClass.PERMUTATION_SCALING : SymmetryClass.PERMUTATION)));
        }
        sites.add(new Site(RESIDUAL, arch.dModel(), residualUses(arch),
                Set.of(arch.norm() == TransformerArchitecture.Norm.FOLDED_RMS_NORM
                        ? SymmetryClass.ORTHOGONAL : SymmetryClass.PERMUTATION)));
        return new SymmetryDeclaration(arch.label(), sites);
    }

    /** Every axis the residual stream indexes: writers as outputs, readers as inputs, norm parameters as outputs. */
    static List<AxisUse> residualUses(TransformerArchitecture arch) {
        List<AxisUse> u = new ArrayList<>();
        u.add(AxisUse.output(TransformerParameters.EMBED, 1));
        u.add(AxisUse.output(TransformerParameters.POS, 1));
        for (int l = 0; l < arch.layers(); l++) {
            addNorm(u, arch, TransformerParameters.norm(l, 1));
            if (arch.attention() == TransformerArchitecture.Attention.FACTORISED) {
                for (char w : new char[] {'q', 'k', 'v'}) {
                    u.add(AxisUse.input(attnWeight(l, w), 0));
                }
                u.add(AxisUse.output(attnWeight(l, 'o'), 1));
            } else {
                u.add(AxisUse.input(TransformerParameters.qkCircuit(l), 1));
                u.add(AxisUse.input(TransformerParameters.qkCircuit(l), 2));
                u.add(AxisUse.input(TransformerParameters.qkKeyBias(l), 1));
                u.add(AxisUse.input(TransformerParameters.ovCircuit(l), 1));
                u.add(AxisUse.output(TransformerParameters.ovCircuit(l), 2));
            }
            u.add(AxisUse.output(attnBias(l, 'o'), 0));
            addNorm(u, arch, TransformerParameters.norm(l, 2));
            u.add(AxisUse.input(mlpWeight(l, "in"), 0));
            u.add(AxisUse.output(mlpWeight(l, "out"), 1));
            u.add(AxisUse.output(mlpBias(l, "out"), 0));
        }
        addNorm(u, arch, TransformerParameters.FINAL_NORM);
        u.add(AxisUse.input(TransformerParameters.HEAD_WEIGHT, 0));
        return u;
    }

    private static void addNorm(List<AxisUse> u, TransformerArchitecture arch, String norm) {
        if (arch.norm().hasGain()) {
            u.add(AxisUse.output(gain(norm), 0));
        }
        if (arch.norm().hasBias()) {
            u.add(AxisUse.output(normBias(norm), 0));
        }
    }
}
