package io.symsweep.experiment;

import io.symsweep.engine.DenseEngine;
import io.symsweep.linalg.MatrixFunctions;
import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.ConfigIds;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.sweep.KeyDependencies;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SpecField;
import io.symsweep.symmetry.ApproximateGeneralLinearAction;
import io.symsweep.symmetry.GeneralLinearAction;
import io.symsweep.symmetry.HiddenUnits;
import io.symsweep.table.ApproximateActionRow;
import io.symsweep.table.Provenance;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingSettings;
import io.symsweep.train.TrainingStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * {@code approximate-action}: Proposition 6.1 and Figure 3(a) (Zhao et al. 2025). One configuration is one
 * two-layer network {@code ||U s(V X) - Y||^2} with {@code U} {@code m x h}, {@code V} {@code h x n}, {@code X}
 * {@code n x k}, {@code Y} {@code m x k}: the four dimensions are drawn uniformly from the integers
 * {@code dimensions.min .. dimensions.max} by the seed, {@code X} and {@code Y} are i.i.d. N(0, 1), the net is
 * trained by full-batch gradient descent, and a random invertible {@code g} moves it by Eq. (6),
 * {@code g . (U, V) = (U s(VX) s(gVX)^+, gV)}. The row sets {@code ||U s(VX) - U' s(V'X)||} beside the bound
 * {@code ||U s(VX)||}; {@code seeds: 0..99} is the paper's N = 100.
 *
 * <p>Training: the loss is a sum over {@code m k} entries, so its curvature spans orders of magnitude across
 * dimensions 2..100 and no single learning rate suits every network. The step is therefore
 * {@code training.relative_step / L0} with
 * {@code L0 = 2 (||s(V0 X)||_2^2 + s'_max^2 ||U0||_2^2 ||X||_2^2)}, the Gauss-Newton curvature bound at the initial
 * weights (the {@code U} block exactly, the {@code V} block bounded by {@code |s'| <= s'_max}). Prop 6.1 holds at
 * any weights; training makes the output the one a trained network has.
 */
public final class ApproximateAction extends DeclaredExperiment implements IndependentExperiment {

    private static final long serialVersionUID = 1L;

    public static final String NAME = "approximate-action";
    /** Largest dimension a spec may draw. */
    public static final int MAX_DIMENSION = 2000;
    /** {@code probe.group_element} values. */
    public static final String GAUSSIAN = "gaussian";
    public static final String EXPONENTIAL = "exp";

    static final SpecField DIMENSIONS_MIN = SpecField.integer("dimensions.min",
                    "m, h, n, k are each drawn uniformly from min..max by the seed")
            .defaultsTo(2L).checked(Check.between(1, MAX_DIMENSION));
    static final SpecField DIMENSIONS_MAX = SpecField.integer("dimensions.max", "largest value of m, h, n, k")
            .defaultsTo(100L).checked(Check.between(1, MAX_DIMENSION));
    static final ActivationFields ACTIVATION = ActivationFields.allowing(List.of("sigmoid", "tanh", "leaky_relu"),
            "sigmoid", "hidden activation s (the paper: sigmoid)");
    static final SpecField RELATIVE_STEP = SpecField.number("training.relative_step",
                    "gradient-descent step as a multiple of 1/L0, L0 the curvature bound at the initial weights")
            .defaultsTo(1.0).checked(Check.greaterThan(0));
    static final SpecField GROUP_ELEMENT = SpecField.choice("probe.group_element", List.of(GAUSSIAN, EXPONENTIAL),
                    "g: gaussian (i.i.d. N(0, 1/h) entries) or exp (exp(B), B Gaussian with ||B||_F = magnitude)")
            .defaultsTo(GAUSSIAN);
    static final SpecField MAGNITUDE = SpecField.number("probe.magnitude", "||log g||_F for group_element exp")
            .defaultsTo(1.0).checked(Check.greaterThan(0));

    private static final List<SpecField> FIELDS = declareFields();

    private static List<SpecField> declareFields() {
        List<SpecField> f = new ArrayList<>(List.of(DIMENSIONS_MIN, DIMENSIONS_MAX));
        f.addAll(ACTIVATION.fields());
        f.addAll(List.of(RELATIVE_STEP, TrainingFields.STEPS, TrainingFields.LOSS_TOLERANCE, TrainingFields.INIT,
                TrainingFields.INIT_SCALE, GROUP_ELEMENT, MAGNITUDE));
        return List.copyOf(f);
    }

    /**
     * One configuration, parsed once.
     *
     * @param configuration the configuration (its seed draws the dimensions, data and weights; its id draws g)
     * @param minDimension  smallest of m, h, n, k
     * @param maxDimension  largest of m, h, n, k
     * @param activation    the hidden activation
     * @param relativeStep  the step as a multiple of {@code 1/L0}
     * @param steps         the step budget
     * @param lossTolerance stop below this loss
     * @param groupElement  {@link #GAUSSIAN} or {@link #EXPONENTIAL}
     * @param magnitude     {@code ||log g||_F} for {@link #EXPONENTIAL}, else null
     */
    public record Settings(Configuration configuration, int minDimension, int maxDimension, Activation activation,
            double relativeStep, long steps, double lossTolerance, String groupElement, Double magnitude) {

        public static Settings parse(Configuration c) {
            return new Settings(c, c.smallInteger(DIMENSIONS_MIN), c.smallInteger(DIMENSIONS_MAX), ACTIVATION.parse(c),
                    c.number(RELATIVE_STEP), c.integer(TrainingFields.STEPS), c.number(TrainingFields.LOSS_TOLERANCE),
                    c.text(GROUP_ELEMENT), c.numberOrNull(MAGNITUDE));
        }
    }

    public ApproximateAction() {
        super(NAME, FIELDS, List.of(ApproximateActionRow.TABLE));
    }

    /** Drops the slope of activations other than leaky ReLU and the magnitude of Gaussian elements. */
    /**
     * 64: one configuration is a network trained to its minimum, about 0.7 s of one core (paper scale, Fig 3a: 100
     * networks in 37 s on local[2]); with the default 5,000 the 10,000 networks of {@code --scale large} were two
     * batches of about half an hour each.
     */
    @Override
    public int firstBatch() {
        return 64;
    }

    @Override
    public Configuration normalize(Configuration c) {
        c = ACTIVATION.normalize(c);
        if (c.text(GROUP_ELEMENT).equals(GAUSSIAN)) {
            c = c.with(MAGNITUDE, null);
        }
        return c;
    }

    /** Normalisation reads the activation and the group element; validation has one rule, on the dimensions. */
    @Override
    public java.util.Optional<KeyDependencies> dependencies() {
        List<SpecField> normalized = new ArrayList<>(ACTIVATION.fields());
        normalized.addAll(List.of(GROUP_ELEMENT, MAGNITUDE));
        return java.util.Optional.of(KeyDependencies.of(normalized, List.of(List.of(DIMENSIONS_MIN,
                DIMENSIONS_MAX))));
    }

    @Override
    public void validate(Configuration c) {
        Settings s = Settings.parse(c);
        if (s.maxDimension() < s.minDimension()) {
            throw new SpecException(DIMENSIONS_MAX.path(), "must be >= " + DIMENSIONS_MIN.path() + " ("
                    + s.minDimension() + "), found " + s.maxDimension());
        }
    }

    /**
     * {@code m, h, n, k}, drawn from the seed and the range only, so networks with the same seed have the same
     * shape whatever the training or probe settings.
     */
    public record Dimensions(int outputs, int hidden, int inputs, int samples) {
    }

    /** The dimensions of {@code c}'s network. */
    public static Dimensions dimensions(Settings s) {
        int min = s.minDimension();
        int max = s.maxDimension();
        SplittableRandom rng = new SplittableRandom(
                ConfigIds.seed("dimensions/" + s.configuration().seed() + "/" + min + ".." + max, "dimensions"));
        return new Dimensions(rng.nextInt(min, max + 1), rng.nextInt(min, max + 1), rng.nextInt(min, max + 1),
                rng.nextInt(min, max + 1));
    }

    /** {@code mlp[n, h, m]} with the configured activation. */
    public static MlpArchitecture architecture(Settings s) {
        Dimensions d = dimensions(s);
        return new MlpArchitecture(new int[] {d.inputs(), d.hidden(), d.outputs()}, s.activation());
    }

    /** X ({@code n x k}) and Y ({@code m x k}), i.i.d. N(0, 1), from the seed and the shape only. */
    public static RegressionData data(Settings s) {
        Dimensions d = dimensions(s);
        String dataId = "gaussian/" + s.configuration().seed() + "/" + d.inputs() + "x" + d.samples() + "->"
                + d.outputs();
        return RegressionData.gaussian(d.inputs(), d.outputs(), d.samples(), ConfigIds.seed(dataId, "data"));
    }

    /** The random invertible {@code g} ({@code h x h}) of {@code c}, from its id. */
    public static DMatrixRMaj groupElement(Settings s, int h) {
        SplittableRandom rng = new SplittableRandom(ConfigIds.seed(s.configuration().id(), "g"));
        if (s.groupElement().equals(EXPONENTIAL)) {
            return new GeneralLinearAction(new HiddenUnits(1, h)).sample(rng, s.magnitude(), 1);
        }
        return gaussian(rng, h, 1 / Math.sqrt(h));
    }

    /**
     * {@code L0 = 2 (||s(V X)||_2^2 + s'_max^2 ||U||_2^2 ||X||_2^2)}: the spectral norm of the Gauss-Newton matrix's
     * {@code U} block plus a bound on its {@code V} block, at {@code w}.
     */
    public static double curvatureBound(MlpParameters w, RegressionData data) {
        MlpArchitecture arch = w.architecture();
        DMatrixRMaj x = new DMatrixRMaj(data.features(), data.samples(), true, data.x());
        DMatrixRMaj h = CommonOps_DDRM.mult(w.matrix(1), x, null);
        for (int j = 0; j < h.data.length; j++) {
            h.data[j] = arch.activation().apply(h.data[j]);
        }
        double sh = NormOps_DDRM.normP2(h);
        double su = NormOps_DDRM.normP2(w.matrix(2));
        double sx = NormOps_DDRM.normP2(x);
        double slope = arch.activation().maxDerivative();
        return 2 * (sh * sh + slope * slope * su * su * sx * sx);
    }

    @Override
    public List<TableRows<?>> run(Configuration c, String sweep, ExecutionSettings execution) {
        return List.of(TableRows.of(ApproximateActionRow.TABLE, measure(c, sweep)));
    }

    /** Trains the network of {@code c}, moves it by a random {@code g} and measures Proposition 6.1's two sides. */
    public ApproximateActionRow measure(Configuration c, String sweep) {
        Settings s = Settings.parse(c);
        Dimensions d = dimensions(s);
        MlpArchitecture arch = architecture(s);
        RegressionData data = data(s);
        MlpParameters init = TrainingFields.initial(c, arch);
        DenseEngine engine = new DenseEngine();
        double initialLoss = engine.loss(init, data);
        double l0 = curvatureBound(init, data);
        double lr = s.relativeStep() / l0;
        TrainingResult r;
        if (Double.isFinite(lr) && lr > 0) {
            r = engine.train(init, data, new TrainingSettings(lr, s.steps(), s.lossTolerance()));
        } else {
            r = new TrainingResult(init, 0, initialLoss, TrainingStatus.DIVERGED, 0);
        }
        MlpParameters w = r.weights();
        DMatrixRMaj g = groupElement(s, d.hidden());
        int sign = MatrixFunctions.determinantSign(g);
        double condition = sign == 0 ? Double.POSITIVE_INFINITY : NormOps_DDRM.conditionP2(g);
        double nan = Double.NaN;
        ApproximateActionRow.Status status;
        double outputNorm = nan;
        double change = nan;
        int rank = 0;
        double lossAfter = nan;
        if (r.status() == TrainingStatus.DIVERGED || !w.isFinite()) {
            status = ApproximateActionRow.Status.MINIMUM_DIVERGED;
        } else if (sign == 0) {
            status = ApproximateActionRow.Status.SINGULAR;
        } else {
            ApproximateGeneralLinearAction action = ApproximateGeneralLinearAction.on(arch, 1, data);
            ApproximateGeneralLinearAction.OutputChange oc = action.outputChange(g, w);
            outputNorm = oc.outputNorm();
            change = oc.change();
            rank = oc.featureRank();
            lossAfter = engine.loss(action.act(g, w), data);
            status = Double.isFinite(outputNorm) && Double.isFinite(change) && Double.isFinite(lossAfter)
                    ? ApproximateActionRow.Status.OK : ApproximateActionRow.Status.NOT_FINITE;
        }
        return new ApproximateActionRow(Provenance.of(c, sweep), d.outputs(), d.hidden(), d.inputs(), d.samples(),
                arch.label(), d.hidden() >= d.samples(), s.groupElement(), Arrays.copyOf(g.data, d.hidden() * d.hidden()),
                condition, sign, r.steps(), lr, initialLoss, r.finalLoss(), r.status(), r.seconds(), outputNorm, change,
                change / outputNorm, change <= outputNorm, rank,
                status == ApproximateActionRow.Status.OK && rank == d.samples(), lossAfter, w.layers(), data.x(),
                data.y(), status);
    }

    /** An {@code h x h} matrix of i.i.d. {@code N(0, std^2)} entries. */
    private static DMatrixRMaj gaussian(SplittableRandom rng, int h, double std) {
        DMatrixRMaj b = new DMatrixRMaj(h, h);
        for (int i = 0; i < b.data.length; i++) {
            b.data[i] = std * rng.nextGaussian();
        }
        return b;
    }
}
