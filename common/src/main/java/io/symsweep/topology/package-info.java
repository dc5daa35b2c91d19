/**
 * Topology of the set of minima: how many connected components it has, and the evidence for each count
 * (Zhao, Dehmamy, Walters, Yu 2025, Sections 4 and 5.1).
 *
 * <ul>
 *   <li>{@link io.symsweep.topology.MinimumHomeomorphism}: Proposition 4.1's homeomorphism between
 *       {@code GL_h^(l-1)} and the minimum of the deep linear net {@code ||Y - W_l ... W_1 X||^2}, and its
 *       inverse (group coordinates). A minimum's {@link io.symsweep.topology.SignPattern} names the component of
 *       {@code GL_h^(l-1)} it comes from: Corollary 4.2's {@code 2^(l-1)} components.</li>
 *   <li>{@link io.symsweep.topology.PolarPath}: a path in {@code GL_h} that keeps the sign of the determinant
 *       (rotation factor along an {@code SO(h)} geodesic, positive definite factor linearly); mapped forward
 *       through the homeomorphism it connects two minima of one class
 *       ({@link io.symsweep.topology.MinimumPath}).</li>
 *   <li>{@link io.symsweep.topology.CrossingCertificate}: on the straight segment between minima of different
 *       classes, the point where a determinant vanishes; there the network's output is rank-deficient, so the
 *       loss is at least {@code sigma_min(Y)^2} (Eckart-Young), and so is the barrier of every path.</li>
 *   <li>{@link io.symsweep.topology.PermutationAlignment}: the hidden-unit permutations of Lemma 5.1 and
 *       Proposition 5.2 that bring any minimum into the component of another ({@code h >= 2}).</li>
 *   <li>{@link io.symsweep.topology.ResidualNet}: the 1-D residual net of Proposition 4.3, whose skip
 *       connection merges two of the four components of the plain net.</li>
 *   <li>{@link io.symsweep.topology.DeepLinearComponents} and {@link io.symsweep.topology.ResidualComponents}:
 *       the counts themselves, as a {@link io.symsweep.topology.ComponentSurvey} (union-find over samples,
 *       JGraphT's {@code UnionFind}).</li>
 *   <li>{@link io.symsweep.topology.PathComponentCount}: a count that uses none of the above theory: sampled minima
 *       joined when the straight segment between them, pulled back onto the minimum by Gauss-Newton in small steps
 *       ({@link io.symsweep.topology.RetractedPath}), stays low; components by union-find. It stands beside the
 *       sign-pattern count as an independent check of Corollary 4.2.</li>
 * </ul>
 *
 * Plain Java on EJML matrices; nothing here trains a network or knows about tables.
 */
package io.symsweep.topology;
