package io.symsweep.engine;

import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;

/**
 * The fused forward/backward pass of one bias-free MLP on one data set, on plain {@code double[]}
 * buffers allocated once. Not thread-safe: one kernel per thread.
 *
 * <p>It performs, for its one network, exactly the IEEE 754 operations that {@link InterleavedKernel}
 * performs in each SIMD lane: every sum starts from +0 and adds its terms in the same order with
 * {@link Math#fma}, the loss is {@code fma(r, r, s)} over the residuals row by row, the update is
 * {@code fma(g, -lr, w)}, and the activations make the same comparisons. So a network trained here is
 * bitwise the one trained in any lane of a batch ({@code BatchIndependenceTest}).
 *
 * <p>Forward: {@code Z_i = W_i A_{i-1}}, {@code A_i = s(Z_i)} for {@code i < l}, {@code f = Z_l}, with
 * {@code A_0 = X}. Backward (the chain rule for {@code L = ||Z_l - Y||^2}): {@code G_l = 2 (Z_l - Y)},
 * {@code dL/dW_i = G_i A_{i-1}^T}, {@code G_{i-1} = (W_i^T G_i) .* s'(Z_{i-1})}. Cost: {@code 3 P N}
 * multiply-adds per step for {@code P} weights and {@code N} samples.
 */
final class DenseKernel {

    private final int layers;
    private final int[] widths;
    private final int samples;
    private final Activation activation;
    /** {@code z[i]}: pre-activations of layer {@code i} (1-based), {@code n_i x N}; {@code z[0]} unused. */
    private final double[][] z;
    /** {@code a[i]}: activations, {@code a[0] = X}, {@code a[l]} unused (the output is {@code z[l]}). */
    private final double[][] a;
    /** {@code g[i]}: {@code dL/dZ_i}. */
    private final double[][] g;
    private final double[] y;

    DenseKernel(MlpArchitecture arch, double[] x, double[] y, int samples) {
        this.layers = arch.layers();
        this.widths = arch.widths();
        this.samples = samples;
        this.activation = arch.activation();
        this.z = new double[layers + 1][];
        this.a = new double[layers + 1][];
        this.g = new double[layers + 1][];
        for (int i = 1; i <= layers; i++) {
            z[i] = new double[widths[i] * samples];
            g[i] = new double[widths[i] * samples];
            if (i < layers) {
                a[i] = new double[widths[i] * samples];
            }
        }
        this.a[0] = x.clone();
        this.y = y.clone();
    }

    /** The loss at {@code w} ({@code w[i-1] = W_i}, row-major). Leaves the forward pass in the buffers. */
    double forward(double[][] w) {
        for (int i = 1; i <= layers; i++) {
            multiply(w[i - 1], widths[i], widths[i - 1], a[i - 1], z[i]);
            if (i < layers) {
                activate(z[i], a[i]);
            }
        }
        double[] out = z[layers];
        double loss = 0;
        for (int j = 0; j < out.length; j++) {
            double r = out[j] - y[j];
            loss = Math.fma(r, r, loss);
        }
        return loss;
    }

    /**
     * One step of gradient descent after {@link #forward}: backpropagation, and {@code W_i <- W_i - lr
     * dL/dW_i} as {@code fma(g, -lr, w)} per weight, {@code W_i} updated once {@code G_{i-1}} is computed
     * from it.
     */
    void backwardAndUpdate(double[][] w, double learningRate, double[][] scratch) {
        backward(w, scratch);
        double negLr = -learningRate;
        for (int l = 0; l < w.length; l++) {
            double[] wl = w[l];
            double[] gl = scratch[l];
            for (int j = 0; j < wl.length; j++) {
                wl[j] = Math.fma(gl[j], negLr, wl[j]);
            }
        }
    }

    /** The loss at {@code w} and its gradient into {@code grad} (shaped like {@code w}). */
    double lossAndGradient(double[][] w, double[][] grad) {
        double loss = forward(w);
        backward(w, grad);
        return loss;
    }

