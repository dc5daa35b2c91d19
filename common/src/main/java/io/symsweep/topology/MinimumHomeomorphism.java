package io.symsweep.topology;

import io.symsweep.engine.DenseEngine;
import io.symsweep.linalg.MatrixFunctions;
import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Proposition 4.1 (Zhao et al. 2025): for {@code L(W) = ||Y - W_l ... W_1 X||_F^2} with square {@code h x h}
 * weights and invertible {@code X}, {@code Y}, the map
 * <pre>
 *   f : GL_h^(l-1) -> L^-1(0),  (g_1, ..., g_{l-1}) -> (g_1 X^-1, g_2, ..., g_{l-1}, Y (g_{l-1} ... g_1)^-1)
 * </pre>
 * is a homeomorphism with inverse {@code f^-1(W) = (W_1 X, W_2, ..., W_{l-1})} (Appendix C, Eq. (10)). The
 * minimum therefore has as many components as {@code GL_h^(l-1)}, {@code 2^(l-1)} (Corollary 4.2), and a
 * minimum's component is the {@link SignPattern} of its group coordinates,
 * {@code (sign det(W_1 X), sign det W_2, ..., sign det W_{l-1})}.
 *
 * <p>{@code f} is exact in exact arithmetic: {@code f(g)} has loss 0 whatever {@code g}; in floating point
 * the loss is the rounding of one {@code h x h} inversion, about {@code (u cond(g_{l-1} ... g_1 X^-1))^2
 * ||Y||^2}. A trained minimum {@code W} has small but non-zero loss, and {@code f(f^-1(W))} differs from it
 * in {@code W_l} only (the least-squares last layer for the other layers).
 */
public final class MinimumHomeomorphism {

    private final int layers;
    private final int width;
    private final RegressionData data;
    private final DMatrixRMaj x;
    private final DMatrixRMaj xInverse;
    private final DMatrixRMaj y;
    private final MlpArchitecture architecture;

    /**
     * The homeomorphism of the {@code layers}-layer net on {@code data}, whose {@code X} and {@code Y} must be
     * square ({@code h} features, outputs and samples) and invertible.
     */
    public MinimumHomeomorphism(RegressionData data, int layers) {
        int h = data.features();
        if (data.outputs() != h || data.samples() != h) {
            throw new IllegalArgumentException("Proposition 4.1 needs square h x h data, found X " + data.features()
                    + "x" + data.samples() + " and Y " + data.outputs() + "x" + data.samples());
        }
        if (layers < 2) {
            throw new IllegalArgumentException("the homeomorphism needs l >= 2 layers, found " + layers);
        }
        this.layers = layers;
        this.width = h;
        this.data = data;
        this.x = new DMatrixRMaj(h, h, true, data.x());
        this.y = new DMatrixRMaj(h, h, true, data.y());
        this.xInverse = new DMatrixRMaj(h, h);
        if (MatrixFunctions.determinantSign(x) == 0 || MatrixFunctions.determinantSign(y) == 0
                || !CommonOps_DDRM.invert(x.copy(), xInverse)) {
            throw new IllegalArgumentException("Proposition 4.1 needs invertible X and Y");
        }
        int[] widths = new int[layers + 1];
        Arrays.fill(widths, h);
        this.architecture = new MlpArchitecture(widths, Activation.linear());
    }

    /** {@code l}, the number of weight matrices. */
    public int layers() {
        return layers;
    }

    /** {@code h}, the width of every layer. */
    public int width() {
        return width;
    }

    /** The linear network {@code mlp[h,...,h]/linear} with {@code l} layers. */
    public MlpArchitecture architecture() {
        return architecture;
    }

    /** The data {@code (X, Y)}. */
    public RegressionData data() {
        return data;
    }

    /** {@code ||Y - W_l ... W_1 X||_F^2}, by the dense engine (the loss training minimises). */
    public double loss(MlpParameters w) {
        return new DenseEngine().loss(w, data);
    }

