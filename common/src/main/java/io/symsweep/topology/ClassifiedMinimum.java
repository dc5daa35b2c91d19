package io.symsweep.topology;

import io.symsweep.linalg.PolarDecomposition;
import io.symsweep.model.MlpParameters;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A minimum of the deep linear net with what the component count needs of it, computed once: its group
 * coordinates {@code f^-1(W)} (Proposition 4.1), their polar decompositions, and its class.
 *
 * @param weights the minimum {@code W}
 * @param group   {@code f^-1(W) = (W_1 X, W_2, ..., W_{l-1})}
 * @param polar   the polar decomposition of each {@code g_i}
 * @param pattern {@code (sign det g_1, ..., sign det g_{l-1})}
 */
public record ClassifiedMinimum(MlpParameters weights, List<DMatrixRMaj> group, List<PolarDecomposition> polar,
        SignPattern pattern) {

    public ClassifiedMinimum {
        if (weights == null || group == null || polar == null || pattern == null) {
            throw new IllegalArgumentException("weights, group coordinates, polar factors and pattern are required");
        }
        group = group.stream().map(DMatrixRMaj::copy).toList();
        polar = List.copyOf(polar);
    }

    /**
     * {@code w} classified by {@code f}, or {@code null} when some group coordinate is singular ({@code w} is then
     * not on the minimum).
     */
    public static ClassifiedMinimum of(MinimumHomeomorphism f, MlpParameters w) {
        List<DMatrixRMaj> g = f.groupCoordinates(w);
        SignPattern pattern = SignPattern.of(g);
        if (pattern == null) {
            return null;
        }
        List<PolarDecomposition> polar = new ArrayList<>(g.size());
        for (DMatrixRMaj gi : g) {
            polar.add(PolarDecomposition.of(gi));
        }
        return new ClassifiedMinimum(w, g, polar, pattern);
    }

    @Override
    public List<DMatrixRMaj> group() {
        return group.stream().map(DMatrixRMaj::copy).toList();
    }
}
