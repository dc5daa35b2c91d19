/**
 * Curves in parameter space and their geometry: the symmetry-induced curve {@code gamma(t) = exp(t log g) · w}
 * of Eq. (5) (Zhao et al. 2025) traced by {@link io.symsweep.curve.SymmetryCurveProbe}, its discrete curvature
 * ({@link io.symsweep.curve.CurveGeometry}), and Theorem 6.2's bound on how far the chord between its ends
 * strays from the level set ({@link io.symsweep.curve.ChordBound}).
 *
 * <p>A package of its own, not part of {@code symmetry}: the geometry (curvature of sampled points, the
 * circular-arc bound, a Lipschitz estimate) knows nothing of groups and is tested on a circle, while
 * {@code symmetry} knows nothing of losses. This package joins the two with a loss, as {@code probe} does for
 * straight lines, whose {@link io.symsweep.probe.LinearInterpolationProbe} it reuses for the chord.
 */
package io.symsweep.curve;
