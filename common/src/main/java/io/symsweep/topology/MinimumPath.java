package io.symsweep.topology;

import io.symsweep.model.MlpParameters;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A path on the minimum between two minima {@code W_a}, {@code W_b} of one class (Proposition 4.1 and
 * Corollary 4.2: the class is connected because its component of {@code GL_h^(l-1)} is). In three pieces:
 * <ol>
 *   <li>the bridge from the trained {@code W_a} to {@code f(f^-1(W_a))}, the straight segment that changes
 *       {@code W_l} only (to its least-squares value): the output is affine in {@code W_l}, so the loss along
 *       it is a convex quadratic, largest at an end;</li>
 *   <li>{@code f(g(t))} where each {@code g_i(t)} is the {@link PolarPath} from {@code f^-1(W_a)_i} to
 *       {@code f^-1(W_b)_i}: on the minimum in exact arithmetic, with every determinant's sign kept;</li>
 *   <li>the bridge from {@code f(f^-1(W_b))} to {@code W_b}.</li>
 * </ol>
 * The check evaluates the loss at both trained ends, both bridge midpoints and {@code gridPoints} uniform values
 * of {@code t} (including 0 and 1), and the sign pattern at every point of the middle piece. Cost:
 * {@code gridPoints (l-1)} exponentials and one {@code h x h} solve per point.
 */
public final class MinimumPath {

    private MinimumPath() {
    }

    /** Checks the path from {@code a} to {@code b}, which must have the same sign pattern. */
    public static PathCheck check(MinimumHomeomorphism f, ClassifiedMinimum a, ClassifiedMinimum b, int gridPoints,
            double tolerance) {
        if (!a.pattern().equals(b.pattern())) {
            throw new IllegalArgumentException("a path on the minimum keeps the sign pattern; the ends have "
                    + a.pattern().label() + " and " + b.pattern().label() + " (use CrossingCertificate)");
        }
        if (gridPoints < 2) {
            throw new IllegalArgumentException("the grid needs at least 2 points, found " + gridPoints);
        }
        List<DMatrixRMaj> ga = a.group();
        List<DMatrixRMaj> gb = b.group();
        List<PolarPath> legs = new ArrayList<>(ga.size());
        for (int i = 0; i < ga.size(); i++) {
            legs.add(PolarPath.between(a.polar().get(i), b.polar().get(i), ga.get(i), gb.get(i)));
        }
        double max = Math.max(f.loss(a.weights()), f.loss(b.weights()));
        boolean signs = true;
        MlpParameters start = null;
        MlpParameters end = null;
        for (int k = 0; k < gridPoints; k++) {
            double t = k == gridPoints - 1 ? 1.0 : (double) k / (gridPoints - 1);
            List<DMatrixRMaj> g = new ArrayList<>(legs.size());
            for (PolarPath leg : legs) {
                g.add(leg.at(t));
            }
            MlpParameters w = f.toMinimum(g);
            max = maxNaN(max, f.loss(w));
            signs &= a.pattern().equals(f.signPattern(w));
            if (k == 0) {
                start = w;
            }
            end = w;
        }
        max = maxNaN(max, f.loss(a.weights().interpolate(start, 0.5)));
        max = maxNaN(max, f.loss(end.interpolate(b.weights(), 0.5)));
        return new PathCheck(max, tolerance, gridPoints + 4, signs);
    }

    /** The larger of the two, NaN if either is NaN. */
    static double maxNaN(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
    }
}
