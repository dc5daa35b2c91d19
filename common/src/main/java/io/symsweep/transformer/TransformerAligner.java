package io.symsweep.transformer;

import io.symsweep.align.AlignmentMethod;

/**
 * Aligns transformer B to transformer A under one set of symmetry classes with one method, in one head mode: finds a
 * transform {@code T} of B's sites in the set and returns {@code B' = T . B} with {@code T} as data. The contract
 * every implementation meets ({@code TransformerAlignerContractTest}, over all of {@link TransformerAligners#all()}):
 * <ul>
 *   <li>B' computes B's function (logits through SameDiff equal to {@code 1e-9} relative in float64);</li>
 *   <li>each site's transform is of the site's class in the set (permutations, orthogonal, invertible);</li>
 *   <li>for B a copy of A moved by a planted {@code T0} of the set, the result is {@code T0^-1} (permutations
 *       exactly, maps to {@code 1e-8}) and {@code B'} equals A's folded (merged) parameters;</li>
 *   <li>A aligned to itself gives the identity;</li>
 *   <li>numerical failure is a status ({@link io.symsweep.align.AlignmentStatus}), never an exception.</li>
 * </ul>
 */
public interface TransformerAligner {

    /** The classes searched. */
    TransformerClassSet classSet();

    /** The method. */
    AlignmentMethod method();

    /** {@code factorised} or {@code circuit} with per-head invertible maps, null otherwise. */
    TransformerArchitecture.Attention headMode();

    /** B aligned to A. */
    TransformerAlignment align(TransformerAlignmentProblem problem);

    /** {@code class/method[/head_mode]}, e.g. {@code permutation+orthogonal+invertible/weight_matching/circuit}. */
    default String label() {
        return classSet().specName() + "/" + method().specName() + (headMode() == null ? "" : "/" + headMode().specName());
    }
}
