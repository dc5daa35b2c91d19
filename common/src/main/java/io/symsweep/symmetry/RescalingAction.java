package io.symsweep.symmetry;

import io.symsweep.model.MlpArchitecture;
import java.util.SplittableRandom;

/**
 * The positive rescaling group {@code R+} acting on two adjacent layers through a homogeneous activation of
 * degree {@code k}: {@code c · (W_i, W_{i+1}) = (c W_i, W_{i+1} c^-k)} (Propositions 5.3 and 5.6, Zhao et al.
 * 2025). Exact: {@code W_{i+1} c^-k s(c W_i a) = W_{i+1} s(W_i a)} for {@code c > 0}.
 *
 * <p>{@link #sample}: {@code c = e^(+-magnitude)}, the sign of the exponent a fair coin, so
 * {@code |log c| = magnitude}. {@code R+} has no element of determinant sign -1.
 *
 * @param site   the hidden units of layer {@code i}: {@code W_i} is multiplied by {@code c}, {@code W_{i+1}}
 *               by {@code c^-k}
 * @param degree {@code k}, the activation's degree of homogeneity
 */
public record RescalingAction(HiddenUnits site, double degree) implements LinearUnitAction<Double> {

    public static final String NAME = "rescaling";

    public RescalingAction {
        HiddenUnits.requirePresent(site);
        if (!(degree > 0) || !Double.isFinite(degree)) {
            throw new IllegalArgumentException("degree must be finite and > 0, found " + degree);
        }
    }

    /** {@code R+} on hidden layer {@code layer} of {@code arch}, whose activation must be homogeneous. */
    public static RescalingAction on(MlpArchitecture arch, int layer) {
        return new RescalingAction(HiddenUnits.of(arch, layer), arch.activation().degree());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Double identity() {
        return 1.0;
    }

    @Override
    public Double compose(Double g, Double h) {
        return requirePositive(g) * requirePositive(h);
    }

    @Override
    public Double inverse(Double g) {
        return 1.0 / requirePositive(g);
    }

    @Override
    public UnitMap incoming(Double c) {
        return new UnitMap.Scalar(requirePositive(c));
    }

    @Override
    public UnitMap outgoing(Double c) {
        return new UnitMap.Scalar(Math.pow(requirePositive(c), -degree));
    }

    @Override
    public Double sample(SplittableRandom rng, double magnitude, int determinantSign) {
        MatrixGroups.requireSampling(magnitude, determinantSign);
        if (determinantSign < 0) {
            throw new IllegalArgumentException("determinantSign: R+ has no element of sign -1");
        }
        return Math.exp(rng.nextBoolean() ? magnitude : -magnitude);
    }

    private static double requirePositive(Double c) {
        if (c == null || !(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("the rescaling factor must be finite and > 0, found " + c);
        }
        return c;
    }
}
