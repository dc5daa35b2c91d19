package io.symsweep.symmetry;

import io.symsweep.model.MlpParameters;

/**
 * The positive rescaling group {@code R+} acting on two adjacent layers through a homogeneous activation
 * of degree {@code k}: {@code c . (W_i, W_{i+1}) = (c W_i, W_{i+1} c^-k)} (Proposition 5.3, Zhao et al.
 * 2025). Exact: {@code W_{i+1} s(c W_i h) = c^k W_{i+1} s(W_i h)}.
 *
 * @param layer  {@code i} (1-based): the layer multiplied by {@code c}; {@code W_{i+1}} is divided by {@code c^k}
 * @param degree {@code k}, the activation's degree of homogeneity
 */
public record RescalingAction(int layer, double degree) {

    public RescalingAction {
        if (layer < 1) {
            throw new IllegalArgumentException("layer is 1-based, found " + layer);
        }
        if (!(degree > 0)) {
            throw new IllegalArgumentException("degree must be > 0, found " + degree);
        }
    }

    /** {@code c . w}. */
    public MlpParameters act(double c, MlpParameters w) {
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("the rescaling factor must be finite and > 0, found " + c);
        }
        if (layer >= w.architecture().layers()) {
            throw new IllegalArgumentException("layer " + layer + " has no next layer in " + w.architecture());
        }
        return w.scaleLayer(layer, c).scaleLayer(layer + 1, Math.pow(c, -degree));
    }
}
