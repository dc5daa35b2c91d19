/**
 * A network's parameters as named dense tensors, and its symmetries declared as data.
 *
 * <p>{@link io.symsweep.params.ParameterSet} holds every weight, bias and gain of a model by name (an MLP's
 * {@code layer1.weight}, a transformer's {@code block0.attn.q}); {@link io.symsweep.params.SymmetryDeclaration}
 * says which {@link io.symsweep.params.Site} (a set of hidden units, heads, a residual stream) indexes which axis
 * of which tensor, generalising Git Re-Basin's {@code axes_to_perm} (Ainsworth et al. 2023) to nested groups
 * (heads, and a map inside each head) and to non-square maps (semi-permutations, Theus et al. 2025).
 * One generic {@link io.symsweep.params.SymmetryDeclaration#apply} moves a model by any
 * {@link io.symsweep.params.UnitTransform} at each site, for every architecture.
 */
package io.symsweep.params;
