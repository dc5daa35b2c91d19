package io.symsweep.transformer;

import io.symsweep.params.ParameterSet;
import io.symsweep.params.Tensor;

/**
 * A plain-Java forward pass of a factorised transformer, written from the architecture's definition and independent
 * of {@link TransformerGraph}: the oracle the SameDiff graph is held to.
 */
final class ReferenceForward {

    private ReferenceForward() {
    }

    static double[][] logits(TransformerModel model, SequenceData data) {
        TransformerArchitecture a = model.architecture();
        if (a.attention() != TransformerArchitecture.Attention.FACTORISED) {
            throw new IllegalArgumentException("factorised heads only");
        }
        ParameterSet p = model.parameters();
        int t = a.tokens();
        int d = a.dModel();
        int f = a.inputFeatures();
        int per = a.outputsPerSample();
        double[][] out = new double[data.samples() * per][];
        double[] in = data.inputs().toArray();
        for (int s = 0; s < data.samples(); s++) {
            double[][] x = new double[t][d];
            for (int i = 0; i < t; i++) {
                for (int c = 0; c < d; c++) {
                    double v = p.get("pos").at(i * d + c);
                    for (int k = 0; k < f; k++) {
                        v += in[(s * t + i) * f + k] * p.get("embed.weight").at(k * d + c);
                    }
                    x[i][c] = v;
                }
            }
            for (int l = 0; l < a.layers(); l++) {
                double[][] h = norm(x, p, a, "block" + l + ".norm1");
                double[][] q = linear(h, p.get("block" + l + ".attn.q.weight"), p.get("block" + l + ".attn.q.bias"));
                double[][] k = linear(h, p.get("block" + l + ".attn.k.weight"), p.get("block" + l + ".attn.k.bias"));
                double[][] v = linear(h, p.get("block" + l + ".attn.v.weight"), p.get("block" + l + ".attn.v.bias"));
                double[][] concat = new double[t][a.attentionWidth()];
                for (int hh = 0; hh < a.heads(); hh++) {
                    int off = hh * a.dHead();
                    for (int i = 0; i < t; i++) {
                        double[] sc = new double[t];
                        double max = Double.NEGATIVE_INFINITY;
                        int last = a.causal() ? i : t - 1;
                        for (int j = 0; j <= last; j++) {
                            double dot = 0;
                            for (int e = 0; e < a.dHead(); e++) {
                                dot += q[i][off + e] * k[j][off + e];
                            }
                            sc[j] = dot / Math.sqrt(a.dHead());
                            max = Math.max(max, sc[j]);
                        }
                        double z = 0;
                        for (int j = 0; j <= last; j++) {
                            sc[j] = Math.exp(sc[j] - max);
                            z += sc[j];
                        }
                        for (int j = 0; j <= last; j++) {
                            for (int e = 0; e < a.dHead(); e++) {
                                concat[i][off + e] += sc[j] / z * v[j][off + e];
                            }
                        }
                    }
                }
                add(x, linear(concat, p.get("block" + l + ".attn.o.weight"), p.get("block" + l + ".attn.o.bias")));
                double[][] h2 = norm(x, p, a, "block" + l + ".norm2");
                double[][] m = linear(h2, p.get("block" + l + ".mlp.in.weight"), p.get("block" + l + ".mlp.in.bias"));
                for (double[] row : m) {
                    for (int c = 0; c < row.length; c++) {
                        double u = row[c];
                        row[c] = a.nonlinearity() == TransformerArchitecture.Nonlinearity.RELU
                                ? Math.max(0, u) : u / (1 + Math.exp(-(double) 1.702f * u));
                    }
                }
                add(x, linear(m, p.get("block" + l + ".mlp.out.weight"), p.get("block" + l + ".mlp.out.bias")));
            }
            double[][] n = norm(x, p, a, "final_norm");
            double[][] pooled;
            switch (a.pooling()) {
                case MEAN -> {
                    pooled = new double[1][d];
                    for (double[] row : n) {
                        for (int c = 0; c < d; c++) {
                            pooled[0][c] += row[c] / t;
                        }
                    }
                }
                case CLASS_TOKEN -> pooled = new double[][] {n[0]};
                default -> pooled = n;
            }
            double[][] z = linear(pooled, p.get("head.weight"), p.get("head.bias"));
            System.arraycopy(z, 0, out, s * per, per);
        }
        return out;
    }

    private static double[][] norm(double[][] x, ParameterSet p, TransformerArchitecture a, String name) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            int d = x[i].length;
            double mean = 0;
            if (a.norm() == TransformerArchitecture.Norm.LAYER_NORM) {
                for (double v : x[i]) {
                    mean += v / d;
                }
            }
            double ms = 0;
            for (double v : x[i]) {
                ms += (v - mean) * (v - mean) / d;
            }
            double inv = 1 / Math.sqrt(ms + a.normEpsilon());
            out[i] = new double[d];
            for (int c = 0; c < d; c++) {
                double v = (x[i][c] - mean) * inv;
                if (a.norm().hasGain()) {
                    v *= p.get(name + ".gain").at(c);
                }
                if (a.norm().hasBias()) {
                    v += p.get(name + ".bias").at(c);
                }
                out[i][c] = v;
            }
        }
        return out;
    }

    private static double[][] linear(double[][] x, Tensor w, Tensor b) {
        int in = w.dim(0);
        int outDim = w.dim(1);
        double[][] y = new double[x.length][outDim];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < outDim; o++) {
                double s = b.at(o);
                for (int k = 0; k < in; k++) {
                    s += x[i][k] * w.at(k * outDim + o);
                }
                y[i][o] = s;
            }
        }
        return y;
    }

    private static void add(double[][] x, double[][] y) {
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < x[i].length; c++) {
                x[i][c] += y[i][c];
            }
        }
    }
}