    private void backward(double[][] w, double[][] grad) {
        double[] out = z[layers];
        double[] gl = g[layers];
        for (int j = 0; j < out.length; j++) {
            double r = out[j] - y[j];
            gl[j] = r + r;
        }
        for (int i = layers; i >= 1; i--) {
            multiplyTransposedRight(g[i], widths[i], a[i - 1], widths[i - 1], grad[i - 1]);
            if (i > 1) {
                multiplyTransposedLeft(w[i - 1], widths[i], widths[i - 1], g[i], g[i - 1]);
                activateBackward(z[i - 1], g[i - 1]);
            }
        }
    }

    /** {@code out (r x N) = W (r x c) A (c x N)}. */
    private void multiply(double[] w, int r, int c, double[] in, double[] out) {
        int n = samples;
        for (int i = 0; i < r; i++) {
            int o = i * n;
            for (int j = 0; j < n; j++) {
                out[o + j] = 0;
            }
            for (int k = 0; k < c; k++) {
                double wik = w[i * c + k];
                int p = k * n;
                for (int j = 0; j < n; j++) {
                    out[o + j] = Math.fma(wik, in[p + j], out[o + j]);
                }
            }
        }
    }

    /** {@code grad (r x c) = G (r x N) A^T} where {@code A} is {@code c x N}. */
    private void multiplyTransposedRight(double[] gi, int r, double[] in, int c, double[] grad) {
        int n = samples;
        for (int i = 0; i < r; i++) {
            int gRow = i * n;
            for (int k = 0; k < c; k++) {
                int aRow = k * n;
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s = Math.fma(gi[gRow + j], in[aRow + j], s);
                }
                grad[i * c + k] = s;
            }
        }
    }

    /** {@code out (c x N) = W^T G} where {@code W} is {@code r x c} and {@code G} is {@code r x N}. */
    private void multiplyTransposedLeft(double[] w, int r, int c, double[] gi, double[] out) {
        int n = samples;
        java.util.Arrays.fill(out, 0, c * n, 0.0);
        for (int i = 0; i < r; i++) {
            int gRow = i * n;
            for (int k = 0; k < c; k++) {
                double wik = w[i * c + k];
                int o = k * n;
                for (int j = 0; j < n; j++) {
                    out[o + j] = Math.fma(wik, gi[gRow + j], out[o + j]);
                }
            }
        }
    }

    private void activate(double[] in, double[] out) {
        if (activation.kind() == Activation.Kind.LINEAR) {
            System.arraycopy(in, 0, out, 0, in.length);
        } else if (!gate(in, in, out)) {
            for (int j = 0; j < in.length; j++) {
                out[j] = activation.apply(in[j]);
            }
        }
    }

    /** {@code grad .*= s'(pre)}. */
    private void activateBackward(double[] pre, double[] grad) {
        if (activation.kind() != Activation.Kind.LINEAR && !gate(pre, grad, grad)) {
            for (int j = 0; j < pre.length; j++) {
                grad[j] *= activation.derivative(pre[j]);
            }
        }
    }

    /**
     * The (leaky) ReLU gate, both passes in one loop: {@code out[j] = v[j]} where the unit is open at
     * {@code pre[j]} (ReLU {@code > 0}, leaky ReLU {@code >= 0}), else {@code 0} or {@code slope * v[j]}; the
     * forward pass with {@code v = pre}, the backward with {@code v = out = grad}. False, touching nothing, for
     * any other activation.
     */
    private boolean gate(double[] pre, double[] v, double[] out) {
        switch (activation.kind()) {
            case RELU -> {
                for (int j = 0; j < pre.length; j++) {
                    out[j] = pre[j] > 0 ? v[j] : 0.0;
                }
            }
            case LEAKY_RELU -> {
                double slope = activation.slope();
                for (int j = 0; j < pre.length; j++) {
                    out[j] = pre[j] >= 0 ? v[j] : slope * v[j];
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
