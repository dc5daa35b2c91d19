package io.symsweep.symmetry;

import io.symsweep.linalg.MatrixFunctions;
import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * The data-dependent approximate {@code GL(h)} action of Eq. (6) (Zhao et al. 2025) on the hidden units of
 * layer {@code i}: with {@code V = W_i}, {@code U = W_{i+1}} and {@code A} the input of layer {@code i} on the
 * training data ({@code X} for {@code i = 1}, else {@code s(W_{i-1} ... s(W_1 X))}),
 * <pre>  g · (U, V) = (U s(V A) s(g V A)^+, g V)</pre>
 * with {@code ^+} the Moore-Penrose pseudo-inverse. Layers other than {@code i, i+1} are unchanged, and since
 * {@code U s(V A)} is the pre-activation of layer {@code i+1}, so is everything after it whenever that product
 * is.
 *
 * <p><b>Exactness.</b> Write {@code H = s(V A)} and {@code H_g = s(g V A)}, both {@code h x k} for {@code k}
 * samples. The new output is {@code U H H_g^+ H_g = U H P_g}, {@code P_g} the orthogonal projector onto the row
 * space of {@code H_g}, so
 * <ul>
 *   <li>Proposition 6.1: {@code ||U H - U' H_g||_F = ||U H (I - P_g)||_F <= ||U H||_F}, always;</li>
 *   <li>the output, hence the loss, is unchanged exactly when every row of {@code U H} lies in the row space of
 *       {@code H_g}. That holds for every {@code U} when {@code rank H_g = k}, which needs {@code h >= k} and
 *       holds generically then for sigmoid, tanh and leaky ReLU (ReLU can lose rank when many pre-activations
 *       are negative); it holds for any {@code h} with the identity activation, where {@code g V A} and
 *       {@code V A} share their row space, so the map preserves the loss as the paper states. For
 *       {@code h < k} and a nonlinear activation the loss generally changes;</li>
 *   <li>compatibility {@code g·(f·w) = (g f)·w} holds exactly when {@code rank s(f V A) = k} (then
 *       {@code H_f^+ H_f = I}); the identity element maps {@code U} to {@code U H H^+}, which is {@code U} only
 *       when {@code rank H = h} ({@code h <= k}). For {@code h > k} the identity is a projection: it changes the
 *       parameters but not the output, and it fixes every point already of the form {@code g · w}. So the map is
 *       a group action on parameters only when {@code h = k} and all {@code H_g} are invertible, and on network
 *       functions whenever every {@code H_g} has rank {@code k}.</li>
 * </ul>
 * {@link #isExact()} is therefore false; {@link #outputChange} measures each case.
 *
 * <p>Elements, {@link #compose}, {@link #inverse} and {@link #sample} are those of {@link GeneralLinearAction}.
 * Cost of {@link #act}: a forward pass to layer {@code i} and one SVD of an {@code h x k} matrix.
 *
 * @param site       the hidden units of layer {@code i}
 * @param activation {@code s}, the network's hidden activation
 * @param data       the training data whose inputs {@code X} define the action
 */
public record ApproximateGeneralLinearAction(HiddenUnits site, Activation activation, RegressionData data)
        implements GroupAction<DMatrixRMaj> {

    public static final String NAME = "approximate-general-linear";

    public ApproximateGeneralLinearAction {
        if (site == null || activation == null || data == null) {
            throw new IllegalArgumentException("site, activation and data are required");
        }
    }

    /** Eq. (6) on hidden layer {@code layer} of {@code arch} for the inputs of {@code data}. */
    public static ApproximateGeneralLinearAction on(MlpArchitecture arch, int layer, RegressionData data) {
        if (data.features() != arch.inputs()) {
            throw new IllegalArgumentException("data has " + data.features() + " features but " + arch.label()
                    + " takes " + arch.inputs());
        }
        return new ApproximateGeneralLinearAction(HiddenUnits.of(arch, layer), arch.activation(), data);
    }

    /**
     * The change of the pre-activation {@code U s(V A)} of layer {@code i+1} under one application of the
     * action, the quantity Proposition 6.1 bounds.
     *
     * @param outputNorm  {@code ||U s(V A)||_F}
     * @param change      {@code ||U s(V A) - U' s(V' A)||_F}, at most {@code outputNorm} (Prop 6.1)
     * @param featureRank {@code rank s(g V A)}, numerically (EJML's SVD threshold)
     * @param samples     {@code k}; {@code featureRank == samples} makes the action exact on the output
     */
    public record OutputChange(double outputNorm, double change, int featureRank, int samples) {

        /** {@code change / outputNorm}; Prop 6.1 says at most 1. NaN for a zero output. */
        public double relativeChange() {
            return change / outputNorm;
        }

        /** True when {@code s(g V A)} has full column rank, so the output is preserved exactly. */
        public boolean fullColumnRank() {
            return featureRank == samples;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isExact() {
        return false;
    }

    @Override
    public DMatrixRMaj identity() {
        return CommonOps_DDRM.identity(site.width());
    }

    @Override
    public DMatrixRMaj compose(DMatrixRMaj g, DMatrixRMaj h) {
        return new GeneralLinearAction(site).compose(g, h);
    }

    @Override
    public DMatrixRMaj inverse(DMatrixRMaj g) {
        return new GeneralLinearAction(site).inverse(g);
    }

    @Override
    public DMatrixRMaj sample(SplittableRandom rng, double magnitude, int determinantSign) {
        return new GeneralLinearAction(site).sample(rng, magnitude, determinantSign);
    }

    @Override
    public MlpParameters act(DMatrixRMaj g, MlpParameters w) {
        return step(g, w).moved;
    }

    /** Applies {@code g} to {@code w} and measures the change of layer {@code i+1}'s pre-activation. */
    public OutputChange outputChange(DMatrixRMaj g, MlpParameters w) {
        Step s = step(g, w);
        DMatrixRMaj before = CommonOps_DDRM.mult(s.u, s.h, null);
        DMatrixRMaj after = CommonOps_DDRM.mult(s.uMoved, s.hMoved, null);
        double change = NormOps_DDRM.normF(CommonOps_DDRM.subtract(before, after, null));
        return new OutputChange(NormOps_DDRM.normF(before), change,
                MatrixFeatures_DDRM.rank(s.hMoved.copy()), data.samples());
    }

    /** The pieces of one application: {@code U, H = s(V A), U', H_g = s(g V A)} and the moved weights. */
    private record Step(DMatrixRMaj u, DMatrixRMaj h, DMatrixRMaj uMoved, DMatrixRMaj hMoved, MlpParameters moved) {
    }

    private Step step(DMatrixRMaj g, MlpParameters w) {
        MlpArchitecture arch = w.architecture();
        site.requireFits(arch);
        if (!arch.activation().equals(activation)) {
            throw new IllegalArgumentException("the action was built for " + activation.label() + ", the network "
                    + arch.label() + " uses " + arch.activation().label());
        }
        if (data.features() != arch.inputs()) {
            throw new IllegalArgumentException("data has " + data.features() + " features, " + arch.label()
                    + " takes " + arch.inputs());
        }
        MatrixGroups.requireInvertible(g, site);
        int i = site.layer();
        DMatrixRMaj a = layerInput(w, i);
        DMatrixRMaj v = w.matrix(i);
        DMatrixRMaj u = w.matrix(i + 1);
        DMatrixRMaj h = activate(CommonOps_DDRM.mult(v, a, null));
        DMatrixRMaj gv = CommonOps_DDRM.mult(g, v, null);
        DMatrixRMaj hMoved = activate(CommonOps_DDRM.mult(gv, a, null));
        DMatrixRMaj uMoved = CommonOps_DDRM.mult(CommonOps_DDRM.mult(u, h, null),
                MatrixFunctions.pseudoInverse(hMoved), null);
        MlpParameters moved = w.withLayer(i, flat(gv)).withLayer(i + 1, flat(uMoved));
        return new Step(u, h, uMoved, hMoved, moved);
    }

    /** {@code A_{i-1}}: {@code X} for {@code i = 1}, else {@code s(W_{i-1} ... s(W_1 X))}. */
    private DMatrixRMaj layerInput(MlpParameters w, int i) {
        DMatrixRMaj a = new DMatrixRMaj(data.features(), data.samples(), true, data.x());
        for (int layer = 1; layer < i; layer++) {
            a = activate(CommonOps_DDRM.mult(w.matrix(layer), a, null));
        }
        return a;
    }

    private DMatrixRMaj activate(DMatrixRMaj z) {
        int n = z.numRows * z.numCols;
        for (int j = 0; j < n; j++) {
            z.data[j] = activation.apply(z.data[j]);
        }
        return z;
    }

    private static double[] flat(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.numRows * m.numCols);
    }
}
