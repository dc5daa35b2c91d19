/**
 * Numerical minimisation for quantities defined as an infimum, e.g. the distance from a point to the orbit
 * {@code {(W_1 g^-1, g W_2)}} of Proposition 5.5 (Zhao et al. 2025): {@link io.symsweep.optim.TrustRegionNewton},
 * Newton's method in a trust region along a retraction, so it can move on {@code GL(n)} by {@code g exp(X)}. Failure
 * to converge is a status of the result, never an exception. {@link io.symsweep.optim.GaussNewtonPolish} finishes a
 * linear network's gradient descent with quadratically convergent Gauss-Newton steps.
 */
package io.symsweep.optim;
