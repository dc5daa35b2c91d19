package io.symsweep.experiment;

import io.symsweep.BuildInfo;
import io.symsweep.engine.Engine;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.probe.AlphaGrid;
import io.symsweep.probe.BarrierCurve;
import io.symsweep.probe.ClosedForms;
import io.symsweep.probe.LinearInterpolationProbe;
import io.symsweep.probe.PermutationBarrierProbe;
import io.symsweep.probe.PermutedBarrier;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.ConfigIds;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExperimentKind;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SpecField;
import io.symsweep.sweep.SpecValues;
import io.symsweep.symmetry.HiddenUnits;
import io.symsweep.symmetry.Permutation;
import io.symsweep.symmetry.PermutationAction;
import io.symsweep.symmetry.RescalingAction;
import io.symsweep.table.BarrierRow;
import io.symsweep.table.BarriersTable;
import io.symsweep.table.MinimaTable;
import io.symsweep.table.Table;
import io.symsweep.table.MinimumRow;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingStatus;
import io.symsweep.train.TrainingProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code rescaling-barrier}: Proposition 5.3 and Figures 2 and 4 (Zhao et al. 2025). Train a bias-free MLP
 * with a homogeneous activation to a minimum {@code W} (stage 1, once per minimum), then for each factor
 * {@code m} rescale two adjacent layers, {@code W' = (..., m W_i, W_{i+1} m^-k, ...)}, which stays on the
 * minimum, and record the loss along the straight line from {@code W} to {@code W'} (stage 2). The
 * midpoint loss grows without bound in {@code m}, as Equation (15) predicts; it still does when the rescaled
 * layer's units are permuted for the lowest barrier (Proposition 5.4, {@code probe.permutation: best}), and it
 * stays below Eq. (14)'s maximum when the factors are confined to {@code [1/c, c]} (Proposition 5.6,
 * {@code probe.factor_range: c}).
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

    /** {@code probe.permutation}: the rescaled copy as it is, or permuted for the lowest barrier (Prop 5.4). */
    public static final String IDENTITY = "identity";
    public static final String BEST = "best";
    /** {@code search} of a row that evaluated the identity only. */
    public static final String SEARCH_NONE = "none";

    private static final List<SpecField> FIELDS = declareFields();

    private static List<SpecField> declareFields() {
        List<SpecField> f = new ArrayList<>(List.of(
                SpecField.integerList("architecture.widths",
                        "[n_0, ..., n_l]: input features, hidden widths, outputs (W_i is n_i x n_{i-1})")
                        .required().checked(Check.listOf(3, Check.between(1, MAX_WIDTH),
                                "a list of at least 3 widths (2 layers), each between 1 and " + MAX_WIDTH))));
        f.addAll(ActivationFields.fields(List.of("leaky_relu", "relu", "linear"), "leaky_relu",
                "hidden activation, positively homogeneous of degree k = 1"));
        f.addAll(List.of(
                SpecField.integer("data.samples", "samples: X is n_0 x samples, Y is n_l x samples, i.i.d. N(0,1)")
                        .required().checked(Check.between(1, 1_000_000))));
        f.addAll(TrainingFields.GRADIENT_DESCENT);
        f.addAll(List.of(
                SpecField.number("probe.factors", "rescaling factors m (each one a configuration)").key("probe.factor")
                        .required().checked(Check.greaterThan(0)),
                SpecField.integer("probe.alpha_points", "points of the alpha grid on [0, 1]; odd, so 0.5 is on it")
                        .defaultsTo(25L).checked(new Check("an odd integer between 25 and 100001",
                                v -> (Long) v >= 25 && (Long) v <= 100_001 && (Long) v % 2 == 1)),
                SpecField.integer("probe.rescaled_layer",
                        "i: W_i is multiplied by m and W_{i+1} by m^-k (default l-1, the last two layers)")
                        .checked(Check.atLeast(1)),
                SpecField.choice("probe.permutation", List.of(IDENTITY, BEST),
                        "identity: interpolate to m . W as it is; best: to P (m . W) for the permutation P of the "
                        + "rescaled layer's units with the lowest barrier (Prop 5.4)").defaultsTo(IDENTITY),
                SpecField.number("probe.factor_range",
                        "c >= 1: the orbit restricted to factors in [1/c, c] (Prop 5.6); every factor must lie in it, "
                        + "and rows carry the bound max over that range of Eq. (14)")
                        .checked(Check.atLeast(1)),
                SpecField.integer(BATCH_SIZE, "networks the dense engine trains or probes at once, rounded up to "
                        + "whole SIMD vectors (default: automatic); changes speed, never results")
                        .unhashed().checked(Check.between(1, MAX_BATCH))));
        return List.copyOf(f);
    }

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

    /**
     * Drops the slope of activations other than leaky ReLU, fills in the default rescaled layer, and drops
     * {@code probe.permutation: identity}: the identity is the absence of a permutation, so configurations
     * without one keep the ids they had before the field existed.
     */
    @Override
    public Configuration normalize(Configuration c) {
        c = ActivationFields.normalize(c);
        if (!c.has("probe.rescaled_layer")) {
            c = c.with("probe.rescaled_layer", (long) (c.getIntArray("architecture.widths").length - 2));
        }
        if (IDENTITY.equals(c.values().get("probe.permutation"))) {
            c = c.with("probe.permutation", null);
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
        if (c.has("probe.factor_range")) {
            double range = c.getDouble("probe.factor_range");
            double m = c.getDouble("probe.factor");
            if (!(m >= 1 / range && m <= range)) {
                throw new SpecException("probe.factors", "must lie in [1/c, c] = [" + SpecValues.decimal(1 / range)
                        + ", " + SpecValues.decimal(range) + "] since probe.factor_range is " + SpecValues.decimal(range)
                        + ", found " + SpecValues.decimal(m));
            }
        }
    }

    /** {@code probe.permutation} of a normalised configuration: {@link #IDENTITY} or {@link #BEST}. */
    public static String permutation(Configuration c) {
        return c.has("probe.permutation") ? c.getString("probe.permutation") : IDENTITY;
    }

    /** The network a configuration describes. */
    public static MlpArchitecture architecture(Configuration c) {
        return new MlpArchitecture(c.getIntArray("architecture.widths"), ActivationFields.activation(c));
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
        return TrainingFields.initial(c, architecture(c));
    }

    /** The minimum's configuration: everything but the probe settings. */
    public Configuration minimumOf(Configuration c) {
        return c.project(k -> !isProbeKey(k));
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
            problems.add(new TrainingProblem(TrainingFields.initial(minimum, arch), data(minimum),
                    TrainingFields.settings(minimum)));
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

    /**
     * Stage 2: the barrier between the minimum and its rescaled copy for the probe settings of {@code c}; with
     * {@code probe.permutation: best}, the lowest barrier over permutations of the rescaled layer's units
     * ({@link PermutationBarrierProbe}: exhaustive up to width 7, else the identity and a Kuhn-Munkres matching).
     */
    public BarrierRow probe(Configuration c, MinimumRow minimum, String sweep) {
        return probeAll(List.of(c), minimum, sweep, 0).get(0);
    }

    /**
     * Stage 2 for every probe setting of one minimum at once, rows in the order of {@code cs}. The probes that
     * interpolate to the rescaled copy as it is ({@code permutation: identity}) are, per engine and alpha grid,
     * one batch of loss evaluations (all factors times all alphas); {@code permutation: best} probes search
     * their candidate permutations one network at a time. Every row is bitwise the one {@link #probe} gives
     * alone.
     *
     * @param batch networks evaluated at once ({@value #BATCH_SIZE}); 0 for the engine's automatic choice
     */
    public List<BarrierRow> probeAll(List<Configuration> cs, MinimumRow minimum, String sweep, int batch) {
        if (cs.isEmpty()) {
            return List.of();
        }
        BarrierRow[] rows = new BarrierRow[cs.size()];
        MlpArchitecture arch = architecture(cs.get(0));
        MlpParameters w = new MlpParameters(arch, minimum.weights());
        boolean diverged = minimum.status().equals(TrainingStatus.DIVERGED.name()) || !w.isFinite();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < cs.size(); i++) {
            Configuration c = cs.get(i);
            if (!minimumOf(c).id().equals(minimum.configId())) {
                throw new IllegalArgumentException("configuration " + c.id() + " does not probe minimum "
                        + minimum.configId());
            }
            if (diverged) {
                rows[i] = divergedRow(c, minimum, sweep, arch);
            } else if (permutation(c).equals(BEST)) {
                rows[i] = bestPermutationRow(c, minimum, sweep, w);
            } else {
                // In a sweep all probes of a minimum share its engine; the alpha grid may differ.
                groups.computeIfAbsent(c.getString("training.engine") + "/" + c.getLong("probe.alpha_points"),
                        k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> group : groups.values()) {
            Configuration first = cs.get(group.get(0));
            double[] alphas = AlphaGrid.uniform(first.getInt("probe.alpha_points"));
            List<MlpParameters> ends = new ArrayList<>();
            for (int i : group) {
                ends.add(RescalingAction.on(arch, cs.get(i).getInt("probe.rescaled_layer"))
                        .act(cs.get(i).getDouble("probe.factor"), w));
            }
            double[][] losses = Engine.named(first.getString("training.engine"))
                    .lineLosses(w, ends, alphas, data(first), batch);
            for (int j = 0; j < group.size(); j++) {
                Configuration c = cs.get(group.get(j));
                BarrierCurve curve = LinearInterpolationProbe.curve(alphas, losses[j]);
                rows[group.get(j)] = row(c, minimum, sweep, w, ends.get(j), curve, curve, SEARCH_NONE, 1,
                        Permutation.identity(arch.width(c.getInt("probe.rescaled_layer"))));
            }
        }
        return List.of(rows);
    }

    /** Proposition 5.4: the lowest barrier over permutations of the rescaled layer's units. */
    private static BarrierRow bestPermutationRow(Configuration c, MinimumRow minimum, String sweep, MlpParameters w) {
        MlpArchitecture arch = w.architecture();
        int layer = c.getInt("probe.rescaled_layer");
        double[] alphas = AlphaGrid.uniform(c.getInt("probe.alpha_points"));
        RegressionData data = data(c);
        Engine engine = Engine.named(c.getString("training.engine"));
        ToDoubleFunction<MlpParameters> loss = p -> engine.loss(p, data);
        MlpParameters wPrime = RescalingAction.on(arch, layer).act(c.getDouble("probe.factor"), w);
        PermutedBarrier p = PermutationBarrierProbe.run(loss, w, wPrime, HiddenUnits.of(arch, layer), alphas);
        MlpParameters permuted = new PermutationAction(HiddenUnits.of(arch, layer)).act(p.permutation(), wPrime);
        return row(c, minimum, sweep, w, permuted, p.best(), p.identity(), p.search().name().toLowerCase(Locale.ROOT),
                p.candidates(), p.permutation());
    }

    /** The row of a measured probe: {@code curve} to {@code wPrime}, {@code identity} to the unpermuted copy. */
    private static BarrierRow row(Configuration c, MinimumRow minimum, String sweep, MlpParameters w,
            MlpParameters wPrime, BarrierCurve curve, BarrierCurve identity, String search, int candidates,
            Permutation best) {
        double k = w.architecture().activation().degree();
        Double range = factorRange(c);
        return new BarrierRow(c.id(), minimum.configId(), sweep, c.getLong("seed"), c.getDouble("probe.factor"),
                c.getInt("probe.rescaled_layer"), permutation(c), curve.alphas(), curve.losses(), curve.barrier(),
                curve.midpointLoss(), ClosedForms.rescalingMidpointLoss(c.getDouble("probe.factor"), k, minimum.yNorm2()),
                w.distance(wPrime), search, candidates, best.images(), identity.barrier(), range,
                range == null ? null : ClosedForms.rescalingLossBound(range, k, minimum.yNorm2()),
                curve.isFinite() ? "OK" : "NONFINITE", minimum.status(), c.canonicalForm(), BuildInfo.version());
    }

    /** The row of a probe whose minimum diverged: nothing to measure, the closed forms still stated. */
    private static BarrierRow divergedRow(Configuration c, MinimumRow minimum, String sweep, MlpArchitecture arch) {
        double k = arch.activation().degree();
        int layer = c.getInt("probe.rescaled_layer");
        double[] alphas = AlphaGrid.uniform(c.getInt("probe.alpha_points"));
        double[] nan = new double[alphas.length];
        Arrays.fill(nan, Double.NaN);
        Double range = factorRange(c);
        return new BarrierRow(c.id(), minimum.configId(), sweep, c.getLong("seed"), c.getDouble("probe.factor"), layer,
                permutation(c), alphas, nan, Double.NaN, Double.NaN,
                ClosedForms.rescalingMidpointLoss(c.getDouble("probe.factor"), k, minimum.yNorm2()), Double.NaN,
                SEARCH_NONE, 0, Permutation.identity(arch.width(layer)).images(), Double.NaN, range,
                range == null ? null : ClosedForms.rescalingLossBound(range, k, minimum.yNorm2()), "MINIMUM_DIVERGED",
                minimum.status(), c.canonicalForm(), BuildInfo.version());
    }

    private static Double factorRange(Configuration c) {
        return c.has("probe.factor_range") ? c.getDouble("probe.factor_range") : null;
    }
}
