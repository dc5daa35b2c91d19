package io.symsweep.transformer;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.transformer.TransformerArchitecture.Attention;
import java.util.ArrayList;
import java.util.List;

/**
 * Every (class set, method, head mode) of transformer alignment, and the rules that combine them. The methods and
 * the objective each reports ({@link TransformerAlignment#objective()}):
 * <ul>
 *   <li>{@code none} (only with {@code symmetry_class: none}): the identity; objective {@code ||A - B||};</li>
 *   <li>{@code activation_matching} ({@link TransformerActivationMatching}): from activations on the training
 *       inputs computed by SameDiff; objective the residual-stream mismatch
 *       {@code sum ||X_A - X_B'||^2 / sum ||X_A||^2} over the sample;</li>
 *   <li>{@code weight_matching} ({@link TransformerWeightMatching}): from the weights alone, alternating until
 *       {@code ||A - T.B||} stops falling; objective {@code ||A - B'||};</li>
 *   <li>{@code learned} ({@link TransformerLearnedMatching}, Theus et al. 2025 Alg. 1): from weight matching, Adam on
 *       the loss at the interpolated point; objective the training loss at {@code l = 1/2}.</li>
 * </ul>
 * A head mode ({@code factorised} or {@code circuit}) is named exactly when the set holds the per-head invertible
 * maps ({@link TransformerClassSet#PERMUTATION_ORTHOGONAL_INVERTIBLE}).
 */
public final class TransformerAligners {

    /** The methods there are for transformers. */
    public static final List<AlignmentMethod> METHODS = List.of(AlignmentMethod.NONE, AlignmentMethod.ACTIVATION_MATCHING,
            AlignmentMethod.WEIGHT_MATCHING, AlignmentMethod.LEARNED);

    private TransformerAligners() {
    }

    /**
     * Throws a one-line {@link IllegalArgumentException} naming the field and the allowed values unless
     * {@code (c, m, headMode)} is a combination there is an aligner for.
     */
    public static void check(TransformerClassSet c, AlignmentMethod m, Attention headMode) {
        if (c == null || m == null) {
            throw new IllegalArgumentException("symmetry_class and method are required");
        }
        if (!METHODS.contains(m)) {
            throw new IllegalArgumentException("method must be one of none, activation_matching, weight_matching, "
                    + "learned for a transformer, found " + m.specName());
        }
        if ((c == TransformerClassSet.NONE) != (m == AlignmentMethod.NONE)) {
            throw new IllegalArgumentException("method: none goes with symmetry_class none and only with it, found "
                    + c.specName() + " with " + m.specName());
        }
        if (c.invertibleHeads() && headMode == null) {
            throw new IllegalArgumentException("head_mode must be one of factorised, circuit with symmetry_class "
                    + c.specName());
        }
        if (!c.invertibleHeads() && headMode != null) {
            throw new IllegalArgumentException("head_mode: only with symmetry_class permutation+orthogonal+invertible, "
                    + "found " + headMode.specName() + " with " + c.specName());
        }
    }

    /** The aligner of {@code (c, m, headMode)}, after {@link #check}. */
    public static TransformerAligner of(TransformerClassSet c, AlignmentMethod m, Attention headMode) {
        check(c, m, headMode);
        return switch (m) {
            case NONE -> new TransformerIdentityAlignment();
            case ACTIVATION_MATCHING -> new TransformerActivationMatching(c, headMode);
            case WEIGHT_MATCHING -> new TransformerWeightMatching(c, headMode);
            case LEARNED -> new TransformerLearnedMatching(c, headMode);
            default -> throw new IllegalStateException("checked above: " + m);
        };
    }

    /** Every combination: {@code none}, then each set with each method (and, with invertible maps, each head mode). */
    public static List<TransformerAligner> all() {
        List<TransformerAligner> out = new ArrayList<>();
        out.add(of(TransformerClassSet.NONE, AlignmentMethod.NONE, null));
        for (TransformerClassSet c : TransformerClassSet.values()) {
            if (c == TransformerClassSet.NONE) {
                continue;
            }
            for (AlignmentMethod m : METHODS) {
                if (m == AlignmentMethod.NONE) {
                    continue;
                }
                if (c.invertibleHeads()) {
                    for (Attention mode : Attention.values()) {
                        out.add(of(c, m, mode));
                    }
                } else {
                    out.add(of(c, m, null));
                }
            }
        }
        return out;
    }

    /** {@code m} in the parametrisation of the head mode: norms folded, and merged into circuits in circuit mode. */
    static TransformerModel parametrised(TransformerModel m, Attention headMode) {
        TransformerModel folded = NormFolding.fold(m);
        return headMode == Attention.CIRCUITS ? CircuitMerging.merge(folded) : folded;
    }
}
