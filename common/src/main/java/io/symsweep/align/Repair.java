package io.symsweep.align;

import io.symsweep.mlp.BlasForward;
import io.symsweep.mlp.MlpForward;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Tensor;

/**
 * REPAIR (Jordan et al. 2023, "REPAIR: REnormalizing Permuted Activations for Interpolation Repair", Sec. 4.1, the
 * exact variant): the interpolated network {@code W_l = (1-l) A + l B'} with each hidden unit's pre-activation
 * rescaled, layer by layer from the input, to the interpolated statistics of the endpoints,
 * {@code mu = (1-l) mu_A + l mu_B'}, {@code sigma = (1-l) sigma_A + l sigma_B'} (means and standard deviations over
 * the given inputs): {@code z -> (z - mu_cur) sigma / sigma_cur + mu}, folded into the unit's weights and bias. It
 * changes the interpolated network, not B'. A bias-free network can only be rescaled
 * ({@code z -> z sigma / sigma_cur}); a unit whose current standard deviation is 0 is left alone. {@code l = 0}
 * and {@code 1} return the endpoints exactly. Cost per {@code l}: one forward pass.
 */
public final class Repair {

    private final MlpSpec spec;
    private final ParameterSet a;
    private final ParameterSet b;
    private final double[] x;
    private final int n;
    private final double[][] meanA;
    private final double[][] sdA;
    private final double[][] meanB;
    private final double[][] sdB;

    private Repair(MlpSpec spec, ParameterSet a, ParameterSet b, double[] x, int n) {
        this.spec = spec;
        this.a = a;
        this.b = b;
        this.x = x;
        this.n = n;
        int hidden = spec.layers() - 1;
        meanA = new double[hidden][];
        sdA = new double[hidden][];
        meanB = new double[hidden][];
        sdB = new double[hidden][];
        MlpForward.Trace ta = MlpForward.trace(spec, a, x, n);
        MlpForward.Trace tb = MlpForward.trace(spec, b, x, n);
        for (int l = 1; l <= hidden; l++) {
            double[][] sa = moments(ta.pre(l), n, spec.width(l));
            double[][] sb = moments(tb.pre(l), n, spec.width(l));
            meanA[l - 1] = sa[0];
            sdA[l - 1] = sa[1];
            meanB[l - 1] = sb[0];
            sdB[l - 1] = sb[1];
        }
    }

    /** Endpoint statistics of {@code a} and {@code b} (one architecture) on {@code n} inputs {@code x}, row-major. */
    public static Repair prepare(MlpSpec spec, ParameterSet a, ParameterSet b, double[] x, int n) {
        spec.requireFits(a);
        spec.requireFits(b);
        return new Repair(spec, a, b, x, n);
    }

    /** The repaired interpolation at {@code lambda}. */
    public ParameterSet at(double lambda) {
        if (lambda == 0) {
            return a;
        }
        if (lambda == 1) {
            return b;
        }
        ParameterSet p = a.interpolate(b, lambda);
        double[] h = x;
        for (int l = 1; l < spec.layers(); l++) {
            int in = spec.width(l - 1);
            int out = spec.width(l);
            Tensor w = p.get(MlpSpec.weightName(l));
            Tensor bias = spec.bias() ? p.get(MlpSpec.biasName(l)) : null;
            double[] z = BlasForward.affine(h, n, in, w, bias, out);
            double[][] cur = moments(z, n, out);
            double[] wd = w.data();
            double[] bd = bias == null ? null : bias.data();
            double[] scale = new double[out];
            double[] mean = new double[out];
            for (int i = 0; i < out; i++) {
                double target = (1 - lambda) * sdA[l - 1][i] + lambda * sdB[l - 1][i];
                scale[i] = cur[1][i] > 0 ? target / cur[1][i] : 1;
                mean[i] = (1 - lambda) * meanA[l - 1][i] + lambda * meanB[l - 1][i];
                for (int k = 0; k < in; k++) {
                    wd[i * in + k] *= scale[i];
                }
                if (bd != null) {
                    bd[i] = (bd[i] - cur[0][i]) * scale[i] + mean[i];   // z' = (w.h + b - mu_cur) s + mu
                }
            }
            p = p.with(MlpSpec.weightName(l), new Tensor(w.shape(), wd));
            if (bd != null) {
                p = p.with(MlpSpec.biasName(l), new Tensor(bias.shape(), bd));
            }
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < out; i++) {
                    int k = r * out + i;
                    z[k] = bd != null ? (z[k] - cur[0][i]) * scale[i] + mean[i] : z[k] * scale[i];
                }
            }
            h = MlpForward.activate(spec.activation(), z);
        }
        return p;
    }

    /** Per-column means and (population) standard deviations of a row-major {@code n x k} matrix. */
    static double[][] moments(double[] z, int n, int k) {
        double[] mean = new double[k];
        double[] sd = new double[k];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < k; i++) {
                mean[i] += z[r * k + i];
            }
        }
        for (int i = 0; i < k; i++) {
            mean[i] /= n;
        }
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < k; i++) {
                double d = z[r * k + i] - mean[i];
                sd[i] += d * d;
            }
        }
        for (int i = 0; i < k; i++) {
            sd[i] = Math.sqrt(sd[i] / n);
        }
        return new double[][] {mean, sd};
    }
}
