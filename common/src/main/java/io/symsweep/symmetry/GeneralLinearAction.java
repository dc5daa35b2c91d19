package io.symsweep.symmetry;

import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The general linear group {@code GL(h)} on the hidden units of a linear product:
 * {@code g · (W_i, W_{i+1}) = (g W_i, W_{i+1} g^-1)} (Section 4.1 and 5.3, Zhao et al. 2025). Exact when the
 * activation after layer {@code i} is the identity, since {@code W_{i+1} g^-1 g W_i = W_{i+1} W_i}.
 *
 * <p>{@link #sample}: {@code g = exp(B)} (times {@code diag(-1, 1, ..., 1)} for determinant sign -1) with
 * {@code B} a Gaussian matrix rescaled to {@code ||B||_F = magnitude}.
 */
public record GeneralLinearAction(HiddenUnits site) implements MatrixUnitAction {

    public static final String NAME = "general-linear";

    public GeneralLinearAction {
        HiddenUnits.requirePresent(site);
    }

    /** {@code GL} on hidden layer {@code layer} of {@code arch}, which must be linear for the action to be exact. */
    public static GeneralLinearAction on(MlpArchitecture arch, int layer) {
        requireLinear(arch, NAME);
        return new GeneralLinearAction(HiddenUnits.of(arch, layer));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DMatrixRMaj compose(DMatrixRMaj g, DMatrixRMaj h) {
        MatrixGroups.requireShape(g, site);
        MatrixGroups.requireShape(h, site);
        return CommonOps_DDRM.mult(g, h, null);
    }

    @Override
    public DMatrixRMaj inverse(DMatrixRMaj g) {
        MatrixGroups.requireInvertible(g, site);
        DMatrixRMaj inv = new DMatrixRMaj(g.numRows, g.numCols);
        CommonOps_DDRM.invert(g, inv);
        return inv;
    }

    /** Invertible ({@code sigma_min / sigma_max} above the threshold of {@link MatrixGroups}). */
    @Override
    public void requireElement(DMatrixRMaj g) {
        MatrixGroups.requireInvertible(g, site);
    }

    @Override
    public DMatrixRMaj sample(SplittableRandom rng, double magnitude, int determinantSign) {
        return MatrixGroups.sample(rng, site.width(), magnitude, determinantSign, false);
    }

    static void requireLinear(MlpArchitecture arch, String group) {
        if (arch.activation().kind() != Activation.Kind.LINEAR) {
            throw new IllegalArgumentException(group + " is a symmetry only across a linear activation, "
                    + arch.label() + " has " + arch.activation().label());
        }
    }
}
