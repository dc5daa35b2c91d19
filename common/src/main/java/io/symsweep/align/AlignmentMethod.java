package io.symsweep.align;

import io.symsweep.naming.SpecName;

/**
 * How a transform is found, in the spelling of specs and the {@code method} column. What each minimises or
 * maximises is its {@code objective} (see {@link Alignment#objective()}).
 */
public enum AlignmentMethod implements SpecName {
    /** No search: the identity (only with {@code symmetry_class: none}). Objective: {@code <A, B>}. */
    NONE,
    /**
     * From the weights alone (Git Re-Basin Alg. 1, Ainsworth et al. 2023): maximise {@code <A, T.B>} over all
     * parameters by coordinate descent over the sites (permutations: one linear assignment per site; orthogonal:
     * one Procrustes SVD per site); invertible maps: least squares on the incoming weights, site by site.
     * Objective: {@code <A, B'>} (invertible: the relative residual).
     */
    WEIGHT_MATCHING,
    /**
     * From the hidden activations on the training inputs, site by site (Git Re-Basin Sec. 3.1; Li et al. 2015):
     * permutations maximise the summed correlation of matched units; orthogonal maps solve Procrustes on
     * {@code E[A^T B]}; invertible maps are the least-squares fit {@code H_A ~ H_B T^T}. Objective: the mean
     * correlation of matched units (orthogonal and invertible: the relative residual
     * {@code ||H_A - H_B T^T||^2 / ||H_A||^2} summed over sites).
     */
    ACTIVATION_MATCHING,
    /** Activation matching of permutations on the inner-product cost {@code E[a_i b_j]}. Objective: its mean. */
    ACTIVATION_INNER_PRODUCT,
    /**
     * The straight-through estimator (Git Re-Basin Alg. 2; Theus et al. 2025, Alg. 1): from weight matching,
     * minimise the loss at {@code (1-l) A + l proj(W)} for {@code l ~ U(0.4, 0.6)}, the projection onto the class
     * (weight matching of B to {@code W}) after every step. Objective: the training loss at the midpoint.
     */
    LEARNED;

    /** The method spelled {@code name}; throws naming the allowed values otherwise. */
    public static AlignmentMethod fromSpecName(String name) {
        return SpecName.parse(AlignmentMethod.class, name, "method must be one of none, weight_matching, "
                + "activation_matching, activation_inner_product, learned, found ");
    }
}
