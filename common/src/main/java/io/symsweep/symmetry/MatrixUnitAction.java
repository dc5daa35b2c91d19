package io.symsweep.symmetry;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A {@link LinearUnitAction} of a group of {@code h x h} matrices ({@code GL(h)} or a subgroup of it): {@code g}
 * itself multiplies the incoming weights and {@code g^-1} the outgoing ones, {@code g · (W_i, W_{i+1}) =
 * (g W_i, W_{i+1} g^-1)}; the identity is {@code I_h}. An implementation says what an element is
 * ({@link #requireElement}) and how to invert one.
 */
public interface MatrixUnitAction extends LinearUnitAction<DMatrixRMaj> {

    /** Throws {@link IllegalArgumentException} unless {@code g} is an element of the group on {@link #site()}. */
    void requireElement(DMatrixRMaj g);

    @Override
    default DMatrixRMaj identity() {
        return CommonOps_DDRM.identity(site().width());
    }

    @Override
    default UnitMap incoming(DMatrixRMaj g) {
        requireElement(g);
        return new UnitMap.Dense(g);
    }

    @Override
    default UnitMap outgoing(DMatrixRMaj g) {
        return new UnitMap.Dense(inverse(g));
    }
}
