package io.symsweep.curve;

import io.symsweep.linalg.MatrixFunctions;
import io.symsweep.linalg.MatrixLog;
import io.symsweep.linalg.Vectors;
import io.symsweep.model.MlpParameters;
import io.symsweep.probe.BarrierCurve;
import io.symsweep.probe.LinearInterpolationProbe;
import io.symsweep.symmetry.GroupAction;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Traces a curve in parameter space and sets it against the chord between its ends: losses on both, the
 * curve's curvature, and Theorem 6.2's {@code d_max} and {@code C_L d_max} (Zhao et al. 2025).
 */
public final class SymmetryCurveProbe {

    /** Relative tolerance on the grid being uniform. */
    static final double GRID_TOLERANCE = 1e-12;

    private SymmetryCurveProbe() {
    }

    /**
     * Eq. (5): {@code gamma(t) = exp(t log g) · w} for a matrix group action (exact, like {@code GL(h)} and
     * {@code O(h)}, or approximate, Eq. (6)); {@code gamma(1) = g · w} up to the rounding of {@code exp(log g)}.
     * {@code log g} is the principal logarithm; when {@code g} has none the result carries the reason as its
     * status. For the approximate action with {@code h > k}, {@code gamma(0) = I · w} differs from {@code w} in
     * its outgoing weights though not in its output (see {@code ApproximateGeneralLinearAction}); {@code w1} is
     * {@code gamma(0)}. Cost: {@code n} matrix exponentials, actions and curve losses, {@code n} chord losses.
     *
     * @param t a uniform grid from exactly 0 to exactly 1 with at least 5 points, e.g. {@code AlphaGrid.uniform}
     */
    public static SymmetryCurve orbit(GroupAction<DMatrixRMaj> action, DMatrixRMaj g, MlpParameters w,
            ToDoubleFunction<MlpParameters> loss, double[] t) {
        requireGrid(t);
        MatrixLog log = MatrixFunctions.log(g);
        if (!log.isOk()) {
            return SymmetryCurve.failed(t, statusOf(log.status()));
        }
        DMatrixRMaj generator = log.value();
        return run(s -> {
            DMatrixRMaj scaled = generator.copy();
            CommonOps_DDRM.scale(s, scaled);
            return action.act(MatrixFunctions.exp(scaled), w);
        }, loss, t);
    }

    /**
     * Any curve {@code gamma} on [0, 1] (e.g. {@code s -> rescaling.act(Math.pow(c, s), w)} for {@code R+}):
     * evaluates {@code gamma} once per grid point, then the chord from {@code gamma(0)} to {@code gamma(1)} on
     * the same grid.
     */
    public static SymmetryCurve run(DoubleFunction<MlpParameters> gamma, ToDoubleFunction<MlpParameters> loss,
            double[] t) {
        requireGrid(t);
        int n = t.length;
        double[] curveLosses = new double[n];
        MlpParameters[] ends = new MlpParameters[2];
        boolean[] finite = {true};
        CurveGeometry geometry = CurveGeometry.of(j -> {
            MlpParameters p = gamma.apply(t[j]);
            if (j == 0) {
                ends[0] = p;
            } else if (j == n - 1) {
                ends[1] = p;
            }
            finite[0] &= p.isFinite();
            curveLosses[j] = loss.applyAsDouble(p);
            return p.flatten();
        }, n, 1.0 / (n - 1));
        MlpParameters w1 = ends[0];
        MlpParameters w2 = ends[1];
        BarrierCurve chord = LinearInterpolationProbe.run(loss, w1, w2, t);
        double[] chordLosses = chord.losses().toArray();
        double chordLength = w1.distance(w2);
        double[] curvature = geometry.curvature();
        double kappaMax = geometry.maxCurvature();
        double dMax = ChordBound.dMax(kappaMax, chordLength);
        double lipschitz = lipschitz(t, chordLosses, chordLength);
        double l1 = curveLosses[0];
        double chordDeviation = maxDeviation(chordLosses, l1);
        double curveDeviation = maxDeviation(curveLosses, l1);
        SymmetryCurve.Status status;
        if (!finite[0] || !Vectors.allFinite(curveLosses) || !Vectors.allFinite(chordLosses)) {
            status = SymmetryCurve.Status.NOT_FINITE;
        } else if (hasZero(geometry.speed())) {
            status = SymmetryCurve.Status.STATIONARY;
        } else if (!Vectors.allFinite(curvature)) {
            status = SymmetryCurve.Status.NOT_FINITE;
        } else if (Double.isNaN(dMax)) {
            status = SymmetryCurve.Status.CHORD_TOO_LONG;
        } else {
            status = SymmetryCurve.Status.OK;
        }
        return new SymmetryCurve(t, curveLosses, chordLosses, curvature, chordLength, geometry.arcLength(),
                geometry.turningAngle(), kappaMax, dMax, lipschitz, chordDeviation, curveDeviation, chord.barrier(),
                status);
    }

    /**
     * {@code max_j |L_{j+1} - L_j| / ((t_{j+1} - t_j) D)}: the loss's largest slope along a segment of length
     * {@code D} sampled at {@code t}. NaN for {@code D = 0}.
     */
    public static double lipschitz(double[] t, double[] losses, double length) {
        if (!(length > 0)) {
            return Double.NaN;
        }
        double max = 0;
        for (int j = 0; j + 1 < t.length; j++) {
            double slope = Math.abs(losses[j + 1] - losses[j]) / ((t[j + 1] - t[j]) * length);
            if (!(slope <= max)) {
                max = slope;
            }
        }
        return max;
    }

    private static double maxDeviation(double[] losses, double reference) {
        double max = 0;
        for (double l : losses) {
            double d = Math.abs(l - reference);
            if (!(d <= max)) {
                max = d;
            }
        }
        return max;
    }

    private static boolean hasZero(double[] a) {
        for (double v : a) {
            if (v == 0) {
                return true;
            }
        }
        return false;
    }

    private static void requireGrid(double[] t) {
        if (t == null || t.length < CurveGeometry.MIN_POINTS) {
            throw new IllegalArgumentException("t: needs at least " + CurveGeometry.MIN_POINTS + " points, found "
                    + (t == null ? "null" : t.length));
        }
        if (t[0] != 0 || t[t.length - 1] != 1) {
            throw new IllegalArgumentException("t: must run from exactly 0 to exactly 1, found " + t[0] + " .. "
                    + t[t.length - 1]);
        }
        double h = 1.0 / (t.length - 1);
        for (int j = 0; j < t.length; j++) {
            if (Math.abs(t[j] - j * h) > GRID_TOLERANCE) {
                throw new IllegalArgumentException("t[" + j + "]: the grid must be uniform, expected " + j * h
                        + ", found " + t[j]);
            }
        }
    }

    private static SymmetryCurve.Status statusOf(MatrixLog.Status s) {
        return switch (s) {
            case OK -> throw new IllegalStateException("a computed logarithm is not a failure");
            case SINGULAR -> SymmetryCurve.Status.SINGULAR;
            case NO_REAL_LOGARITHM -> SymmetryCurve.Status.NO_REAL_LOGARITHM;
            case NOT_PRINCIPAL -> SymmetryCurve.Status.NOT_PRINCIPAL;
            case NOT_CONVERGED -> SymmetryCurve.Status.LOG_NOT_CONVERGED;
            case NOT_FINITE -> SymmetryCurve.Status.NOT_FINITE;
        };
    }
}
