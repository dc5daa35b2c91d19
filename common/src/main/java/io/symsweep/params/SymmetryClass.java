package io.symsweep.params;

import io.symsweep.naming.SpecName;
import java.util.Locale;

/**
 * The four symmetry classes of Theus et al. 2025 (and the positive-scaling refinement of permutations), in
 * the spelling of specs and tables. Each names a set of {@link UnitTransform}s; which class is an exact
 * symmetry at a {@link Site} depends on what the site's units pass through, and is declared per site.
 */
public enum SymmetryClass implements SpecName {
    /** No transform: the identity only. */
    NONE,
    /** Permutation matrices {@code P}: exact across any elementwise activation. */
    PERMUTATION,
    /** {@code P D}, {@code D} positive diagonal: exact across a positively homogeneous activation of degree 1 (ReLU). */
    PERMUTATION_SCALING,
    /**
     * {@code M x N} (M >= N) matrices with non-negative columns summing to 1 and at most one positive entry per
     * row: exact across positively homogeneous piecewise-linear activations; map a narrower layer into a wider one.
     */
    SEMI_PERMUTATION,
    /** Orthogonal matrices: exact across a linear map and across RMSNorm. */
    ORTHOGONAL,
    /** Invertible matrices: exact across a linear map (deep linear networks, Proposition 4.1 of Zhao et al.). */
    INVERTIBLE;

    /** The class spelled {@code name} in a spec or table. */
    public static SymmetryClass fromSpecName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** True when every transform of {@code other} is one of this class (each class contains the identity). */
    public boolean contains(SymmetryClass other) {
        return switch (this) {
            case NONE -> other == NONE;
            case PERMUTATION -> other == NONE || other == PERMUTATION;
            case PERMUTATION_SCALING -> other == NONE || other == PERMUTATION || other == PERMUTATION_SCALING;
            case SEMI_PERMUTATION -> other == NONE || other == PERMUTATION || other == SEMI_PERMUTATION;
            case ORTHOGONAL -> other == NONE || other == PERMUTATION || other == ORTHOGONAL;
            case INVERTIBLE -> true;
        };
    }
}