    /** {@code sigma_min(Y)^2}: by Eckart-Young the least loss of any {@code W} whose product is singular. */
    public double singularLossBound() {
        double s = smallestSingularValue(y);
        return s * s;
    }

    /** {@code ||Y||_F^2}. */
    public double yNorm2() {
        return data.yNorm2();
    }

    /** {@code f(g)}: a point of the minimum for every {@code g} in {@code GL_h^(l-1)}. */
    public MlpParameters toMinimum(List<DMatrixRMaj> g) {
        requireCoordinates(g);
        double[][] w = new double[layers][];
        w[0] = CommonOps_DDRM.mult(g.get(0), xInverse, null).data;
        DMatrixRMaj product = g.get(0).copy();
        DMatrixRMaj next = new DMatrixRMaj(width, width);
        for (int i = 1; i < layers - 1; i++) {
            w[i] = g.get(i).copy().data;
            CommonOps_DDRM.mult(g.get(i), product, next);
            DMatrixRMaj swap = product;
            product = next;
            next = swap;
        }
        // W_l = Y P^-1, from the solve P^T W_l^T = Y^T rather than an explicit inverse.
        DMatrixRMaj wlT = new DMatrixRMaj(width, width);
        if (!CommonOps_DDRM.solve(CommonOps_DDRM.transpose(product, null), CommonOps_DDRM.transpose(y, null),
                wlT)) {
            Arrays.fill(wlT.data, Double.NaN);
        }
        w[layers - 1] = CommonOps_DDRM.transpose(wlT, null).data;
        return new MlpParameters(architecture, w);
    }

    /**
     * {@code f^-1(W) = (W_1 X, W_2, ..., W_{l-1})}: defined for every {@code W}, in {@code GL_h^(l-1)} when
     * {@code W} is on the minimum.
     */
    public List<DMatrixRMaj> groupCoordinates(MlpParameters w) {
        requireArchitecture(w);
        List<DMatrixRMaj> g = new ArrayList<>(layers - 1);
        g.add(CommonOps_DDRM.mult(w.matrix(1), x, null));
        for (int i = 2; i < layers; i++) {
            g.add(w.matrix(i));
        }
        return g;
    }

    /**
     * The class of {@code W}: {@code (sign det(W_1 X), sign det W_2, ..., sign det W_{l-1})}, or {@code null}
     * when one of them is singular (then {@code W} is not on the minimum: its loss is at least
     * {@link #singularLossBound()}).
     */
    public SignPattern signPattern(MlpParameters w) {
        return SignPattern.of(groupCoordinates(w));
    }

    /**
     * The matrix whose determinant is the {@code i}-th sign of the pattern (0-based): {@code W_1 X} for
     * {@code i = 0}, {@code W_{i+1}} otherwise.
     */
    public DMatrixRMaj patternMatrix(MlpParameters w, int i) {
        return i == 0 ? CommonOps_DDRM.mult(w.matrix(1), x, null) : w.matrix(i + 1);
    }

    /** The smallest singular value of a square matrix. */
    public static double smallestSingularValue(DMatrixRMaj a) {
        return MatrixFunctions.smallestSingularValue(a);
    }

    private void requireCoordinates(List<DMatrixRMaj> g) {
        if (g.size() != layers - 1) {
            throw new IllegalArgumentException("expected " + (layers - 1) + " group elements, found " + g.size());
        }
        for (DMatrixRMaj m : g) {
            if (m.numRows != width || m.numCols != width) {
                throw new IllegalArgumentException("group elements are " + width + "x" + width + ", found "
                        + m.numRows + "x" + m.numCols);
            }
        }
    }

    private void requireArchitecture(MlpParameters w) {
        if (!w.architecture().equals(architecture)) {
            throw new IllegalArgumentException("expected " + architecture.label() + ", found "
                    + w.architecture().label());
        }
    }
}
