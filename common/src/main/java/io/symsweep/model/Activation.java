package io.symsweep.model;

import io.symsweep.naming.SpecName;
import java.util.Locale;

/**
 * An elementwise activation {@code s}. Leaky ReLU, ReLU and the identity are positively homogeneous of
 * degree {@code k = 1}: {@code s(c z) = c^k s(z)} for {@code c > 0}, the property Proposition 5.3
 * (Zhao et al. 2025) needs; sigmoid and tanh are not homogeneous.
 *
 * @param kind  which function
 * @param slope the negative-side slope of leaky ReLU; 0 for every other kind
 */
public record Activation(Kind kind, double slope) {

    /** The supported functions, by their spec name. */
    public enum Kind implements SpecName {
        LEAKY_RELU, RELU, LINEAR, SIGMOID, TANH;

        /** The kind named {@code name} in a spec. */
        public static Kind fromSpecName(String name) {
            return SpecName.parse(Kind.class, name, "unknown activation ");
        }
    }

    /** Leaky ReLU's default negative slope, as in DL4J and PyTorch. */
    public static final double DEFAULT_SLOPE = 0.01;

    public Activation {
        if (kind == null) {
            throw new IllegalArgumentException("activation kind is null");
        }
        if (kind == Kind.LEAKY_RELU) {
            if (!(slope >= 0 && slope < 1)) {
                throw new IllegalArgumentException("leaky_relu slope must be in [0, 1), found " + slope);
            }
        } else if (slope != 0) {
            throw new IllegalArgumentException(kind.specName() + " takes no slope, found " + slope);
        }
    }

    public static Activation leakyRelu(double slope) {
        return new Activation(Kind.LEAKY_RELU, slope);
    }

    public static Activation relu() {
        return new Activation(Kind.RELU, 0);
    }

    public static Activation linear() {
        return new Activation(Kind.LINEAR, 0);
    }

    public static Activation sigmoid() {
        return new Activation(Kind.SIGMOID, 0);
    }

    public static Activation tanh() {
        return new Activation(Kind.TANH, 0);
    }

    /** {@code s(z)}. */
    public double apply(double z) {
        return switch (kind) {
            case LEAKY_RELU -> z >= 0 ? z : slope * z;
            case RELU -> z > 0 ? z : 0.0;
            case LINEAR -> z;
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-z));
            case TANH -> Math.tanh(z);
        };
    }

    /**
     * {@code s'(z)}, with the one-sided choices DL4J makes at 0 (leaky ReLU: 1; ReLU: 0), so the dense
     * engine and DL4J agree even on exact zeros.
     */
    public double derivative(double z) {
        return switch (kind) {
            case LEAKY_RELU -> z >= 0 ? 1.0 : slope;
            case RELU -> z > 0 ? 1.0 : 0.0;
            case LINEAR -> 1.0;
            case SIGMOID -> {
                double s = 1.0 / (1.0 + Math.exp(-z));
                yield s * (1 - s);
            }
            case TANH -> {
                double t = Math.tanh(z);
                yield 1 - t * t;
            }
        };
    }

    /** {@code sup |s'(z)|}: 1/4 for sigmoid, 1 for tanh, ReLU, the identity and leaky ReLU (slope < 1). */
    public double maxDerivative() {
        return kind == Kind.SIGMOID ? 0.25 : 1.0;
    }

    /** True when {@code s(c z) = c^k s(z)} for every {@code c > 0}. */
    public boolean isHomogeneous() {
        return kind == Kind.LEAKY_RELU || kind == Kind.RELU || kind == Kind.LINEAR;
    }

    /** The degree {@code k} of homogeneity; only for homogeneous activations. */
    public double degree() {
        if (!isHomogeneous()) {
            throw new IllegalStateException(kind.specName() + " is not positively homogeneous");
        }
        return 1.0;
    }

    /** The label used in architecture strings: {@code leaky_relu(0.01)}, {@code relu}. */
    public String label() {
        return kind == Kind.LEAKY_RELU ? kind.specName() + "(" + formatSlope(slope) + ")" : kind.specName();
    }

    /** Parses {@link #label()}. */
    public static Activation parseLabel(String label) {
        String s = label.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("leaky_relu(") && s.endsWith(")")) {
            return leakyRelu(Double.parseDouble(s.substring("leaky_relu(".length(), s.length() - 1)));
        }
        Kind k = Kind.fromSpecName(s);
        return k == Kind.LEAKY_RELU ? leakyRelu(DEFAULT_SLOPE) : new Activation(k, 0);
    }

    private static String formatSlope(double v) {
        // Shortest decimal that reads back to the same double.
        return Double.toString(v).replaceAll("\\.0$", "");
    }

    @Override
    public String toString() {
        return label();
    }
}
