package io.symsweep.curve;

import io.symsweep.model.MlpParameters;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * Theorem 6.2's Lipschitz constant {@code C_L} estimated from gradient norms (Zhao et al. 2025). The theorem
 * bounds {@code |L(w) - c|} for a chord point {@code w} by {@code C_L dist(w, L^-1(c))}, which needs the loss's
 * slope in the directions from the chord towards the level set, not only along the chord
 * ({@link SymmetryCurve#lipschitz()} sees the latter only and can undershoot, see
 * {@code SymmetryCurveProbeTest}). This estimate takes {@code max ||grad L||} over the ribbon between the chord
 * and the curve: at each grid point {@code t_j}, the points {@code (1 - s) chord(t_j) + s gamma(t_j)} for
 * {@code s = 0, 1/r, ..., 1}. By the mean value theorem,
 * {@code |L(chord(t_j)) - L(gamma(t_j))| <= max_s ||grad L|| ||chord(t_j) - gamma(t_j)||} along each such
 * segment, so the estimate is the constant the theorem's argument uses on the region the curve and its chord
 * span, sampled; as any sampled supremum it can miss a sharper peak between samples.
 */
public final class LipschitzEstimate {

    private LipschitzEstimate() {
    }

    /**
     * {@code max ||grad L||} over the ribbon between {@code gamma} and its chord on grid {@code t}, with
     * {@code across + 1} points across at each {@code t_j}. NaN if any gradient norm is NaN. Cost:
     * {@code t.length} curve points and {@code t.length (across + 1)} gradients.
     *
     * @param gamma        the curve; its chord runs from {@code gamma(t[0])} to {@code gamma(t[last])}
     * @param t            the grid, from 0 to 1
     * @param across       {@code r >= 1}: segments from chord to curve are sampled at {@code s = k / r}
     * @param gradientNorm {@code ||grad L(w)||} over all weights
     */
    public static double ribbon(DoubleFunction<MlpParameters> gamma, double[] t, int across,
            ToDoubleFunction<MlpParameters> gradientNorm) {
        if (across < 1) {
            throw new IllegalArgumentException("across: must be >= 1, found " + across);
        }
        int n = t.length;
        MlpParameters w1 = gamma.apply(t[0]);
        MlpParameters w2 = gamma.apply(t[n - 1]);
        double max = 0;
        for (int j = 0; j < n; j++) {
            MlpParameters onCurve = j == 0 ? w1 : j == n - 1 ? w2 : gamma.apply(t[j]);
            MlpParameters onChord = j == 0 ? w1 : j == n - 1 ? w2 : w1.interpolate(w2, t[j]);
            int last = (j == 0 || j == n - 1) ? 0 : across; // at the ends chord and curve meet
            for (int k = 0; k <= last; k++) {
                MlpParameters p = k == 0 ? onChord : k == across ? onCurve : onChord.interpolate(onCurve,
                        (double) k / across);
                double g = gradientNorm.applyAsDouble(p);
                if (Double.isNaN(g)) {
                    return Double.NaN;
                }
                max = Math.max(max, g);
            }
        }
        return max;
    }
}
