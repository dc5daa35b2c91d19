package io.symsweep.mlp;

import io.symsweep.naming.SpecName;

/**
 * The elementwise activation between an MLP's layers, and which symmetry classes it lets through exactly:
 * permutations pass every elementwise function; ReLU and the identity are positively homogeneous of degree 1
 * ({@code s(c z) = c s(z)} for {@code c > 0}) and piecewise linear, so positive per-unit scaling and
 * semi-permutations pass them (Theus et al. 2025, Sec. 3); only the identity passes orthogonal and general
 * invertible maps (Proposition 4.1 of Zhao et al. 2025 for deep linear networks).
 */
public enum HiddenActivation implements SpecName {
    RELU,
    /**
     * GELU in its sigmoid form {@code z sigma(1.702 z)} (Hendrycks and Gimpel 2016, Sec. 2), exactly as DL4J's
     * {@code ActivationGELU(false)} computes it (the constant is the float {@code 1.702f}). DL4J's "precise"
     * variant is not used: M2.1's libnd4j computes {@code 0.5 z (1 + tanh(sqrt(2/pi) (z + (0.044715 z)^3)))},
     * cubing {@code 0.044715 z} instead of {@code z} (measured against its output, see {@code MlpForwardTest}).
     */
    GELU,
    TANH,
    LINEAR;

    private static final double GELU_SLOPE = 1.702f;

    /** {@code s(z)}. */
    public double apply(double z) {
        return switch (this) {
            case RELU -> z > 0 ? z : 0;
            case GELU -> z * (1 / (1 + Math.exp(-GELU_SLOPE * z)));
            case TANH -> Math.tanh(z);
            case LINEAR -> z;
        };
    }

    /** True for ReLU and the identity: positively homogeneous of degree 1 and piecewise linear. */
    public boolean positivelyHomogeneous() {
        return this == RELU || this == LINEAR;
    }

    /** The activation spelled {@code name} in a spec; throws naming the allowed values otherwise. */
    public static HiddenActivation fromSpecName(String name) {
        return SpecName.parse(HiddenActivation.class, name,
                "activation must be one of relu, gelu, tanh, linear, found ");
    }
}
