package io.symsweep.align;

import io.symsweep.model.MlpParameters;
import io.symsweep.symmetry.HiddenUnits;
import io.symsweep.symmetry.Permutation;
import io.symsweep.assignment.LinearAssignment;

/**
 * Weight matching of one hidden layer (Ainsworth et al. 2023, restricted to one layer): the permutation of
 * {@code w'}'s units at {@code site} that minimises {@code sum_i c(i, sigma(i))}, with
 * <pre>  c(i, j) = ||W_i[i, :] - W'_i[j, :]||^2 + ||W_{i+1}[:, i] - W'_{i+1}[:, j]||^2</pre>
 * the squared distance between unit {@code i}'s incoming and outgoing weights in {@code w} and unit {@code j}'s
 * in {@code w'}. Squared, so that the sum is {@code ||w - P w'||^2} restricted to the two layers: minimising it
 * is maximising {@code sum <w_i, w'_sigma(i)>}, the classic weight-matching objective. Solved exactly by
 * Jonker-Volgenant ({@link LinearAssignment}), {@code O(h^3)} at worst, after {@code O(h^2 (n_{i-1} + n_{i+1}))} for the costs.
 */
public final class UnitMatching {

    private UnitMatching() {
    }

    /**
     * The permutation {@code p} such that {@code PermutationAction.act(p, wPrime)} puts at position {@code i} the
     * unit of {@code wPrime} matched to unit {@code i} of {@code w}.
     */
    public static Permutation match(MlpParameters w, MlpParameters wPrime, HiddenUnits site) {
        double[][] cost = costs(w, wPrime, site);
        int h = site.width();
        if (h == 1) {
            return Permutation.identity(1);
        }
        int[] rowToCol = LinearAssignment.minimise(cost);
        int[] images = new int[h];
        for (int i = 0; i < h; i++) {
            images[rowToCol[i]] = i;   // w' unit rowToCol[i] moves to position i
        }
        return new Permutation(images);
    }

    /** {@code c(i, j)} for every unit {@code i} of {@code w} and {@code j} of {@code w'}. */
    public static double[][] costs(MlpParameters w, MlpParameters wPrime, HiddenUnits site) {
        if (!w.architecture().equals(wPrime.architecture())) {
            throw new IllegalArgumentException("architectures differ: " + w.architecture().label() + " vs "
                    + wPrime.architecture().label());
        }
        site.requireFits(w.architecture());
        int layer = site.layer();
        int h = site.width();
        int in = w.architecture().cols(layer);
        int out = w.architecture().rows(layer + 1);
        double[][] c = new double[h][h];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < h; j++) {
                double s = 0;
                for (int k = 0; k < in; k++) {
                    double d = w.get(layer, i, k) - wPrime.get(layer, j, k);
                    s += d * d;
                }
                for (int r = 0; r < out; r++) {
                    double d = w.get(layer + 1, r, i) - wPrime.get(layer + 1, r, j);
                    s += d * d;
                }
                c[i][j] = s;
            }
        }
        return c;
    }
}
