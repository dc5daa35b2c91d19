package io.symsweep.experiment;

import io.symsweep.curve.CurveGeometry;
import io.symsweep.curve.LipschitzEstimate;
import io.symsweep.curve.SymmetryCurve;
import io.symsweep.curve.SymmetryCurveProbe;
import io.symsweep.engine.Engine;
import io.symsweep.linalg.MatrixFunctions;
import io.symsweep.linalg.MatrixLog;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.probe.AlphaGrid;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.ConfigIds;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.sweep.KeyDependencies;
import io.symsweep.sweep.SpecField;
import io.symsweep.symmetry.ApproximateGeneralLinearAction;
import io.symsweep.table.CurveRow;
import io.symsweep.table.MinimumRow;
import io.symsweep.table.Provenance;
import io.symsweep.train.TrainingStatus;
import io.symsweep.experiment.IndependentExperiment.TableRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * {@code symmetry-curve}: Figure 3(b-c) and Theorem 6.2 (Zhao et al. 2025). A two-layer network
 * {@code ||W_2 s(W_1 X) - Y||^2} is trained to a minimum {@code w}; a group element {@code g = exp(B)}, {@code B} a
 * Gaussian {@code h x h} matrix rescaled to {@code ||B||_F = magnitude}, defines the curve of Eq. (5),
 * {@code gamma(t) = exp(t log g) . w}, with the approximate action of Eq. (6) on the hidden units. The row holds the
 * loss along {@code gamma} and along the chord from {@code gamma(0)} to {@code gamma(1)}, the curvature of
 * {@code gamma}, {@code d_max}, and {@code C_L d_max} beside the measured deviation of the chord, with {@code C_L}
 * both from slopes along the chord and from gradient norms ({@link LipschitzEstimate}).
 *
 * <p>Theorem 6.2 needs a smooth curve. With leaky ReLU the curve is only piecewise smooth: {@code s(g(t) V X)} has a
 * kink wherever a pre-activation changes sign, so {@code U s(VX) s(g(t)VX)^+} turns a corner there, of infinite
 * curvature. The finite-difference curvature at a corner grows as {@code 1/h} as the grid is refined, so
 * {@code kappa_max} is an artefact of the grid and {@code d_max} is usually undefined (chord longer than
 * {@code 2/kappa_max}). {@code kappa_max_coarse}, the same on every other grid point, tells the cases apart: about
 * {@code kappa_max} for a smooth curve, about half of it at a corner. Smooth activations (tanh, sigmoid) give
 * grid-independent curvature, and the theorem can be checked.
 *
 * <p>One configuration is one curve: a minimum (seed, architecture, data, training), a magnitude and a curve index.
 * The minimum derives from the configuration without its probe settings and is trained once, into {@code minima}
 * ({@link MinimumTraining}, stage 1), for all its curves (stage 2). The direction {@code B / ||B||} derives from the
 * minimum and the curve index only, so the same five directions are traced at every magnitude.
 */
public final class SymmetryCurveExperiment extends MinimumProbingExperiment {

    private static final long serialVersionUID = 1L;

    public static final String NAME = "symmetry-curve";
    /** Segments of the ribbon between chord and curve on which {@code lipschitz_gradient} samples the gradient. */
    public static final int RIBBON_SEGMENTS = 4;

    static final SpecField WIDTHS = SpecField.integerList(TrainingFields.WIDTHS_KEY,
                    "[n, h, m]: inputs, hidden units (where g acts), outputs; W_1 is h x n, W_2 is m x h")
            .required().checked(new Check("exactly 3 widths, each between 1 and " + RescalingBarrier.MAX_WIDTH,
                    v -> v instanceof List<?> l && l.size() == 3
                            && l.stream().allMatch(Check.between(1, RescalingBarrier.MAX_WIDTH).holds())));
    static final ActivationFields ACTIVATION = ActivationFields.allowing(
            List.of("leaky_relu", "relu", "linear", "sigmoid", "tanh"), "leaky_relu", "hidden activation s");
    static final SpecField SAMPLES = SpecField.integer("data.samples", "k: X is n x k, Y is m x k, i.i.d. N(0, 1)")
            .required().checked(Check.between(1, 1_000_000));
    static final SpecField MAGNITUDES = SpecField.number("probe.magnitudes",
                    "||B||_F of g = exp(B) (each one a configuration)")
            .key("probe.magnitude").required().checked(Check.greaterThan(0));
    static final SpecField CURVES = SpecField.integer("probe.curves",
                    "curve indices, e.g. 0..4: each a random direction of B")
            .key("probe.curve").defaultsTo(0L).checked(Check.between(0, 1_000_000));
    static final SpecField T_POINTS = SpecField.integer("probe.t_points",
                    "points of the t grid on [0, 1]; odd, so every other point is a grid from 0 to 1 too")
            .defaultsTo(101L).checked(new Check("an odd integer between 9 and 100001",
                    v -> (Long) v >= 9 && (Long) v <= 100_001 && (Long) v % 2 == 1));

    /**
     * The probe settings of one curve.
     *
     * @param magnitude {@code ||B||_F}
     * @param curve     the curve index: with the minimum, it decides the direction {@code B / ||B||}
     * @param tPoints   points of the t grid
     */
    record CurveSettings(double magnitude, int curve, int tPoints) {

        static CurveSettings parse(Configuration c) {
            return new CurveSettings(c.number(MAGNITUDES), c.smallInteger(CURVES), c.smallInteger(T_POINTS));
        }
    }

