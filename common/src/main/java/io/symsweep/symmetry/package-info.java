/**
 * Parameter-space symmetries: groups acting on a network's weights so that the loss is unchanged exactly
 * (general linear and orthogonal groups across a linear activation, positive rescaling across a homogeneous
 * one, permutations of hidden units across any elementwise one) or within a stated bound (the data-dependent
 * approximate general linear action of Eq. (6), Zhao et al. 2025).
 *
 * <p>One contract, {@link io.symsweep.symmetry.GroupAction}, states the algebra every action obeys. Where a
 * group acts is data, a {@link io.symsweep.symmetry.HiddenUnits} site listing the weight axes indexed by one
 * layer's hidden units, and an exact action is a pair of {@link io.symsweep.symmetry.UnitMap}s applied along
 * those axes by one generic {@link io.symsweep.symmetry.HiddenUnits#apply}.
 */
package io.symsweep.symmetry;
