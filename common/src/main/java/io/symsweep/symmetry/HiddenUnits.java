package io.symsweep.symmetry;

import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Where a group acts: the {@code width} hidden units of layer {@code i}, which index the rows of {@code W_i}
 * (their incoming weights) and the columns of {@code W_{i+1}} (their outgoing weights). Described as data,
 * {@link #axes()}, so one generic {@link #apply} serves every action and every depth; a future architecture
 * (skip connections, attention) lists more axes rather than writing a new apply.
 *
 * @param layer {@code i} (1-based), a hidden layer: {@code 1 <= i <= l - 1}
 * @param width {@code n_i}, the number of units
 */
public record HiddenUnits(int layer, int width) {

    public HiddenUnits {
        if (layer < 1) {
            throw new IllegalArgumentException("hidden layer is 1-based, found " + layer);
        }
        if (width < 1) {
            throw new IllegalArgumentException("hidden width must be >= 1, found " + width);
        }
    }

    /** The units of hidden layer {@code layer} of {@code arch}. */
    public static HiddenUnits of(MlpArchitecture arch, int layer) {
        if (layer < 1 || layer > arch.layers() - 1) {
            throw new IllegalArgumentException("layer: must be a hidden layer, between 1 and " + (arch.layers() - 1)
                    + " for " + arch.label() + ", found " + layer);
        }
        return new HiddenUnits(layer, arch.width(layer));
    }

    /** The weight axes indexed by these units: the rows of {@code W_i} and the columns of {@code W_{i+1}}. */
    public List<WeightAxis> axes() {
        return List.of(new WeightAxis(layer, WeightAxis.Axis.ROWS), new WeightAxis(layer + 1, WeightAxis.Axis.COLUMNS));
    }

    /**
     * The generic action: every {@link WeightAxis.Axis#ROWS} axis {@code W -> incoming W}, every
     * {@link WeightAxis.Axis#COLUMNS} axis {@code W -> W outgoing}; every other weight is untouched (the same
     * values, copied). For a linear action {@code g}: {@code incoming = rho(g)}, {@code outgoing = rho(g)^-1}.
     */
    public MlpParameters apply(MlpParameters w, UnitMap incoming, UnitMap outgoing) {
        requireFits(w.architecture());
        java.util.Map<Integer, double[]> moved = new java.util.HashMap<>();
        for (WeightAxis a : axes()) {
            DMatrixRMaj m = w.matrix(a.layer());
            DMatrixRMaj out = a.axis() == WeightAxis.Axis.ROWS ? incoming.leftMultiply(m) : outgoing.rightMultiply(m);
            moved.put(a.layer(), Arrays.copyOf(out.data, m.numRows * m.numCols));
        }
        return w.withLayers(moved);
    }

    /** Throws unless {@code arch} has a hidden layer {@code layer} of this width. */
    public void requireFits(MlpArchitecture arch) {
        if (layer > arch.layers() - 1) {
            throw new IllegalArgumentException("layer " + layer + " is not a hidden layer of " + arch.label());
        }
        if (arch.width(layer) != width) {
            throw new IllegalArgumentException("hidden layer " + layer + " of " + arch.label() + " has "
                    + arch.width(layer) + " units, the action expects " + width);
        }
    }

    /** Throws {@link IllegalArgumentException} when an action is given no site. */
    static void requirePresent(HiddenUnits site) {
        if (site == null) {
            throw new IllegalArgumentException("site is null");
        }
    }
}
