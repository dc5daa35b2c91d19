package io.symsweep.transformer;

import io.symsweep.params.ParameterSet;
import io.symsweep.params.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
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
    /** Samples per forward pass when evaluating a data set. */
    static final int EVALUATION_CHUNK = 1024;

    private final TransformerArchitecture arch;
    private final SameDiff sd;
    /** {@link TransformerForward#activations()}: activation name to graph variable name. */
    private final Map<String, String> activationVariables = new LinkedHashMap<>();

    /** The graph of {@code model}'s architecture holding its parameters. */
    public TransformerGraph(TransformerModel model) {
        NativeMemory.beforeNewGraph();
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

    /**
     * Activations of the first {@code samples} samples of {@code data} at the parameters the graph holds, computed by
     * SameDiff in chunks: name ({@link TransformerForward#residual}, {@link TransformerForward#mlpHidden},
     * {@link TransformerForward#projection}, {@link TransformerForward#mixed}) to a row-major
     * {@code [samples * tokens][width]} matrix, rows sample-major. Only the names in {@code names} are computed.
     */
    public Map<String, double[][]> activations(SequenceData data, int samples, java.util.Collection<String> names) {
        requireFits(data);
        int n = Math.min(samples, data.samples());
        String[] graphNames = new String[names.size()];
        int k = 0;
        for (String name : names) {
            String g = activationVariables.get(name);
            if (g == null) {
                throw new IllegalArgumentException(arch.label() + " has no activation " + name + "; activations: "
                        + activationVariables.keySet());
            }
            graphNames[k++] = g;
        }
        Map<String, double[][]> out = new LinkedHashMap<>();
        int t = arch.tokens();
        for (String name : names) {
            out.put(name, new double[n * t][]);
        }
        for (int from = 0; from < n; from += EVALUATION_CHUNK) {
            int to = Math.min(n, from + EVALUATION_CHUNK);
            Map<String, INDArray> r = sd.output(Map.of(INPUT, inputArray(data, from, to)), graphNames);
            k = 0;
            for (String name : names) {
                double[][] rows = r.get(graphNames[k++]).toDoubleMatrix();
                System.arraycopy(rows, 0, out.get(name), from * t, rows.length);
            }
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
        requireFits(arch, data);
    }

    /** Throws unless {@code data} has the tokens, features, outputs and classes of {@code arch}. */
    static void requireFits(TransformerArchitecture arch, SequenceData data) {
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
        SDVariable input = sd.placeHolder(INPUT, DataType.DOUBLE, -1, arch.tokens(), arch.inputFeatures());
        SDVariable labels = sd.placeHolder(LABELS, DataType.DOUBLE, -1, arch.outputs());
        SDVariable weights = sd.placeHolder(WEIGHTS, DataType.DOUBLE, -1, 1);
        TransformerForward forward = new TransformerForward(sd, arch);
        SDVariable logits = forward.logits(v, input, LOGITS);
        sd.setLossVariables(forward.loss(logits, labels, weights, LOSS));
        forward.activations().forEach((name, variable) -> activationVariables.put(name, variable.name()));
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
