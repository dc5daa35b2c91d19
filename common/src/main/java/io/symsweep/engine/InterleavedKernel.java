package io.symsweep.engine;

import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused forward/backward pass and SGD update of {@code width} independent bias-free MLPs of one shape
 * (architecture and sample count), each with its own weights, data and learning rate, stored interleaved:
 * element {@code e} of network {@code b} is at {@code e * width + b}. Every operation is a loop of
 * {@code jdk.incubator.vector} operations across networks, so one SIMD lane is one network; no
 * operation ever combines two networks. Not thread-safe; nothing is allocated after construction.
 *
 * <p>The three products of a step (forward {@code Z_i = W_i A_{i-1}}, backward
 * {@code G_{i-1} = W_i^T G_i}, gradient {@code dL/dW_i = G_i A_{i-1}^T}) are one strided kernel,
 * {@link #product}, tiled 4 x 4 in registers (16 accumulators, 8 vector loads per 16 fused
 * multiply-adds). The update {@code W_i <- W_i - lr dL/dW_i} is applied in the gradient's tiles, once
 * {@code W_i} has served for {@code G_{i-1}}. Cost per network and step: {@code 3 P N} multiply-adds for
 * {@code P} weights and {@code N} samples (less {@code n_0 n_1 N}: there is no {@code G_0}), plus {@code P}
 * for the update. One vector of networks (8 on AVX-512) keeps the Figure-4 working set within L2; wider
 * batches only pay off for tiny networks ({@link DenseEngine#autoBatch}).
 *
 * <p><b>Bitwise independence of batching.</b> Each network's arithmetic is the same sequence of IEEE 754
 * operations whatever the width, its lane, or the other networks: every sum runs over the same index in
 * the same order, starting from +0 and adding with {@link Math#fma fused multiply-add} (one rounding,
 * exactly specified, so the vector and scalar forms agree); the width is always a whole number of vectors,
 * so there is no scalar tail; non-homogeneous activations go through the scalar {@link Activation#apply}
 * per element, whose {@code Math.exp}/{@code Math.tanh} the JIT and the interpreter compute alike.
 */
final class InterleavedKernel {

    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** SIMD lanes per vector: the width is a multiple of it. */
    static final int LANES = SPECIES.length();

    private final int layers;
    private final int[] n;
    private final int samples;
    private final int width;
    private final Activation activation;
    private final Activation.Kind kind;
    private final double slope;
    /** {@code w[i]}: {@code W_i} interleaved, element {@code (r, c)} at {@code (r * n_{i-1} + c) * width}. */
    final double[][] w;
    /** {@code z[i]}, {@code a[i]}, {@code g[i]}: {@code n_i x N} interleaved; {@code a[0] = X}. */
    private final double[][] z;
    private final double[][] a;
    private final double[][] g;
    private final double[] y;
    /** {@code gradW[i]}: {@code dL/dW_i} of the edge tiles (past multiples of 4) before the update, like {@code w}. */
    private final double[][] gradW;
    /** Minus the learning rate, per network. */
    private final double[] negLr;
    /** The loss of each network at the last {@link #forward()}. */
    final double[] loss;

    /** Buffers for {@code width} networks, rounded up to whole vectors; all weights and data zero. */
    InterleavedKernel(MlpArchitecture arch, int samples, int width) {
        if (samples < 1 || width < 1) {
            throw new IllegalArgumentException("samples and width must be >= 1, found " + samples + ", " + width);
        }
        this.layers = arch.layers();
        this.n = arch.widths();
        this.samples = samples;
        this.width = roundUp(width);
        this.activation = arch.activation();
        this.kind = activation.kind();
        this.slope = activation.slope();
        this.w = new double[layers + 1][];
        this.z = new double[layers + 1][];
        this.a = new double[layers + 1][];
        this.g = new double[layers + 1][];
        this.gradW = new double[layers + 1][];
        for (int i = 1; i <= layers; i++) {
            w[i] = new double[n[i] * n[i - 1] * this.width];
            gradW[i] = new double[w[i].length];
            z[i] = new double[n[i] * samples * this.width];
            g[i] = new double[n[i] * samples * this.width];
            if (i < layers) {
                a[i] = kind == Activation.Kind.LINEAR ? z[i] : new double[n[i] * samples * this.width];
            }
        }
        a[0] = new double[n[0] * samples * this.width];
        y = new double[n[layers] * samples * this.width];
        negLr = new double[this.width];
        loss = new double[this.width];
    }

    /** {@code networks} rounded up to a whole number of vectors. */
    static int roundUp(int networks) {
        return (networks + LANES - 1) / LANES * LANES;
    }

    int width() {
        return width;
    }

    /** Puts a network in {@code lane}: weights {@code w[i-1] = W_i} row-major, data row-major, learning rate. */
    void load(int lane, double[][] weights, double[] x, double[] yData, double learningRate) {
        for (int i = 1; i <= layers; i++) {
            scatter(weights[i - 1], w[i], lane);
        }
        setData(lane, x, yData);
        negLr[lane] = -learningRate;
    }

    /** Sets the weights of {@code lane} only. */
    void setWeights(int lane, double[][] weights) {
        setWeights(lane, weights, 0);
    }

    /** Sets {@code W_i} of {@code lane} for the layers {@code i > after} only (the others stay). */
    void setWeights(int lane, double[][] weights, int after) {
        for (int i = after + 1; i <= layers; i++) {
            scatter(weights[i - 1], w[i], lane);
        }
    }

    /**
     * Sets the weights of the lanes {@code v .. v + LANES - 1} where {@code mask} is set to
     * {@code (1 - alphas[l]) u + alphas[l] end}, computed per weight as {@code u + alpha * (v - u)} (a
     * difference, a product and a sum, no fused multiply-add), exactly as
     * {@link io.symsweep.model.MlpParameters#interpolate} rounds it, a vector of lanes at a time; lanes
     * outside {@code mask} keep their weights.
     *
     * @param v      the first lane, a multiple of {@link #LANES}
     * @param alphas {@link #LANES} interpolation weights, one per lane
     */
    void setInterpolatedLanes(int v, double[][] u, double[][] end, double[] alphas, boolean[] mask) {
        setInterpolatedLanes(v, u, end, alphas, mask, 0);
    }

    /** {@link #setInterpolatedLanes(int, double[][], double[][], double[], boolean[])} of the layers {@code i > after}. */
    void setInterpolatedLanes(int v, double[][] u, double[][] end, double[] alphas, boolean[] mask, int after) {
        DoubleVector alpha = DoubleVector.fromArray(SPECIES, alphas, 0);
        VectorMask<Double> m = VectorMask.fromArray(SPECIES, mask, 0);
        boolean all = m.allTrue();
        for (int i = after + 1; i <= layers; i++) {
            double[] ui = u[i - 1];
            double[] vi = end[i - 1];
            double[] wi = w[i];
            for (int e = 0, p = v; e < ui.length; e++, p += width) {
                // u + a (v - u), rounded as MlpParameters.interpolate rounds it (no fused multiply-add).
                DoubleVector x = alpha.mul(vi[e] - ui[e]).add(ui[e]);
                if (all) {
                    x.intoArray(wi, p);
                } else {
                    DoubleVector.fromArray(SPECIES, wi, p).blend(x, m).intoArray(wi, p);
                }
            }
        }
    }

    /** Sets X and Y of {@code lane}. */
    void setData(int lane, double[] x, double[] yData) {
        scatter(x, a[0], lane);
        scatter(yData, y, lane);
    }

    /** Empties {@code lane}: zero weights, data and learning rate, so it computes zeros and nothing else. */
    void clear(int lane) {
        for (int i = 1; i <= layers; i++) {
            fillLane(w[i], lane);
        }
        fillLane(a[0], lane);
        fillLane(y, lane);
        negLr[lane] = 0.0;
    }

    /** The weights of {@code lane}, {@code out[i-1] = W_i} row-major. */
    void weights(int lane, double[][] out) {
        for (int i = 1; i <= layers; i++) {
            gather(w[i], lane, out[i - 1]);
        }
    }

    private void scatter(double[] src, double[] dst, int lane) {
        for (int e = 0, p = lane; e < src.length; e++, p += width) {
            dst[p] = src[e];
        }
    }

    private void gather(double[] src, int lane, double[] dst) {
        for (int e = 0, p = lane; e < dst.length; e++, p += width) {
            dst[e] = src[p];
        }
    }

    private void fillLane(double[] dst, int lane) {
        for (int p = lane; p < dst.length; p += width) {
            dst[p] = 0.0;
        }
    }

    /**
     * The forward pass of every network; {@link #loss}{@code [b]} is {@code ||Y - f(X)||_F^2} of network
     * {@code b}, summed row by row, sample by sample. Leaves {@code dL/dZ_l = 2 (Z_l - Y)} for
     * {@link #backwardAndUpdate()}.
     */
    void forward() {
        forwardAfter(0);
    }

    /**
     * {@link #forward()} from layer {@code after + 1} on: {@code A_after} (and every weight of the later layers) as
     * the last forward pass or the caller left them. Each later layer runs the same operations as in a full pass, so
     * the losses are bitwise a full pass's when {@code A_after} is.
     */
    void forwardAfter(int after) {
        if (after < 0 || after >= layers) {
            throw new IllegalArgumentException("after must be between 0 and " + (layers - 1) + ", found " + after);
        }
        int nn = samples;
        for (int i = after + 1; i <= layers; i++) {
            // Z_i (n_i x N) = W_i (n_i x n_{i-1}) A_{i-1} (n_{i-1} x N)
            product(w[i], n[i - 1] * width, width, a[i - 1], width, nn * width, n[i - 1],
                    z[i], nn * width, width, n[i], nn, null);
            if (i < layers) {
                activate(z[i], a[i]);
            }
        }
        double[] out = z[layers];
        double[] gl = g[layers];
        int count = n[layers] * nn;
        for (int v = 0; v < width; v += LANES) {
            DoubleVector s = DoubleVector.zero(SPECIES);
            for (int e = 0, p = v; e < count; e++, p += width) {
                DoubleVector r = DoubleVector.fromArray(SPECIES, out, p).sub(DoubleVector.fromArray(SPECIES, y, p));
                s = r.fma(r, s);
                r.add(r).intoArray(gl, p);
            }
            s.intoArray(loss, v);
        }
    }

    /**
     * Backpropagation and one SGD step {@code W_i <- W_i - lr dL/dW_i} (one fused multiply-add per weight)
     * for every network, after {@link #forward()}. Layer {@code i} is updated after {@code G_{i-1}} has
     * been computed from it.
     */
    void backwardAndUpdate() {
        int nn = samples;
        for (int i = layers; i >= 1; i--) {
            int c = n[i - 1];
            if (i > 1) {
                // G_{i-1} (c x N) = W_i^T G_i: sum over the rows of W_i
                product(w[i], width, c * width, g[i], width, nn * width, n[i],
                        g[i - 1], nn * width, width, c, nn, null);
                activateBackward(z[i - 1], g[i - 1]);
            }
            // dL/dW_i (n_i x c) = G_i A_{i-1}^T, a sum over the samples, and W_i <- W_i - lr dL/dW_i
            product(g[i], nn * width, width, a[i - 1], nn * width, width, nn, w[i], c * width, width, n[i], c,
                    gradW[i]);
        }
    }

    /**
     * {@code out(p, q) = sum_{t < T} X(p, t) Y(q, t)} for {@code p < P}, {@code q < Q}, in every lane, where
     * {@code X(p, t) = x[p * xp + t * xt + lane]} and likewise {@code Y} and {@code out}; the sum starts
     * from +0 and adds {@code t = 0, 1, ...} in order with one fused multiply-add each. With a
     * {@code scratch} buffer shaped like {@code out}, the update {@code out(p, q) <- fma(sum, -lr, out(p, q))}
     * instead (4 x 4 tiles apply it in registers; edge tiles go through {@code scratch}).
     */
    private void product(double[] x, int xp, int xt, double[] yy, int yq, int yt, int tCount,
            double[] out, int op, int oq, int pCount, int qCount, double[] scratch) {
        int p4 = pCount & ~3;
        int q4 = qCount & ~3;
        boolean update = scratch != null;
        double[] edge = update ? scratch : out;
        for (int v = 0; v < width; v += LANES) {
            for (int p = 0; p < p4; p += 4) {
                for (int q = 0; q < q4; q += 4) {
                    if (update) {
                        tile4x4Update(x, p * xp + v, xp, xt, yy, q * yq + v, yq, yt, tCount, out, p * op + q * oq + v,
                                op, oq, negLr, v);
                    } else {
                        tile4x4(x, p * xp + v, xp, xt, yy, q * yq + v, yq, yt, tCount, out, p * op + q * oq + v, op, oq);
                    }
                }
                for (int q = q4; q < qCount; q++) {
                    tile4x1(x, p * xp + v, xp, xt, yy, q * yq + v, yt, tCount, edge, p * op + q * oq + v, op);
                }
            }
            for (int p = p4; p < pCount; p++) {
                for (int q = 0; q < q4; q += 4) {
                    tile4x1(yy, q * yq + v, yq, yt, x, p * xp + v, xt, tCount, edge, p * op + q * oq + v, oq);
                }
                for (int q = q4; q < qCount; q++) {
                    tile1x1(x, p * xp + v, xt, yy, q * yq + v, yt, tCount, edge, p * op + q * oq + v);
                }
            }
            if (update && (p4 < pCount || q4 < qCount)) {
                DoubleVector nl = DoubleVector.fromArray(SPECIES, negLr, v);
                for (int p = 0; p < pCount; p++) {
                    for (int q = p < p4 ? q4 : 0; q < qCount; q++) {
                        int o = p * op + q * oq + v;
                        DoubleVector.fromArray(SPECIES, scratch, o).fma(nl, DoubleVector.fromArray(SPECIES, out, o))
                                .intoArray(out, o);
                    }
                }
            }
        }
    }

    /** Four {@code p} times four {@code q}: 16 sums in registers, 8 loads per step of {@code t}. */
    private static void tile4x4(double[] x, int xo, int xp, int xt, double[] y, int yo, int yq, int yt, int tCount,
            double[] out, int oo, int op, int oq) {
        DoubleVector s00 = DoubleVector.zero(SPECIES);
        DoubleVector s01 = s00;
        DoubleVector s02 = s00;
        DoubleVector s03 = s00;
        DoubleVector s10 = s00;
        DoubleVector s11 = s00;
        DoubleVector s12 = s00;
        DoubleVector s13 = s00;
        DoubleVector s20 = s00;
        DoubleVector s21 = s00;
        DoubleVector s22 = s00;
        DoubleVector s23 = s00;
        DoubleVector s30 = s00;
        DoubleVector s31 = s00;
        DoubleVector s32 = s00;
        DoubleVector s33 = s00;
        for (int t = 0; t < tCount; t++) {
            int xi = xo + t * xt;
            int yi = yo + t * yt;
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, x, xi);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, x, xi + xp);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, x, xi + 2 * xp);
            DoubleVector x3 = DoubleVector.fromArray(SPECIES, x, xi + 3 * xp);
            DoubleVector y0 = DoubleVector.fromArray(SPECIES, y, yi);
            DoubleVector y1 = DoubleVector.fromArray(SPECIES, y, yi + yq);
            DoubleVector y2 = DoubleVector.fromArray(SPECIES, y, yi + 2 * yq);
            DoubleVector y3 = DoubleVector.fromArray(SPECIES, y, yi + 3 * yq);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            s02 = x0.fma(y2, s02);
            s03 = x0.fma(y3, s03);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
            s12 = x1.fma(y2, s12);
            s13 = x1.fma(y3, s13);
            s20 = x2.fma(y0, s20);
            s21 = x2.fma(y1, s21);
            s22 = x2.fma(y2, s22);
            s23 = x2.fma(y3, s23);
            s30 = x3.fma(y0, s30);
            s31 = x3.fma(y1, s31);
            s32 = x3.fma(y2, s32);
            s33 = x3.fma(y3, s33);
        }
        s00.intoArray(out, oo);
        s01.intoArray(out, oo + oq);
        s02.intoArray(out, oo + 2 * oq);
        s03.intoArray(out, oo + 3 * oq);
        oo += op;
        s10.intoArray(out, oo);
        s11.intoArray(out, oo + oq);
        s12.intoArray(out, oo + 2 * oq);
        s13.intoArray(out, oo + 3 * oq);
        oo += op;
        s20.intoArray(out, oo);
        s21.intoArray(out, oo + oq);
        s22.intoArray(out, oo + 2 * oq);
        s23.intoArray(out, oo + 3 * oq);
        oo += op;
        s30.intoArray(out, oo);
        s31.intoArray(out, oo + oq);
        s32.intoArray(out, oo + 2 * oq);
        s33.intoArray(out, oo + 3 * oq);
    }

    /**
     * {@link #tile4x4}, then {@code out <- fma(sum, -lr, out)} per lane (the SGD update, in registers). It repeats
     * {@link #tile4x4}'s 16 register accumulators on purpose: sharing them through a method or an array would move the
     * sums out of registers (the repeated-code count names this pair as one that stays). Kept separate for the JIT:
     * the update in registers measured about 15% less time per step than a second pass (commit 7f3e66e).
     */
    private static void tile4x4Update(double[] x, int xo, int xp, int xt, double[] y, int yo, int yq, int yt, int tCount,
            double[] out, int oo, int op, int oq, double[] negLr, int lane) {
        DoubleVector s00 = DoubleVector.zero(SPECIES);
        DoubleVector s01 = s00;
        DoubleVector s02 = s00;
        DoubleVector s03 = s00;
        DoubleVector s10 = s00;
        DoubleVector s11 = s00;
        DoubleVector s12 = s00;
        DoubleVector s13 = s00;
        DoubleVector s20 = s00;
        DoubleVector s21 = s00;
        DoubleVector s22 = s00;
        DoubleVector s23 = s00;
        DoubleVector s30 = s00;
        DoubleVector s31 = s00;
        DoubleVector s32 = s00;
        DoubleVector s33 = s00;
        for (int t = 0; t < tCount; t++) {
            int xi = xo + t * xt;
            int yi = yo + t * yt;
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, x, xi);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, x, xi + xp);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, x, xi + 2 * xp);
            DoubleVector x3 = DoubleVector.fromArray(SPECIES, x, xi + 3 * xp);
            DoubleVector y0 = DoubleVector.fromArray(SPECIES, y, yi);
            DoubleVector y1 = DoubleVector.fromArray(SPECIES, y, yi + yq);
            DoubleVector y2 = DoubleVector.fromArray(SPECIES, y, yi + 2 * yq);
            DoubleVector y3 = DoubleVector.fromArray(SPECIES, y, yi + 3 * yq);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            s02 = x0.fma(y2, s02);
            s03 = x0.fma(y3, s03);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
            s12 = x1.fma(y2, s12);
            s13 = x1.fma(y3, s13);
            s20 = x2.fma(y0, s20);
            s21 = x2.fma(y1, s21);
            s22 = x2.fma(y2, s22);
            s23 = x2.fma(y3, s23);
            s30 = x3.fma(y0, s30);
            s31 = x3.fma(y1, s31);
            s32 = x3.fma(y2, s32);
            s33 = x3.fma(y3, s33);
        }
        DoubleVector nl = DoubleVector.fromArray(SPECIES, negLr, lane);
        s00.fma(nl, DoubleVector.fromArray(SPECIES, out, oo)).intoArray(out, oo);
        s01.fma(nl, DoubleVector.fromArray(SPECIES, out, oo + oq)).intoArray(out, oo + oq);
        s02.fma(nl, DoubleVector.fromArray(SPECIES, out, oo + 2 * oq)).intoArray(out, oo + 2 * oq);
        s03.fma(nl, DoubleVector.fromArray(SPECIES, out, oo + 3 * oq)).intoArray(out, oo + 3 * oq);
        oo += op;
        s10.fma(nl, DoubleVector.fromArray(SPECIES, out, oo)).intoArray(out, oo);
        s11.fma(nl, DoubleVector.fromArray(SPECIES, out, oo + oq)).intoArray(out, oo + oq);
        s12.fma(nl, DoubleVector.fromArray(SPECIES, out, oo + 2 * oq)).intoArray(out, oo + 2 * oq);
        s13.fma(nl, DoubleVector.fromArray(SPECIES, out, oo + 3 * oq)).intoArray(out, oo + 3 * oq);
        oo += op;
        s20.fma(nl, DoubleVector.fromArray(SPECIES, out, oo)).intoArray(out, oo);
        s21.fma(nl, DoubleVector.fromArray(SPECIES, out, oo + oq)).intoArray(out, oo + oq);
        s22.fma(nl, DoubleVector.fromArray(SPECIES, out, oo + 2 * oq)).intoArray(out, oo + 2 * oq);
        s23.fma(nl, DoubleVector.fromArray(SPECIES, out, oo + 3 * oq)).intoArray(out, oo + 3 * oq);
        oo += op;
        s30.fma(nl, DoubleVector.fromArray(SPECIES, out, oo)).intoArray(out, oo);
        s31.fma(nl, DoubleVector.fromArray(SPECIES, out, oo + oq)).intoArray(out, oo + oq);
        s32.fma(nl, DoubleVector.fromArray(SPECIES, out, oo + 2 * oq)).intoArray(out, oo + 2 * oq);
        s33.fma(nl, DoubleVector.fromArray(SPECIES, out, oo + 3 * oq)).intoArray(out, oo + 3 * oq);
    }

    /**
     * Four rows of {@code a} against one of {@code b}: {@code out(k) = sum_t a(k, t) b(t)} at
     * {@code oo + k * ok}. Serves both 4 x 1 and 1 x 4 tiles: the fused multiply-add is symmetric in its
     * factors, so the sums are the same doubles either way.
     */
    private static void tile4x1(double[] a, int ao, int ak, int at, double[] b, int bo, int bt, int tCount,
            double[] out, int oo, int ok) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int t = 0; t < tCount; t++) {
            int ai = ao + t * at;
            DoubleVector bv = DoubleVector.fromArray(SPECIES, b, bo + t * bt);
            s0 = DoubleVector.fromArray(SPECIES, a, ai).fma(bv, s0);
            s1 = DoubleVector.fromArray(SPECIES, a, ai + ak).fma(bv, s1);
            s2 = DoubleVector.fromArray(SPECIES, a, ai + 2 * ak).fma(bv, s2);
            s3 = DoubleVector.fromArray(SPECIES, a, ai + 3 * ak).fma(bv, s3);
        }
        s0.intoArray(out, oo);
        s1.intoArray(out, oo + ok);
        s2.intoArray(out, oo + 2 * ok);
        s3.intoArray(out, oo + 3 * ok);
    }

    private static void tile1x1(double[] x, int xo, int xt, double[] y, int yo, int yt, int tCount, double[] out,
            int oo) {
        DoubleVector s = DoubleVector.zero(SPECIES);
        for (int t = 0; t < tCount; t++) {
            s = DoubleVector.fromArray(SPECIES, x, xo + t * xt).fma(DoubleVector.fromArray(SPECIES, y, yo + t * yt), s);
        }
        s.intoArray(out, oo);
    }

    /** {@code out = s(in)} elementwise; the same comparisons as {@link Activation#apply}. */
    private void activate(double[] in, double[] out) {
        switch (kind) {
            case LINEAR -> {
                // a[i] is z[i]
            }
            case RELU -> {
                DoubleVector zero = DoubleVector.zero(SPECIES);
                for (int p = 0; p < in.length; p += LANES) {
                    DoubleVector v = DoubleVector.fromArray(SPECIES, in, p);
                    zero.blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(out, p);
                }
            }
            case LEAKY_RELU -> {
                for (int p = 0; p < in.length; p += LANES) {
                    DoubleVector v = DoubleVector.fromArray(SPECIES, in, p);
                    v.mul(slope).blend(v, v.compare(VectorOperators.GE, 0.0)).intoArray(out, p);
                }
            }
            default -> {
                for (int p = 0; p < in.length; p++) {
                    out[p] = activation.apply(in[p]);
                }
            }
        }
    }

    /** {@code grad = grad * s'(pre)} elementwise, with the branches of the scalar kernel. */
    private void activateBackward(double[] pre, double[] grad) {
        switch (kind) {
            case LINEAR -> {
            }
            case RELU -> {
                DoubleVector zero = DoubleVector.zero(SPECIES);
                for (int p = 0; p < pre.length; p += LANES) {
                    VectorMask<Double> pos = DoubleVector.fromArray(SPECIES, pre, p).compare(VectorOperators.GT, 0.0);
                    zero.blend(DoubleVector.fromArray(SPECIES, grad, p), pos).intoArray(grad, p);
                }
            }
            case LEAKY_RELU -> {
                for (int p = 0; p < pre.length; p += LANES) {
                    VectorMask<Double> pos = DoubleVector.fromArray(SPECIES, pre, p).compare(VectorOperators.GE, 0.0);
                    DoubleVector gv = DoubleVector.fromArray(SPECIES, grad, p);
                    gv.mul(slope).blend(gv, pos).intoArray(grad, p);
                }
            }
            default -> {
                for (int p = 0; p < pre.length; p++) {
                    grad[p] *= activation.derivative(pre[p]);
                }
            }
        }
    }
}