    public SymmetryCurveExperiment() {
        super(NAME, WIDTHS, ACTIVATION, SAMPLES, List.of(MAGNITUDES, CURVES, T_POINTS), CurveRow.TABLE);
    }

    @Override
    public Configuration normalize(Configuration c) {
        return ACTIVATION.normalize(c);
    }

    /** Normalisation reads the activation and slope; there is no cross-field rule. */
    @Override
    public java.util.Optional<KeyDependencies> dependencies() {
        return java.util.Optional.of(KeyDependencies.of(ACTIVATION.fields(), List.of()));
    }

    @Override
    public List<TableRows<?>> probe(ProbeGroup<MinimumRow> group, String sweep, ExecutionSettings execution) {
        List<CurveRow> rows = new ArrayList<>();
        for (Configuration c : group.probes()) {
            rows.add(trace(c, group.artefacts().get(0), sweep));
        }
        return List.of(new TableRows<>(CurveRow.TABLE, rows));
    }

    /**
     * {@code g = exp(B)} of {@code c}: {@code B} Gaussian from the minimum's id and the curve index, rescaled to
     * {@code ||B||_F = magnitude} ({@code GeneralLinearAction.sample}), so one curve index is one direction at every
     * magnitude.
     */
    public DMatrixRMaj groupElement(Configuration c, ApproximateGeneralLinearAction action) {
        CurveSettings s = CurveSettings.parse(c);
        SplittableRandom rng = new SplittableRandom(ConfigIds.seed(minimumOf(c).id() + "/curve/" + s.curve(), "g"));
        return action.sample(rng, s.magnitude(), 1);
    }

    /** Traces the curve of {@code c} from its trained minimum. */
    public CurveRow trace(Configuration c, MinimumRow minimum, String sweep) {
        if (!minimumOf(c).id().equals(minimum.provenance().configId())) {
            throw new IllegalArgumentException("configuration " + c.id() + " does not probe minimum "
                    + minimum.provenance().configId());
        }
        MinimumSettings m = minimum(c);
        CurveSettings s = CurveSettings.parse(c);
        MlpArchitecture arch = m.architecture();
        RegressionData data = m.data();
        Engine engine = m.engine();
        MlpParameters w = new MlpParameters(arch, minimum.weights());
        ApproximateGeneralLinearAction action = ApproximateGeneralLinearAction.on(arch, 1, data);
        DMatrixRMaj g = groupElement(c, action);
        double[] t = AlphaGrid.uniform(s.tPoints());
        ToDoubleFunction<MlpParameters> loss = p -> engine.loss(p, data);
        SymmetryCurve curve;
        double lipschitzGradient = Double.NaN;
        double kappaMaxCoarse = Double.NaN;
        CurveRow.Status status;
        if (minimum.status() == TrainingStatus.DIVERGED || !w.isFinite()) {
            curve = SymmetryCurveProbe.run(x -> w, p -> Double.NaN, t);
            status = CurveRow.Status.MINIMUM_DIVERGED;
        } else {
            curve = SymmetryCurveProbe.orbit(action, g, w, loss, t);
            status = CurveRow.Status.valueOf(curve.status().name());
            MatrixLog log = MatrixFunctions.log(g);
            if (log.isOk()) {
                DoubleFunction<MlpParameters> gamma = x -> {
                    DMatrixRMaj scaled = log.value().copy();
                    CommonOps_DDRM.scale(x, scaled);
                    return action.act(MatrixFunctions.exp(scaled), w);
                };
                double[][] gradient = w.layers();
                lipschitzGradient = LipschitzEstimate.ribbon(gamma, t, RIBBON_SEGMENTS, p -> {
                    engine.lossAndGradient(p, data, gradient);
                    return norm(gradient);
                });
                int coarse = (t.length + 1) / 2;
                kappaMaxCoarse = CurveGeometry.of(j -> gamma.apply(t[2 * j]).flatten(), coarse, 2 * (t[1] - t[0]))
                        .maxCurvature();
            }
        }
        double dMax = curve.dMax();
        double chordBound = curve.lipschitz() * dMax;
        double gradientBound = lipschitzGradient * dMax;
        double[] curveLosses = curve.curveLosses();
        double[] chordLosses = curve.chordLosses();
        boolean below = true;
        for (int j = 0; j < t.length; j++) {
            below &= curveLosses[j] <= chordLosses[j];
        }
        double deviation = curve.maxChordDeviation();
        return new CurveRow(Provenance.of(c, sweep), minimum.provenance().configId(), arch.label(), data.samples(),
                engine.name(), minimum.steps(), minimum.finalLoss(), minimum.status(), minimum.trainSeconds(),
                s.curve(), s.magnitude(), Arrays.copyOf(g.data, g.numRows * g.numCols), t, curveLosses, chordLosses,
                curve.curvature(), curve.chordLength(), curve.arcLength(), curve.turningAngle(), curve.maxCurvature(),
                kappaMaxCoarse, dMax, curve.lipschitz(), lipschitzGradient, chordBound, gradientBound, deviation,
                curve.maxCurveDeviation(), curve.chordBarrier(), trapezoid(t, curveLosses), trapezoid(t, chordLosses),
                below, deviation <= gradientBound, deviation <= chordBound, w.layers(), status);
    }

    private static double norm(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    private static double trapezoid(double[] t, double[] y) {
        double s = 0;
        for (int j = 0; j + 1 < t.length; j++) {
            s += 0.5 * (t[j + 1] - t[j]) * (y[j] + y[j + 1]);
        }
        return s;
    }
}
