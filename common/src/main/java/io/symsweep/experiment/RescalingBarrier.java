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
import io.symsweep.train.TrainingProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** The execution setting that overrides the dense engine's automatic batch size; not in any configuration. */
    public static final String BATCH_SIZE = "execution.batch_size";
    /** Largest {@value #BATCH_SIZE}. */
    public static final int MAX_BATCH = 65_536;

    private static final List<SpecField> FIELDS = List.of(
            SpecField.integerList("architecture.widths",
                    "[n_0, ..., n_l]: input features, hidden widths, outputs (W_i is n_i x n_{i-1})")
                    .required().checked(Check.listOf(3, Check.between(1, MAX_WIDTH),
                            "at least 3 widths (2 layers), each between 1 and " + MAX_WIDTH)),
            SpecField.choice("architecture.activation", List.of("leaky_relu", "relu", "linear"),
                    "hidden activation, positively homogeneous of degree k = 1").defaultsTo("leaky_relu"),
            SpecField.number("architecture.slope", "negative slope of leaky_relu")
                    .defaultsTo(Activation.DEFAULT_SLOPE).checked(Check.inHalfOpen(0, 1)),
            SpecField.integer("data.samples", "samples: X is n_0 x samples, Y is n_l x samples, i.i.d. N(0,1)")
                    .required().checked(Check.between(1, 1_000_000)),
            SpecField.choice("training.engine", List.of("dense", "dl4j"),
                    "dense (fused Java kernel) or dl4j (the reference)").defaultsTo("dense"),
            SpecField.number("training.learning_rate", "full-batch SGD step size")
                    .required().checked(Check.greaterThan(0).and(Check.finite())),
            SpecField.integer("training.steps", "budget of SGD updates")
                    .required().checked(Check.between(0, 1_000_000_000)),
            SpecField.number("training.loss_tolerance", "stop when the loss falls below this (0: never)")
                    .defaultsTo(0.0).checked(Check.atLeast(0).and(Check.finite())),
            SpecField.choice("training.init", List.of("lecun_normal", "he_normal", "xavier_normal"),
                    "initial weight distribution").defaultsTo("lecun_normal"),
            SpecField.number("training.init_scale", "multiplier of the initial standard deviation")
                    .defaultsTo(1.0).checked(Check.greaterThan(0).and(Check.finite())),
            SpecField.number("probe.factors", "rescaling factors m (each one a configuration)").key("probe.factor")
                    .required().checked(Check.greaterThan(0).and(Check.finite())),
            SpecField.integer("probe.alpha_points", "points of the alpha grid on [0, 1]; odd, so 0.5 is on it")
                    .defaultsTo(25L).checked(new Check("an odd integer between 25 and 100001",
                            v -> (Long) v >= 25 && (Long) v <= 100_001 && (Long) v % 2 == 1)),
            SpecField.integer("probe.rescaled_layer",
                    "i: W_i is multiplied by m and W_{i+1} by m^-k (default l-1, the last two layers)")
                    .checked(Check.atLeast(1)),
            SpecField.integer(BATCH_SIZE, "networks the dense engine trains or probes at once, rounded up to "
                    + "whole SIMD vectors (default: automatic); changes speed, never results")
                    .unhashed().checked(Check.between(1, MAX_BATCH)));

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

    /** The minimum's configuration: everything but the probe settings. */
    public Configuration minimumOf(Configuration c) {
        return c.project(k -> !isProbeKey(k));
    }

    /**
     * The seed of the initial weights: from the minimum's id with the engine left out, so the dense and
     * DL4J engines start from the same weights and can be compared.
     */
    public static long initSeed(Configuration minimum) {
        return ConfigIds.seed(minimum.with("training.engine", null).id(), "init");
    }

    /** Stage 1: trains the minimum of {@code minimum} (a configuration without probe settings). */
    public MinimumRow train(Configuration minimum, String sweep) {
        return trainAll(List.of(minimum), sweep, 0).get(0);
    }

    /**
     * Stage 1 for many minima at once, rows in the order of {@code minima}. The dense engine trains minima
     * of the same shape (architecture and samples) as batches; every row is bitwise the one
     * {@link #train} gives alone, but {@code train_seconds}, which for a batched minimum is its batch's
     * wall time divided by the batch's size.
     *
     * @param batch networks trained at once ({@value #BATCH_SIZE}); 0 for the engine's automatic choice
     */
    public List<MinimumRow> trainAll(List<Configuration> minima, String sweep, int batch) {
        Map<String, List<Integer>> byEngine = new LinkedHashMap<>();
        List<TrainingProblem> problems = new ArrayList<>();
        for (int i = 0; i < minima.size(); i++) {
            Configuration minimum = minima.get(i);
            MlpArchitecture arch = architecture(minimum);
            MlpParameters init = WeightInit.fromSpecName(minimum.getString("training.init"))
                    .sample(arch, minimum.getDouble("training.init_scale"), initSeed(minimum));
            TrainingSettings settings = new TrainingSettings(minimum.getDouble("training.learning_rate"),
                    minimum.getLong("training.steps"), minimum.getDouble("training.loss_tolerance"));
            problems.add(new TrainingProblem(init, data(minimum), settings));
            byEngine.computeIfAbsent(minimum.getString("training.engine"), k -> new ArrayList<>()).add(i);
        }
        MinimumRow[] rows = new MinimumRow[minima.size()];
        for (Map.Entry<String, List<Integer>> e : byEngine.entrySet()) {
            Engine engine = Engine.named(e.getKey());
            List<TrainingResult> results = engine.trainAll(e.getValue().stream().map(problems::get).toList(), batch);
            for (int j = 0; j < results.size(); j++) {
                int i = e.getValue().get(j);
                Configuration minimum = minima.get(i);
                TrainingResult r = results.get(j);
                RegressionData data = problems.get(i).data();
                rows[i] = new MinimumRow(minimum.id(), sweep, NAME, minimum.getLong("seed"),
                        r.weights().architecture().label(), engine.name(), r.steps(), r.finalLoss(), r.status().name(),
                        r.seconds(), r.weights().layers(), data.yNorm2(), minimum.canonicalForm(), BuildInfo.version());
            }
        }
        return List.of(rows);
    }

    /** Stage 2: the barrier between the minimum and its rescaled copy for the probe settings of {@code c}. */
    public BarrierRow probe(Configuration c, MinimumRow minimum, String sweep) {
        return probeAll(List.of(c), minimum, sweep, 0).get(0);
    }

    /**
     * Stage 2 for every probe setting of one minimum at once, rows in the order of {@code cs}: all factors
     * times all alphas are one batch of loss evaluations for the engine; every row is bitwise the one
     * {@link #probe} gives alone.
     *
     * @param batch networks evaluated at once ({@value #BATCH_SIZE}); 0 for the engine's automatic choice
     */
    public List<BarrierRow> probeAll(List<Configuration> cs, MinimumRow minimum, String sweep, int batch) {
        BarrierRow[] rows = new BarrierRow[cs.size()];
        if (cs.isEmpty()) {
            return List.of();
        }
        MlpArchitecture arch = architecture(cs.get(0));
        MlpParameters w = new MlpParameters(arch, minimum.weights());
        boolean diverged = minimum.status().equals(TrainingStatus.DIVERGED.name()) || !w.isFinite();
        // One batch per engine and alpha grid; in a sweep all probes of a minimum share its engine.
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < cs.size(); i++) {
            Configuration c = cs.get(i);
            if (!minimumOf(c).id().equals(minimum.configId())) {
                throw new IllegalArgumentException("configuration " + c.id() + " does not probe minimum "
                        + minimum.configId());
            }
            groups.computeIfAbsent(c.getString("training.engine") + "/" + c.getLong("probe.alpha_points"),
                    k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : groups.values()) {
            Configuration first = cs.get(group.get(0));
            double[] alphas = AlphaGrid.uniform(first.getInt("probe.alpha_points"));
            double k = arch.activation().degree();
            List<MlpParameters> ends = new ArrayList<>();
            double[][] losses = null;
            if (!diverged) {
                for (int i : group) {
                    ends.add(new RescalingAction(cs.get(i).getInt("probe.rescaled_layer"), k)
                            .act(cs.get(i).getDouble("probe.factor"), w));
                }
                losses = Engine.named(first.getString("training.engine"))
                        .lineLosses(w, ends, alphas, data(first), batch);
            }
            for (int j = 0; j < group.size(); j++) {
                int i = group.get(j);
                rows[i] = row(cs.get(i), minimum, sweep, alphas, w, diverged ? null : ends.get(j),
                        diverged ? null : losses[j]);
            }
        }
        return List.of(rows);
    }

    /** The barrier row of {@code c}; {@code losses} null when the minimum diverged. */
    private static BarrierRow row(Configuration c, MinimumRow minimum, String sweep, double[] alphas,
            MlpParameters w, MlpParameters wPrime, double[] losses) {
        double m = c.getDouble("probe.factor");
        int layer = c.getInt("probe.rescaled_layer");
        double closedForm = ClosedForms.rescalingMidpointLoss(m, w.architecture().activation().degree(),
                minimum.yNorm2());
        if (losses == null) {
            double[] nan = new double[alphas.length];
            Arrays.fill(nan, Double.NaN);
            return new BarrierRow(c.id(), minimum.configId(), sweep, c.getLong("seed"), m, layer, alphas, nan,
                    Double.NaN, Double.NaN, closedForm, Double.NaN, "MINIMUM_DIVERGED", minimum.status(),
                    c.canonicalForm(), BuildInfo.version());
        }
        BarrierCurve curve = LinearInterpolationProbe.curve(alphas, losses);
        return new BarrierRow(c.id(), minimum.configId(), sweep, c.getLong("seed"), m, layer, curve.alphas(),
                curve.losses(), curve.barrier(), curve.midpointLoss(), closedForm, w.distance(wPrime),
                curve.isFinite() ? "OK" : "NONFINITE", minimum.status(), c.canonicalForm(), BuildInfo.version());
    }
}
