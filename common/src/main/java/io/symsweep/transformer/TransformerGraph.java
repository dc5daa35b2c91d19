package io.symsweep.transformer;

import io.symsweep.params.ParameterSet;
import io.symsweep.params.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link TransformerArchitecture} as a SameDiff graph in float64, its variables named exactly as the
 * {@link TransformerParameters} they hold. Attention is written out from matmuls, an additive triangular mask and a
 * softmax (SameDiff M2.1's {@code multiHeadDotProductAttention} has no causal mask, and writing it here keeps the
 * weights in the layout the symmetry declaration names); both norms are composed from elementwise ops and
 * reductions (M2.1 has no RMSNorm, and its {@code layerNorm} has no {@code eps}).
 *
 * <p>Placeholders: {@code input} {@code [B, T, F]}; for the loss, {@code labels} {@code [B*P, C]} one-hot and
 * {@code weights} {@code [B*P, 1]}, where {@code P} is {@link TransformerArchitecture#outputsPerSample()}. Outputs:
 * {@code logits} {@code [B*P, C]} and {@code loss} {@code = -sum_r weights_r sum_c labels_rc log softmax(logits_r)_c}.
 * Not thread-safe: one graph holds one parameter set at a time.
 */
public final class TransformerGraph {

    static {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    public static final String INPUT = "input";
    public static final String LABELS = "labels";
    public static final String WEIGHTS = "weights";
    public static final String LOGITS = "logits";
    public static final String LOSS = "loss";
    /** The additive mask of a masked score: {@code exp(-1e30 - max)} is exactly 0 in double. */
    static final double MASKED = -1e30;
    /** Samples per forward pass when evaluating a data set. */
    static final int EVALUATION_CHUNK = 256;

    private final TransformerArchitecture arch;
    private final SameDiff sd;

    /** The graph of {@code model}'s architecture holding its parameters. */
    public TransformerGraph(TransformerModel model) {
        this.arch = model.architecture();
        this.sd = SameDiff.create();
        build(model.parameters());
    }

    public TransformerArchitecture architecture() {
        return arch;
    }

    /** The SameDiff instance (for training). */
    SameDiff sameDiff() {
        return sd;
    }

    /** The number of ops in the forward graph and loss. */
    public int opCount() {
        return sd.ops().length;
    }

    /** Replaces every variable's value with {@code params} (which must fit the architecture). */
    public void load(ParameterSet params) {
        TransformerParameters.requireFits(arch, params);
        for (String name : params.names()) {
            Tensor t = params.get(name);
            sd.getVariable(name).setArray(toNd(t));
        }
    }

    /** The variables' current values as a parameter set. */
    public ParameterSet export() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        TransformerParameters.shapes(arch).forEach((name, shape) -> {
            INDArray a = sd.getArrForVarName(name).dup('c');
            m.put(name, new Tensor(shape, a.data().asDouble()));
        });
        return new ParameterSet(m);
    }

    /** The current model. */
    public TransformerModel model() {
        return new TransformerModel(arch, export());
    }

    /**
     * The logits of every output of {@code data}, {@code [samples * outputsPerSample][classes]}, computed by
     * SameDiff in chunks of {@value #EVALUATION_CHUNK} samples.
     */
    public double[][] logits(SequenceData data) {
        requireFits(data);
        int p = arch.outputsPerSample();
        double[][] out = new double[data.samples() * p][];
        for (int from = 0; from < data.samples(); from += EVALUATION_CHUNK) {
            int to = Math.min(data.samples(), from + EVALUATION_CHUNK);
            INDArray x = inputArray(data, from, to);
            INDArray z = sd.output(Map.of(INPUT, x), LOGITS).get(LOGITS);
            double[][] rows = z.toDoubleMatrix();
            System.arraycopy(rows, 0, out, from * p, rows.length);
        }
        return out;
    }

    /** Mean cross-entropy and accuracy over the outputs of {@code data} that carry a target. */
    public Evaluation evaluate(SequenceData data) {
        return Evaluation.of(logits(data), data);
    }

    /** {@code params} loaded, then {@link #evaluate}. */
    public Evaluation evaluate(ParameterSet params, SequenceData data) {
        load(params);
        return evaluate(data);
    }

    /**
     * The mean cross-entropy of {@code batch} (all of it in one pass) and its gradient with respect to every
     * parameter, from SameDiff's reverse mode ({@code calculateGradients}), at the parameters the graph holds. For
     * gradient-based methods on the host (learned matching: the gradient with respect to a transform follows from
     * these by the chain rule).
     */
    public LossGradient lossAndGradient(SequenceData batch) {
        requireFits(batch);
        INDArray[] y = lossArrays(batch, 0, batch.samples());
        Map<String, INDArray> ph = Map.of(INPUT, inputArray(batch, 0, batch.samples()), LABELS, y[0], WEIGHTS, y[1]);
        Map<String, int[]> shapes = TransformerParameters.shapes(arch);
        var result = sd.calculateGradientsAndOutputs(ph, java.util.List.of(LOSS), shapes.keySet());
        double loss = result.getOutputs().get(LOSS).getDouble(0);
        Map<String, Tensor> g = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> g.put(name, new Tensor(shape, result.getGradients().get(name).dup('c').data().asDouble())));
        return new LossGradient(loss, new ParameterSet(g));
    }

    /**
     * A loss and its gradient.
     *
     * @param loss     the mean cross-entropy
     * @param gradient d loss / d parameter, named and shaped like the parameters
     */
    public record LossGradient(double loss, ParameterSet gradient) {
    }

    void requireFits(SequenceData data) {
        if (data.tokens() != arch.tokens() || data.features() != arch.inputFeatures()
                || data.outputsPerSample() != arch.outputsPerSample() || data.classes() != arch.outputs()) {
            throw new IllegalArgumentException("data of " + data.tokens() + " tokens x " + data.features() + " features, "
                    + data.outputsPerSample() + " outputs per sample and " + data.classes() + " classes does not fit "
                    + arch.label());
        }
    }

    /** Samples {@code from..to-1} as the {@code input} placeholder. */
    static INDArray inputArray(SequenceData data, int from, int to) {
        int per = data.tokens() * data.features();
        double[] x = new double[(to - from) * per];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.input(from * per + i);
        }
        return Nd4j.create(x, new long[] {to - from, data.tokens(), data.features()}, 'c');
    }

    /**
     * The {@code labels} and {@code weights} placeholders of samples {@code from..to-1}: each output with a target
     * weighs {@code 1 / (outputs with a target in the batch)}, so the loss is their mean cross-entropy.
     */
    static INDArray[] lossArrays(SequenceData data, int from, int to) {
        int p = data.outputsPerSample();
        int rows = (to - from) * p;
        double[] labels = new double[rows * data.classes()];
        double[] weights = new double[rows];
        int counted = 0;
        for (int r = 0; r < rows; r++) {
            if (data.target(from * p + r) >= 0) {
                counted++;
            }
        }
        for (int r = 0; r < rows; r++) {
            int t = data.target(from * p + r);
            if (t >= 0) {
                labels[r * data.classes() + t] = 1;
                weights[r] = 1.0 / counted;
            }
        }
        return new INDArray[] {Nd4j.create(labels, new long[] {rows, data.classes()}, 'c'),
                Nd4j.create(weights, new long[] {rows, 1}, 'c')};
    }

    static INDArray toNd(Tensor t) {
        int[] s = t.shape();
        long[] shape = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            shape[i] = s[i];
        }
        return Nd4j.create(t.data(), shape, 'c');
    }

    private void build(ParameterSet params) {
        Map<String, SDVariable> v = new LinkedHashMap<>();
        for (String name : params.names()) {
            v.put(name, sd.var(name, toNd(params.get(name))));
        }
        int t = arch.tokens();
        int f = arch.inputFeatures();
        int d = arch.dModel();
        SDVariable input = sd.placeHolder(INPUT, DataType.DOUBLE, -1, t, f);
        SDVariable labels = sd.placeHolder(LABELS, DataType.DOUBLE, -1, arch.outputs());
        SDVariable weights = sd.placeHolder(WEIGHTS, DataType.DOUBLE, -1, 1);

        SDVariable embedded = sd.reshape(input, -1, f).mmul(v.get(TransformerParameters.EMBED));
        SDVariable x = sd.reshape(sd.reshape(embedded, -1, t, d).add(v.get(TransformerParameters.POS)), -1, d);
        SDVariable mask = arch.causal() ? sd.constant("causal_mask", causalMask(t)) : null;
        for (int l = 0; l < arch.layers(); l++) {
            SDVariable h = norm(x, TransformerParameters.norm(l, 1), v);
            SDVariable attended = arch.attention() == TransformerArchitecture.Attention.FACTORISED
                    ? factorisedAttention(h, l, v, mask)
                    : circuitAttention(h, l, v, mask);
            x = x.add(attended);
            SDVariable h2 = norm(x, TransformerParameters.norm(l, 2), v);
            SDVariable hidden = h2.mmul(v.get(TransformerParameters.mlpWeight(l, "in")))
                    .add(v.get(TransformerParameters.mlpBias(l, "in")));
            hidden = arch.nonlinearity() == TransformerArchitecture.Nonlinearity.GELU
                    ? sd.nn().gelu(hidden)
                    : sd.nn().relu(hidden, 0);
            x = x.add(hidden.mmul(v.get(TransformerParameters.mlpWeight(l, "out")))
                    .add(v.get(TransformerParameters.mlpBias(l, "out"))));
        }
        SDVariable n = norm(x, TransformerParameters.FINAL_NORM, v);
        SDVariable pooled = switch (arch.pooling()) {
            case MEAN -> sd.reshape(n, -1, t, d).mean(1);
            case CLASS_TOKEN -> sd.reshape(n, -1, t, d).get(SDIndex.all(), SDIndex.point(0), SDIndex.all());
            case NONE -> n;
        };
        SDVariable logits = pooled.mmul(v.get(TransformerParameters.HEAD_WEIGHT))
                .add(LOGITS, v.get(TransformerParameters.HEAD_BIAS));
        SDVariable logProbabilities = sd.nn().logSoftmax(logits);
        SDVariable perRow = labels.mul(logProbabilities).sum(true, 1);
        SDVariable loss = perRow.mul(weights).sum().neg(LOSS);
        sd.setLossVariables(loss);
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
        SDVariable q = splitHeads(h.mmul(v.get(TransformerParameters.attnWeight(l, 'q')))
                .add(v.get(TransformerParameters.attnBias(l, 'q'))));
        SDVariable k = splitHeads(h.mmul(v.get(TransformerParameters.attnWeight(l, 'k')))
                .add(v.get(TransformerParameters.attnBias(l, 'k'))));
        SDVariable val = splitHeads(h.mmul(v.get(TransformerParameters.attnWeight(l, 'v')))
                .add(v.get(TransformerParameters.attnBias(l, 'v'))));
        SDVariable p = probabilities(sd.linalg().mmul(q, k, false, true, false), mask);
        SDVariable o = sd.linalg().mmul(p, val);
        SDVariable merged = sd.reshape(sd.reshape(o, -1, arch.heads(), arch.tokens(), arch.dHead()).permute(0, 2, 1, 3),
                -1, arch.attentionWidth());
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
        SDVariable mixed = sd.linalg().mmul(sd.reshape(p, -1, nh * t, t), h3);
        SDVariable perHead = sd.reshape(sd.reshape(mixed, -1, nh, t, d).permute(1, 0, 2, 3), nh, -1, d);
        SDVariable written = sd.linalg().mmul(perHead, v.get(TransformerParameters.ovCircuit(l))).sum(0);
        return written.add(v.get(TransformerParameters.attnBias(l, 'o')));
    }

    /**
     * Mean cross-entropy and accuracy (argmax, ties to the lower class) over outputs with a target.
     *
     * @param loss     mean of {@code -log softmax(logits)[target]}
     * @param accuracy fraction of outputs whose largest logit is the target's
     * @param count    outputs with a target
     */
    public record Evaluation(double loss, double accuracy, int count) implements java.io.Serializable {

        /** Computed on the host from logits, independently of the graph's loss op. */
        public static Evaluation of(double[][] logits, SequenceData data) {
            double sum = 0;
            int correct = 0;
            int n = 0;
            for (int r = 0; r < logits.length; r++) {
                int y = data.target(r);
                if (y < 0) {
                    continue;
                }
                double[] z = logits[r];
                double max = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int c = 0; c < z.length; c++) {
                    if (z[c] > max) {
                        max = z[c];
                        arg = c;
                    }
                }
                double s = 0;
                for (double zc : z) {
                    s += Math.exp(zc - max);
                }
                sum += max + Math.log(s) - z[y];
                correct += arg == y ? 1 : 0;
                n++;
            }
            return new Evaluation(sum / n, (double) correct / n, n);
        }
    }
}
