package io.symsweep.mlp;

import io.symsweep.data.SupervisedData;
import io.symsweep.data.Task;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Tensor;

/**
 * The forward pass, loss and accuracy of an {@link MlpSpec} on a {@link ParameterSet}, in plain Java (the probe's
 * evaluator; held to DL4J's {@code output} and {@code score} by {@code MlpForwardTest}). Samples are rows:
 * {@code x} is {@code n x n_0} row-major, and layer {@code l} computes {@code Z_l = H_{l-1} W_l^T + b_l}. The
 * shapes are read from the parameters, so a network widened by a semi-permutation evaluates as well. Cost
 * {@code O(n sum_l n_l n_{l-1})}; the product is an axpy over the output units (vectorised by the JIT), four
 * samples at a time to reuse each row of {@code W^T}.
 */
public final class MlpForward {

    private MlpForward() {
    }

    /** Loss and accuracy on a data set; accuracy is NaN for regression. */
    public record Evaluation(double loss, double accuracy) implements java.io.Serializable {
    }

    /** Pre-activations {@code Z_l} and activations {@code H_l} of every layer ({@code H_L = Z_L}, no softmax). */
    public record Trace(int samples, int[] widths, double[][] preActivations, double[][] activations) {

        /** {@code Z_l} ({@code l = 1..L}), {@code n x n_l} row-major. */
        public double[] pre(int l) {
            return preActivations[l - 1];
        }

        /** {@code H_l} ({@code l = 0..L}; {@code H_0 = X}). */
        public double[] post(int l) {
            return activations[l];
        }

        /** The outputs {@code Z_L}. */
        public double[] outputs() {
            return preActivations[preActivations.length - 1];
        }
    }

    /** The network's outputs on {@code n} samples {@code x} (row-major), {@code n x n_L}: logits or predictions. */
    public static double[] outputs(MlpSpec spec, ParameterSet p, double[] x, int n) {
        return trace(spec, p, x, n).outputs();
    }

    /** Every layer's pre-activations and activations. */
    public static Trace trace(MlpSpec spec, ParameterSet p, double[] x, int n) {
        MlpSpec s = spec.shapeOf(p);
        int layers = s.layers();
        if (x.length != n * s.width(0)) {
            throw new IllegalArgumentException(n + " samples of " + s.width(0) + " inputs need " + n * s.width(0)
                    + " values, found " + x.length);
        }
        double[][] pre = new double[layers][];
        double[][] post = new double[layers + 1][];
        post[0] = x;
        double[] h = x;
        for (int l = 1; l <= layers; l++) {
            double[] z = affine(h, n, s.width(l - 1), p.get(MlpSpec.weightName(l)),
                    s.bias() ? p.get(MlpSpec.biasName(l)) : null, s.width(l));
            pre[l - 1] = z;
            if (l < layers) {
                h = activate(s.activation(), z);
            } else {
                h = z;
            }
            post[l] = h;
        }
        return new Trace(n, s.widths(), pre, post);
    }

    /** {@code s(z)} elementwise, a new array (the identity returns {@code z} itself). */
    public static double[] activate(HiddenActivation a, double[] z) {
        if (a == HiddenActivation.LINEAR) {
            return z;
        }
        double[] h = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            h[i] = a.apply(z[i]);
        }
        return h;
    }

    /** {@code H W^T + b}: {@code h} is {@code n x in}, {@code w} is {@code [out, in]}, {@code b} {@code [out]} or null. */
    public static double[] affine(double[] h, int n, int in, Tensor w, Tensor b, int out) {
        double[] wt = new double[in * out];
        for (int o = 0; o < out; o++) {
            for (int k = 0; k < in; k++) {
                wt[k * out + o] = w.at(o * in + k);
            }
        }
        double[] z = new double[n * out];
        if (b != null) {
            for (int i = 0; i < n; i++) {
                for (int o = 0; o < out; o++) {
                    z[i * out + o] = b.at(o);
                }
            }
        }
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            int z0 = i * out;
            int z1 = z0 + out;
            int z2 = z1 + out;
            int z3 = z2 + out;
            for (int k = 0; k < in; k++) {
                double a0 = h[i * in + k];
                double a1 = h[(i + 1) * in + k];
                double a2 = h[(i + 2) * in + k];
                double a3 = h[(i + 3) * in + k];
                int base = k * out;
                for (int o = 0; o < out; o++) {
                    double wv = wt[base + o];
                    z[z0 + o] += a0 * wv;
                    z[z1 + o] += a1 * wv;
                    z[z2 + o] += a2 * wv;
                    z[z3 + o] += a3 * wv;
                }
            }
        }
        for (; i < n; i++) {
            int zi = i * out;
            for (int k = 0; k < in; k++) {
                double a = h[i * in + k];
                int base = k * out;
                for (int o = 0; o < out; o++) {
                    z[zi + o] += a * wt[base + o];
                }
            }
        }
        return z;
    }

    /** Loss (DL4J's score without regularisation) and accuracy of {@code p} on {@code d}. */
    public static Evaluation evaluate(MlpSpec spec, ParameterSet p, SupervisedData d) {
        double[] out = outputs(spec, p, d.featuresRowMajor(), d.size());
        return evaluateOutputs(out, d);
    }

    /**
     * {@code max_i |out_i - reference_i| / max_i |reference_i|}: how far two evaluations of one function differ,
     * relative to the reference's largest output ({@code max_i |out_i - reference_i|} itself when the reference is 0).
     */
    public static double maxRelativeDifference(double[] out, double[] reference) {
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < out.length; i++) {
            worst = Math.max(worst, Math.abs(out[i] - reference[i]));
            scale = Math.max(scale, Math.abs(reference[i]));
        }
        return scale > 0 ? worst / scale : worst;
    }

    /**
     * Loss and accuracy of outputs {@code out} ({@code n x k}): classification, the mean over samples of
     * {@code logsumexp(z) - z_y} (softmax cross-entropy) and the fraction whose largest output (first on ties) is
     * the label; regression, the mean over samples and outputs of {@code (z - y)^2}, accuracy NaN. A non-finite
     * output gives a NaN loss.
     */
    public static Evaluation evaluateOutputs(double[] out, SupervisedData d) {
        int n = d.size();
        int k = d.outputs();
        if (out.length != n * k) {
            throw new IllegalArgumentException("expected " + n + " x " + k + " outputs, found " + out.length);
        }
        double loss = 0;
        if (d.task() == Task.CLASSIFICATION) {
            int correct = 0;
            for (int i = 0; i < n; i++) {
                int base = i * k;
                double max = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int j = 0; j < k; j++) {
                    double v = out[base + j];
                    if (v > max) {
                        max = v;
                        arg = j;
                    }
                }
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += Math.exp(out[base + j] - max);
                }
                int y = d.label(i);
                loss += max + Math.log(sum) - out[base + y];
                if (arg == y) {
                    correct++;
                }
            }
            loss /= n;
            return new Evaluation(Double.isFinite(loss) ? loss : Double.NaN, (double) correct / n);
        }
        for (int i = 0; i < n; i++) {
            double[] t = d.target(i);
            for (int j = 0; j < k; j++) {
                double e = out[i * k + j] - t[j];
                loss += e * e;
            }
        }
        loss /= (double) n * k;
        return new Evaluation(Double.isFinite(loss) ? loss : Double.NaN, Double.NaN);
    }
}
