package io.symsweep.align;

import io.symsweep.params.SymmetryClass;

/**
 * Aligns model B to model A under one symmetry class with one method: finds a transform {@code T} of B's sites
 * in the class and returns {@code B' = apply(B, T)} with {@code T} as data. The contract every implementation
 * meets ({@code AlignerContractTest}, over all of them):
 * <ul>
 *   <li>B' computes B's function wherever the class is exact at B's sites (outputs equal to 1e-10 relative);</li>
 *   <li>each site's transform is of the class ({@code T} a permutation, {@code P D} with {@code D > 0}, a
 *       semi-permutation, orthogonal, invertible);</li>
 *   <li>for B a copy of A moved by a planted {@code T0} of the class, the result is {@code T0^-1} (permutations
 *       exactly; real entries to 1e-8) and {@code B' = A};</li>
 *   <li>A aligned to itself gives the identity;</li>
 *   <li>numerical failure is a status ({@link AlignmentStatus}), never an exception.</li>
 * </ul>
 */
public interface Aligner {

    /** The class searched. */
    SymmetryClass symmetryClass();

    /** The method. */
    AlignmentMethod method();

    /** B aligned to A. */
    Alignment align(AlignmentProblem problem);
}
