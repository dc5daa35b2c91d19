package io.symsweep.symmetry;

import io.symsweep.model.MlpParameters;

/**
 * An action through a representation of the group on the hidden units: {@code g} multiplies the rows of
 * {@code W_i} by {@link #incoming(Object) incoming(g)} and the columns of {@code W_{i+1}} by
 * {@link #outgoing(Object) outgoing(g)}. It is a symmetry when the activation carries the incoming map through
 * to one the outgoing map undoes: {@code s(incoming(g) z) = D s(z)} with {@code outgoing(g) D = I} ({@code D = g}
 * for GL and O across the identity, {@code c^k} for R+, {@code P} for permutations). Every exact action of this
 * package is one; {@link #act} is the single generic {@link HiddenUnits#apply}.
 */
public interface LinearUnitAction<G> extends GroupAction<G> {

    /** The map applied to the units' incoming weights, {@code W_i -> incoming(g) W_i}. */
    UnitMap incoming(G g);

    /** The map applied to the units' outgoing weights, {@code W_{i+1} -> W_{i+1} outgoing(g)}. */
    UnitMap outgoing(G g);

    @Override
    default MlpParameters act(G g, MlpParameters w) {
        return site().apply(w, incoming(g), outgoing(g));
    }

    @Override
    default boolean isExact() {
        return true;
    }
}
