/**
 * Proposition 5.5 (Zhao et al. 2025): the distance from a point between two points of the orbit
 * {@code S = {W_1 W_2 = A}} to {@code S}, a minimisation over {@code GL(n)} ({@link io.symsweep.orbit.DistanceToOrbit})
 * by trust-region Newton from several starts, bracketed by a proven lower bound and the best scalar {@code g}.
 */
package io.symsweep.orbit;
