package io.symsweep.family;

import io.symsweep.align.AlignmentSettings;

/**
 * What to align and how, as a spec names it: a symmetry class (or, for families with several kinds of site, a set
 * such as {@code permutation+orthogonal}), a method, and a head mode ({@code circuit} or {@code factorised}) for
 * families with attention heads, null otherwise.
 *
 * @param symmetryClass the class or set of classes, in the spelling of the {@code symmetry_class} column
 * @param method        the method, in the spelling of the {@code method} column
 * @param headMode      null for families without heads
 * @param settings      the methods' knobs, with the seed of every random choice
 */
public record AlignmentRequest(String symmetryClass, String method, String headMode, AlignmentSettings settings)
        implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public AlignmentRequest {
        if (symmetryClass == null || method == null || settings == null) {
            throw new IllegalArgumentException("an alignment request needs a class, a method and settings");
        }
    }
}
