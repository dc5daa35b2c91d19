package io.symsweep.symmetry;

import io.symsweep.model.MlpParameters;
import java.util.SplittableRandom;

/**
 * A group {@code G} acting on the weights of an MLP at one {@link HiddenUnits} site. For all elements
 * {@code g, h} and weights {@code w} of a network the site fits:
 * <ul>
 *   <li>identity: {@code act(identity(), w) == w};</li>
 *   <li>compatibility: {@code act(g, act(h, w)) == act(compose(g, h), w)} ({@code compose(g, h)} is {@code g·h},
 *       {@code h} acting first);</li>
 *   <li>inverse: {@code act(inverse(g), act(g, w)) == w};</li>
 *   <li>invariance: {@code L(act(g, w)) == L(w)} for {@code L = ||Y - f(X)||_F^2} on any data.</li>
 * </ul>
 * For an {@linkplain #isExact() exact} action (a true symmetry) these hold in exact arithmetic and to rounding
 * in floating point: the contract test holds every exact action to identity bit for bit, compatibility and
 * inverse to 1e-12 and invariance to 1e-10, all relative. An approximate action (Eq. (6), Zhao et al. 2025)
 * may break them, within the bound its class documents.
 *
 * <p>Elements are values: no method mutates its arguments, and matrices returned are fresh. {@link #act}
 * throws {@link IllegalArgumentException} for weights whose architecture does not fit {@link #site()}, or for
 * an element that is not in the group (a singular matrix, a non-orthogonal one for O(h), ...).
 *
 * @param <G> the type of a group element: {@code DMatrixRMaj} for matrix groups, {@link Permutation},
 *            {@code Double} for {@code R+}
 */
public interface GroupAction<G> {

    /** The group's name as written in specs and tables: {@code general-linear}, {@code permutation}, ... */
    String name();

    /** The hidden units the group moves. */
    HiddenUnits site();

    /** True for a symmetry of the loss (invariance holds to rounding); false for an approximate action. */
    boolean isExact();

    /** The identity element. */
    G identity();

    /** {@code g·h}: acting with it is acting with {@code h}, then {@code g}. */
    G compose(G g, G h);

    /** {@code g^-1}. */
    G inverse(G g);

    /** {@code g · w}. */
    MlpParameters act(G g, MlpParameters w);

    /**
     * A random element at distance {@code magnitude} from the identity, with {@code det = determinantSign} in
     * its defining representation, drawn from {@code rng} only (the same generator state gives the same
     * element). What "distance" means is stated per group (for matrix Lie groups it is the Frobenius norm of a
     * logarithm); finite groups ignore it.
     *
     * @throws IllegalArgumentException if the group has no element of that sign, the sign is not +1 or -1, or
     *                                  the magnitude is negative or not finite
     */
    G sample(SplittableRandom rng, double magnitude, int determinantSign);
}
