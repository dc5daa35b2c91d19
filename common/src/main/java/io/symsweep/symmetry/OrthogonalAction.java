package io.symsweep.symmetry;

import io.symsweep.model.MlpArchitecture;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The orthogonal group {@code O(h)} on the hidden units of a linear product:
 * {@code Q · (W_i, W_{i+1}) = (Q W_i, W_{i+1} Q^T)}, the subgroup of {@link GeneralLinearAction} that also
 * preserves the weights' norm (the orthogonal maps of Theus et al. 2025). Exact across a linear activation.
 * Elements must satisfy {@code max |Q^T Q - I| <= 1e-10}.
 *
 * <p>{@link #sample}: {@code Q = exp(S)} (times {@code diag(-1, 1, ..., 1)} for determinant sign -1) with
 * {@code S} a Gaussian skew-symmetric matrix rescaled to {@code ||S||_F = magnitude}.
 */
public record OrthogonalAction(HiddenUnits site) implements MatrixUnitAction {

    public static final String NAME = "orthogonal";

    public OrthogonalAction {
        HiddenUnits.requirePresent(site);
    }

    /** {@code O(h)} on hidden layer {@code layer} of {@code arch}, which must be linear. */
    public static OrthogonalAction on(MlpArchitecture arch, int layer) {
        GeneralLinearAction.requireLinear(arch, NAME);
        return new OrthogonalAction(HiddenUnits.of(arch, layer));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DMatrixRMaj compose(DMatrixRMaj g, DMatrixRMaj h) {
        requireElement(g);
        requireElement(h);
        return CommonOps_DDRM.mult(g, h, null);
    }

    /** {@code Q^T}. */
    @Override
    public DMatrixRMaj inverse(DMatrixRMaj g) {
        requireElement(g);
        return CommonOps_DDRM.transpose(g, null);
    }

    /** Orthogonal: {@code max |Q^T Q - I| <= 1e-10}. */
    @Override
    public void requireElement(DMatrixRMaj g) {
        MatrixGroups.requireOrthogonal(g, site);
    }

    @Override
    public DMatrixRMaj sample(SplittableRandom rng, double magnitude, int determinantSign) {
        return MatrixGroups.sample(rng, site.width(), magnitude, determinantSign, true);
    }
}
