/**
 * Alignment of two networks by a symmetry: the group element that brings one network's weights closest to
 * another's before they are compared or interpolated. So far one layer's hidden units matched by Kuhn-Munkres
 * ({@link io.symsweep.align.UnitMatching}).
 */
package io.symsweep.align;
