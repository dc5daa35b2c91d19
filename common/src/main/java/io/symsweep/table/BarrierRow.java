package io.symsweep.table;

/**
 * The loss along the straight line between a minimum and its rescaled copy: a row of
 * {@link BarriersTable}.
 *
 * @param configId               id of the full configuration (minimum and probe settings)
 * @param minimumId              {@code config_id} of the minimum in {@link MinimaTable}
 * @param sweep                  the sweep's name
 * @param seed                   the configuration's seed
 * @param factor                 the rescaling factor {@code m}
 * @param rescaledLayer          {@code i}: {@code W_i} is multiplied by {@code m}, {@code W_{i+1}} by {@code m^-k}
 * @param permutation            {@code identity} ({@code W'} as rescaled) or {@code best} ({@code W' = P (m . W)}
 *                               for the permutation {@code P} of layer {@code i}'s units found with the lowest barrier)
 * @param alphas                 the interpolation grid, from 0 to 1
 * @param losses                 the loss at {@code (1-a) W + a W'} for each alpha
 * @param barrier                {@code max_a [L(a) - ((1-a) L(0) + a L(1))]}
 * @param midpointLoss           {@code L(0.5)}
 * @param closedFormMidpointLoss Proposition 5.3's {@code (1 - (1-a+a m^-k)(1-a+a m)^k)^2 ||Y||^2} at a = 0.5
 * @param endpointDistance       {@code ||W' - W||}
 * @param search                 how permutations were searched: {@code none}, {@code exhaustive}, {@code matching}
 * @param candidates             permutations evaluated
 * @param bestPermutation        {@code P} as the images of the units {@code 0..h-1} (the identity for {@code none})
 * @param identityBarrier        the barrier with {@code P = I}; equals {@code barrier} for {@code identity}
 * @param factorRange            {@code c} of Proposition 5.6's range {@code [1/c, c]}, or null
 * @param rangeLossBound         the largest Eq. (14) loss over that range, {@code ((c + 1/c - 2)/4)^2 ||Y||^2}, or null
 * @param status                 OK, NONFINITE (some loss NaN or infinite), MINIMUM_DIVERGED
 * @param minimumStatus          the minimum's training status
 * @param config                 canonical form of the configuration
 * @param codeVersion            symsweep version that computed the row
 */
public record BarrierRow(String configId, String minimumId, String sweep, long seed, double factor,
        int rescaledLayer, String permutation, double[] alphas, double[] losses, double barrier, double midpointLoss,
        double closedFormMidpointLoss, double endpointDistance, String search, int candidates, int[] bestPermutation,
        double identityBarrier, Double factorRange, Double rangeLossBound, String status, String minimumStatus,
        String config, String codeVersion) implements java.io.Serializable {
}
