/**
 * Alignment of two networks by a symmetry: the transform of B's symmetry sites, within one class of Theus et al.
 * 2025 (permutations, permutations with positive scaling, semi-permutations, orthogonal and invertible maps),
 * that brings B closest to A before they are compared or interpolated. One contract, {@link
 * io.symsweep.align.Aligner} ("align B to A under class C with method M"), implemented by weight matching (Git
 * Re-Basin Alg. 1, coordinate descent over the sites), activation matching, least squares, the straight-through
 * estimator, and their scaling-aware and semi-permutation forms; {@link io.symsweep.align.Aligners} lists the
 * pairs. {@link io.symsweep.align.Repair} is REPAIR (Jordan et al. 2023) for an interpolated network. The older
 * {@link io.symsweep.align.UnitMatching} matches one layer of the bias-free nets of the first paper.
 */
package io.symsweep.align;
