package io.symsweep.experiment;

import io.symsweep.BuildInfo;
import io.symsweep.engine.Engine;
import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.model.WeightInit;
import io.symsweep.probe.AlphaGrid;
import io.symsweep.probe.BarrierCurve;
import io.symsweep.probe.ClosedForms;
import io.symsweep.probe.LinearInterpolationProbe;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.ConfigIds;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExperimentKind;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SpecField;
import io.symsweep.symmetry.RescalingAction;
import io.symsweep.table.BarrierRow;
import io.symsweep.table.BarriersTable;
import io.symsweep.table.MinimaTable;
import io.symsweep.table.Table;
import io.symsweep.table.MinimumRow;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingSettings;
import io.symsweep.train.TrainingStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code rescaling-barrier}: Proposition 5.3 and Figures 2 and 4 (Zhao et al. 2025). Train a bias-free MLP
 * with a homogeneous activation to a minimum {@code W} (stage 1, once per minimum), then for each factor
 * {@code m} rescale two adjacent layers, {@code W' = (..., m W_i, W_{i+1} m^-k, ...)}, which stays on the
 * minimum, and record the loss along the straight line from {@code W} to {@code W'} (stage 2). The
 * midpoint loss grows without bound in {@code m}, as Equation (15) predicts.
 */
public final class RescalingBarrier implements ExperimentKind {

    private static final long serialVersionUID = 1L;

    public static final String NAME = "rescaling-barrier";
    /** Largest width accepted in a spec; beyond it the dense engine is the wrong tool. */
    public static final int MAX_WIDTH = 4096;

    /** The keys the initial weights depend on; the engine and the optimiser settings are not among them. */
    private static final Set<String> INIT_KEYS =
            Set.of("seed", "architecture.widths", "training.init", "training.init_scale");

    private static final List<SpecField> FIELDS = List.of(
            SpecField.integerList("architecture.widths",
                    "[n_0, ..., n_l]: input features, hidden widths, outputs (W_i is n_i x n_{i-1})")
                    .required().checked(Check.listOf(3, Check.between(1, MAX_WIDTH),
                            "a list of at least 3 widths (2 layers), each between 1 and " + MAX_WIDTH)),
            SpecField.choice("architecture.activation", List.of("leaky_relu", "relu", "linear"),
                    "hidden activation, positively homogeneous of degree k = 1").defaultsTo("leaky_relu"),
            SpecField.number("architecture.slope", "negative slope of leaky_relu")
                    .defaultsTo(Activation.DEFAULT_SLOPE).checked(Check.inHalfOpen(0, 1)),
            SpecField.integer("data.samples", "samples: X is n_0 x samples, Y is n_l x samples, i.i.d. N(0,1)")
                    .required().checked(Check.between(1, 1_000_000)),
            SpecField.choice("training.engine", List.of("dense", "dl4j"),
                    "dense (fused Java kernel) or dl4j (the reference)").defaultsTo("dense"),
            SpecField.number("training.learning_rate", "full-batch SGD step size")
                    .required().checked(Check.greaterThan(0)),
            SpecField.integer("training.steps", "budget of SGD updates")
                    .required().checked(Check.between(0, 1_000_000_000)),
            SpecField.number("training.loss_tolerance", "stop when the loss falls below this (0: never)")
                    .defaultsTo(0.0).checked(Check.atLeast(0)),
            SpecField.choice("training.init", List.of("lecun_normal", "he_normal", "xavier_normal"),
                    "initial weight distribution").defaultsTo("lecun_normal"),
            SpecField.number("training.init_scale", "multiplier of the initial standard deviation")
                    .defaultsTo(1.0).checked(Check.greaterThan(0)),
            SpecField.number("probe.factors", "rescaling factors m (each one a configuration)").key("probe.factor")
                    .required().checked(Check.greaterThan(0)),
            SpecField.integer("probe.alpha_points", "points of the alpha grid on [0, 1]; odd, so 0.5 is on it")
                    .defaultsTo(25L).checked(new Check("an odd integer between 25 and 100001",
                            v -> (Long) v >= 25 && (Long) v <= 100_001 && (Long) v % 2 == 1)),
            SpecField.integer("probe.rescaled_layer",
                    "i: W_i is multiplied by m and W_{i+1} by m^-k (default l-1, the last two layers)")
                    .checked(Check.atLeast(1)));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SpecField> fields() {
        return FIELDS;
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(MinimaTable.INSTANCE, BarriersTable.INSTANCE);
    }

    @Override
    public Configuration normalize(Configuration c) {
        if (!c.getString("architecture.activation").equals("leaky_relu")) {
            c = c.with("architecture.slope", null);
        }
        if (!c.has("probe.rescaled_layer")) {
            c = c.with("probe.rescaled_layer", (long) (c.getIntArray("architecture.widths").length - 2));
        }
        return c;
    }

    @Override
    public void validate(Configuration c) {
        int layers = c.getIntArray("architecture.widths").length - 1;
        long i = c.getLong("probe.rescaled_layer");
        if (i > layers - 1) {
            throw new SpecException("probe.rescaled_layer", "must be between 1 and " + (layers - 1)
                    + " (the network " + Arrays.toString(c.getIntArray("architecture.widths")) + " has " + layers
                    + " layers), found " + i);
        }
    }

    /** The network a configuration describes. */
    public static MlpArchitecture architecture(Configuration c) {
        String kind = c.getString("architecture.activation");
        Activation a = kind.equals("leaky_relu") ? Activation.leakyRelu(c.getDouble("architecture.slope"))
                : new Activation(Activation.Kind.fromSpecName(kind), 0);
        return new MlpArchitecture(c.getIntArray("architecture.widths"), a);
    }

    /**
     * X and Y, i.i.d. N(0, 1), from the seed and the data's shape only: every configuration with the same
     * seed and shape fits the same data, whatever its training or probe settings.
     */
    public static RegressionData data(Configuration c) {
        MlpArchitecture arch = architecture(c);
        int samples = c.getInt("data.samples");
        String dataId = "gaussian/" + c.getLong("seed") + "/" + arch.inputs() + "x" + samples + "->" + arch.outputs();
        return RegressionData.gaussian(arch.inputs(), arch.outputs(), samples, ConfigIds.seed(dataId, "data"));
    }

    /**
     * The initial weights, drawn from the seed, the widths and the init distribution only: every
     * configuration with those in common starts from the same point, whatever its engine, learning rate,
     * step budget or activation, so a sweep over any of those compares runs from one start (and the dense
     * and DL4J engines can be held to the same minimum).
     */
    public static MlpParameters initialWeights(Configuration c) {
        String initId = c.project(INIT_KEYS::contains).id();
        return WeightInit.fromSpecName(c.getString("training.init"))
                .sample(architecture(c), c.getDouble("training.init_scale"), ConfigIds.seed(initId, "init"));
    }

    /** The minimum's configuration: everything but the probe settings. */
    public Configuration minimumOf(Configuration c) {
        return c.project(k -> !isProbeKey(k));
    }

    /** Stage 1: trains the minimum of {@code minimum} (a configuration without probe settings). */
    public MinimumRow train(Configuration minimum, String sweep) {
        MlpArchitecture arch = architecture(minimum);
        RegressionData data = data(minimum);
        String id = minimum.id();
        MlpParameters init = initialWeights(minimum);
        TrainingSettings settings = new TrainingSettings(minimum.getDouble("training.learning_rate"),
                minimum.getLong("training.steps"), minimum.getDouble("training.loss_tolerance"));
        Engine engine = Engine.named(minimum.getString("training.engine"));
        TrainingResult r = engine.train(init, data, settings);
        return new MinimumRow(id, sweep, NAME, minimum.getLong("seed"), arch.label(), engine.name(), r.steps(),
                r.finalLoss(), r.status().name(), r.seconds(), r.weights().layers(), data.yNorm2(),
                minimum.canonicalForm(), BuildInfo.version());
    }

    /** Stage 2: the barrier between the minimum and its rescaled copy for the probe settings of {@code c}. */
    public BarrierRow probe(Configuration c, MinimumRow minimum, String sweep) {
        MlpArchitecture arch = architecture(c);
        double m = c.getDouble("probe.factor");
        int layer = c.getInt("probe.rescaled_layer");
        double k = arch.activation().degree();
        double[] alphas = AlphaGrid.uniform(c.getInt("probe.alpha_points"));
        double closedForm = ClosedForms.rescalingMidpointLoss(m, k, minimum.yNorm2());
        MlpParameters w = new MlpParameters(arch, minimum.weights());
        String base = c.id();
        if (minimum.status().equals(TrainingStatus.DIVERGED.name()) || !w.isFinite()) {
            double[] nan = new double[alphas.length];
            Arrays.fill(nan, Double.NaN);
            return new BarrierRow(base, minimum.configId(), sweep, c.getLong("seed"), m, layer, alphas, nan,
                    Double.NaN, Double.NaN, closedForm, Double.NaN, "MINIMUM_DIVERGED", minimum.status(),
                    c.canonicalForm(), BuildInfo.version());
        }
        MlpParameters wPrime = RescalingAction.on(arch, layer).act(m, w);
        RegressionData data = data(c);
        Engine engine = Engine.named(c.getString("training.engine"));
        BarrierCurve curve = LinearInterpolationProbe.run(p -> engine.loss(p, data), w, wPrime, alphas);
        return new BarrierRow(base, minimum.configId(), sweep, c.getLong("seed"), m, layer, curve.alphas(),
                curve.losses(), curve.barrier(), curve.midpointLoss(), closedForm, w.distance(wPrime),
                curve.isFinite() ? "OK" : "NONFINITE", minimum.status(), c.canonicalForm(), BuildInfo.version());
    }
}
