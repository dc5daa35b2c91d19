package io.symsweep.mlp;

import io.symsweep.data.SupervisedData;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link MlpForward}'s outputs with each layer's product {@code H W^T} done by ND4J's BLAS ({@code gemm}, float64)
 * instead of plain Java: the probe's evaluator for wide networks, where the product is almost all of the work
 * ({@code n sum_l n_l n_(l-1)} multiply-adds: 1797 digits through 64-512-512-10 is 0.54 G). Measured 2.6x faster
 * than plain Java at width 512 on one thread (90 ms against 230 ms for one pass over the digits), about even at
 * width 128, so it is used from {@link #MIN_PRODUCT} multiply-adds per layer up. Biases, activations and the loss are
 * the plain-Java ones of {@link MlpForward}; held to it to 1e-12 relative by {@code BlasForwardTest}. Its rounding
 * depends on the BLAS kernel of the CPU (as DL4J's training does), so tables are bitwise the same on one machine and
 * any partitioning, not across CPUs of other vector widths.
 */
public final class BlasForward {

    static {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** Below this many multiply-adds a layer's product stays in plain Java (BLAS's call overhead would dominate). */
    public static final long MIN_PRODUCT = 1L << 24;

    private BlasForward() {
    }

    /** The outputs {@code Z_L} of {@code p} on {@code n} samples {@code x} (row-major), {@code n x n_L}. */
    public static double[] outputs(MlpSpec spec, ParameterSet p, double[] x, int n) {
        MlpSpec s = spec.shapeOf(p);
        double[] h = x;
        for (int l = 1; l <= s.layers(); l++) {
            int in = s.width(l - 1);
            int out = s.width(l);
            Tensor w = p.get(MlpSpec.weightName(l));
            Tensor b = s.bias() ? p.get(MlpSpec.biasName(l)) : null;
            double[] z = affine(h, n, in, w, b, out);
            h = l < s.layers() ? MlpForward.activate(s.activation(), z) : z;
        }
        return h;
    }

    /**
     * {@code H W^T + b} ({@code h} is {@code n x in}, {@code w} {@code [out, in]}, {@code b} {@code [out]} or null): one
     * {@code gemm} from {@link #MIN_PRODUCT} multiply-adds up, {@link MlpForward#affine} below.
     */
    public static double[] affine(double[] h, int n, int in, Tensor w, Tensor b, int out) {
        if ((long) n * in * out < MIN_PRODUCT) {
            return MlpForward.affine(h, n, in, w, b, out);
        }
        INDArray hm = Nd4j.create(h, new long[] {n, in}, 'c');
        INDArray wm = Nd4j.create(w.data(), new long[] {out, in}, 'c');
        INDArray z = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {n, out}, 'c');
        Nd4j.gemm(hm, wm, z, false, true, 1.0, 0.0);
        double[] zz = z.data().asDouble();
        if (b != null) {
            for (int i = 0; i < n; i++) {
                int base = i * out;
                for (int o = 0; o < out; o++) {
                    zz[base + o] += b.at(o);
                }
            }
        }
        return zz;
    }

    /** Loss and accuracy of {@code p} on {@code d}, as {@link MlpForward#evaluate}. */
    public static MlpForward.Evaluation evaluate(MlpSpec spec, ParameterSet p, SupervisedData d) {
        return MlpForward.evaluateOutputs(outputs(spec, p, d.featuresRowMajor(), d.size()), d);
    }
}
