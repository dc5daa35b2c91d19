package io.symsweep.experiment;

import io.symsweep.BuildInfo;
import io.symsweep.engine.DenseEngine;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.model.WeightInit;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.ConfigIds;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SpecField;
import io.symsweep.sweep.SpecValues;
import io.symsweep.table.ComponentRow;
import io.symsweep.table.ComponentSampleRow;
import io.symsweep.table.ComponentSamplesTable;
import io.symsweep.table.ComponentsTable;
import io.symsweep.table.Table;
import io.symsweep.topology.ComponentSurvey;
import io.symsweep.topology.DeepLinearComponents;
import io.symsweep.topology.MinimumHomeomorphism;
import io.symsweep.topology.ResidualComponents;
import io.symsweep.topology.ResidualNet;
import io.symsweep.topology.SignPattern;
import io.symsweep.topology.SurveyStatus;
import io.symsweep.train.GaussNewtonPolish;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingSettings;
import io.symsweep.train.TrainingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code components}: the connected components of the minimum (Zhao et al. 2025, Section 4 and 5.1). One
 * configuration is one network and data set with {@code samples} samples counted together:
 * <ul>
 *   <li>{@code linear}: {@code ||Y - W_l ... W_1 X||_F^2} with {@code h x h} weights and Gaussian {@code X},
 *       {@code Y} redrawn until both smallest singular values exceed {@code data.min_singular_value}. Each
 *       sample is trained by full-batch gradient descent (the dense engine, linear activation) from its own
 *       initialisation; the converged minima are counted by {@link DeepLinearComponents}: {@code 2^(l-1)}
 *       components (Corollary 4.2), 1 up to permutation (Proposition 5.2).</li>
 *   <li>{@code residual}: the 1-D net {@code (Y - W3 (W2 W1 X + eps X))^2} with scalar {@code X}, {@code Y};
 *       points drawn on the minimum are joined by low-loss segments ({@link ResidualComponents}): 4
 *       components for {@code eps = 0}, 3 otherwise (Proposition 4.3, Figure 1).</li>
 * </ul>
 * Rows: one in {@code components}, one per sample in {@code component_samples}.
 */
public final class Components implements IndependentExperiment {

    private static final long serialVersionUID = 1L;

    public static final String NAME = "components";
    public static final String LINEAR = "linear";
    public static final String RESIDUAL = "residual";
    /** Largest {@code l}: {@code 2^(l-1)} classes must stay within reach of sampling. */
    public static final int MAX_LAYERS = 10;
    /** Largest {@code h}. */
    public static final int MAX_WIDTH = 16;
    /** Data draws tried before a configuration is {@code DATA_REJECTED}. */
    public static final int MAX_DATA_DRAWS = 1000;

    /** Defaults filled in by {@link #normalize} for the fields of one architecture type. */
    static final Map<String, Object> LINEAR_DEFAULTS = Map.ofEntries(
            Map.entry("data.min_singular_value", 0.5),
            Map.entry("training.learning_rate", 0.01),
            Map.entry("training.steps", 20_000L),
            Map.entry("training.tolerance", 1e-24),
            Map.entry("training.polish_from", 1e-8),
            Map.entry("training.polish_steps", 20L),
            Map.entry("training.init", "lecun_normal"),
            Map.entry("training.init_scale", 1.0),
            Map.entry("connectivity.grid_points", 101L),
            Map.entry("connectivity.path_tolerance", 1e-20));
    static final Map<String, Object> RESIDUAL_DEFAULTS = Map.of(
            "data.x", 1.0,
            "data.y", 1.0,
            "connectivity.neighbors", 10L,
            "connectivity.join_tolerance", 0.25);

    private static final Check NON_ZERO = new Check("non-zero and finite", v -> {
        double d = ((Number) v).doubleValue();
        return d != 0 && Double.isFinite(d);
    });

    /** {@code 0 < v < 1}. */
    private static final Check UNIT_INTERVAL = new Check("in (0, 1)", v -> {
        double d = ((Number) v).doubleValue();
        return d > 0 && d < 1;
    });

    private static final List<SpecField> FIELDS = List.of(
            SpecField.choice("architecture.type", List.of(LINEAR, RESIDUAL),
                    "linear: ||Y - W_l ... W_1 X||^2, h x h weights (Corollary 4.2); residual: the 1-D net "
                            + "(Y - W3 (W2 W1 X + eps X))^2 (Proposition 4.3)").defaultsTo(LINEAR),
            SpecField.integer("architecture.layers", "l, the number of weight matrices (linear; residual: 3)")
                    .checked(Check.between(2, MAX_LAYERS)),
            SpecField.integer("architecture.width", "h, the width of every layer (linear; residual: 1)")
                    .checked(Check.between(1, MAX_WIDTH)),
            SpecField.number("architecture.eps", "the skip connection's weight (residual only)"),
            SpecField.number("data.min_singular_value",
                    "linear: X and Y are redrawn until both smallest singular values exceed this (default 0.5)")
                    .checked(new Check("in (0, 10]", v -> {
                        double d = ((Number) v).doubleValue();
                        return d > 0 && d <= 10;
                    })),
            SpecField.number("data.x", "residual: the input X (default 1)").checked(NON_ZERO),
            SpecField.number("data.y", "residual: the target Y (default 1)").checked(NON_ZERO),
            SpecField.integer("sampling.samples",
                    "linear: initialisations trained; residual: points drawn on the minimum")
                    .required().checked(Check.between(1, 100_000)),
            SpecField.bool("sampling.up_to_permutation",
                    "linear, h >= 2: count components up to permutations of hidden units (Proposition 5.2)")
                    .defaultsTo(false),
            SpecField.number("training.learning_rate", "linear: full-batch gradient-descent step (default 0.01)")
                    .checked(Check.greaterThan(0)),
            SpecField.integer("training.steps", "linear: budget of updates per sample (default 20000)")
                    .checked(Check.between(0, 100_000_000)),
            SpecField.number("training.tolerance",
                    "linear: a run converges when its loss falls below this times ||Y||_F^2 (default 1e-24)")
                    .checked(Check.greaterThan(0)),
            SpecField.number("training.polish_from", "linear: gradient descent stops below this times ||Y||_F^2 "
                    + "and Gauss-Newton polishing takes over (default 1e-8)")
                    .checked(Check.greaterThan(0)),
            SpecField.integer("training.polish_steps",
                    "linear: budget of Gauss-Newton polishing steps (default 20; 0: gradient descent only)")
                    .checked(Check.between(0, 1000)),
            SpecField.choice("training.init", List.of("lecun_normal", "he_normal", "xavier_normal"),
                    "linear: initial weight distribution (default lecun_normal)"),
            SpecField.number("training.init_scale", "linear: multiplier of the initial standard deviation (default 1)")
                    .checked(Check.greaterThan(0)),
            SpecField.integer("connectivity.grid_points",
                    "linear: points of t in [0, 1] checked on each path (default 101)")
                    .checked(Check.between(2, 100_001)),
            SpecField.number("connectivity.path_tolerance",
                    "linear: largest loss on a path within a class, times ||Y||_F^2 (default 1e-20)")
                    .checked(new Check("in (0, 1E-6]", v -> {
                        double d = ((Number) v).doubleValue();
                        return d > 0 && d <= 1e-6;
                    })),
            SpecField.integer("connectivity.neighbors",
                    "residual: nearest points each point is joined to when the segment is low (default 10)")
                    .checked(Check.between(1, 1000)),
            SpecField.number("connectivity.join_tolerance",
                    "residual: largest loss on a joining segment, times Y^2; below 1, the crossing loss (default 0.25)")
                    .checked(UNIT_INTERVAL));

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
        return List.of(ComponentsTable.INSTANCE, ComponentSamplesTable.INSTANCE);
    }

    @Override
    public Configuration normalize(Configuration c) {
        boolean linear = c.getString("architecture.type").equals(LINEAR);
        if (linear && c.has("architecture.eps") && c.getDouble("architecture.eps") == 0) {
            c = c.with("architecture.eps", null);
        }
        if (!linear) {
            c = fill(c, "architecture.layers", 3L);
            c = fill(c, "architecture.width", 1L);
        }
        for (Map.Entry<String, Object> e : (linear ? LINEAR_DEFAULTS : RESIDUAL_DEFAULTS).entrySet()) {
            c = fill(c, e.getKey(), e.getValue());
        }
        return c;
    }

    private static Configuration fill(Configuration c, String key, Object value) {
        return c.has(key) ? c : c.with(key, value);
    }

    @Override
    public void validate(Configuration c) {
        boolean linear = c.getString("architecture.type").equals(LINEAR);
        String type = c.getString("architecture.type");
        if (linear) {
            for (String key : List.of("architecture.layers", "architecture.width")) {
                if (!c.has(key)) {
                    throw new SpecException(key, "missing; required for architecture.type linear: "
                            + field(key).allowed() + " (" + field(key).doc() + ")");
                }
            }
            if (c.has("architecture.eps")) {
                throw new SpecException("architecture.eps", "the skip connection belongs to architecture.type "
                        + "residual; the linear net has eps = 0, found "
                        + SpecValues.show(c.getDouble("architecture.eps")));
            }
            rejectOthers(c, RESIDUAL_DEFAULTS, type);
            if (c.getBoolean("sampling.up_to_permutation") && c.getLong("architecture.width") < 2) {
                throw new SpecException("sampling.up_to_permutation", "needs architecture.width >= 2 (S_1 has no odd "
                        + "permutation; Proposition 5.2), found width 1");
            }
            double training = c.getDouble("training.tolerance");
            double path = c.getDouble("connectivity.path_tolerance");
            if (training > path) {
                throw new SpecException("training.tolerance", "must be <= connectivity.path_tolerance ("
                        + SpecValues.show(path) + ") so that a trained minimum can end a verified path, found "
                        + SpecValues.show(training));
            }
        } else {
            if (c.getLong("architecture.layers") != 3) {
                throw new SpecException("architecture.layers", "the residual net of Proposition 4.3 has 3 layers; "
                        + "leave it out or give 3, found " + c.getLong("architecture.layers"));
            }
            if (c.getLong("architecture.width") != 1) {
                throw new SpecException("architecture.width", "the residual net of Proposition 4.3 is 1-D; leave it "
                        + "out or give 1, found " + c.getLong("architecture.width"));
            }
            if (!c.has("architecture.eps")) {
                throw new SpecException("architecture.eps", "missing; required for architecture.type residual: "
                        + field("architecture.eps").allowed() + " (the skip connection's weight; 0 removes it)");
            }
            if (c.getBoolean("sampling.up_to_permutation")) {
                throw new SpecException("sampling.up_to_permutation", "the 1-D residual net has no hidden units to "
                        + "permute; leave it out or give false, found true");
            }
            rejectOthers(c, LINEAR_DEFAULTS, type);
        }
    }

    /** The fields of the other architecture type must not be given. */
    private static void rejectOthers(Configuration c, Map<String, Object> otherDefaults, String type) {
        for (SpecField f : FIELDS) {
            if (otherDefaults.containsKey(f.configKey()) && c.has(f.configKey())) {
                throw new SpecException(f.path(), "does not apply to architecture.type " + type + " ("
                        + f.doc() + "); leave it out, found " + SpecValues.show(valueOf(c, f)));
            }
        }
    }

    private static Object valueOf(Configuration c, SpecField f) {
        return switch (f.type()) {
            case INTEGER -> c.getLong(f.configKey());
            case NUMBER -> c.getDouble(f.configKey());
            case BOOLEAN -> c.getBoolean(f.configKey());
            default -> c.getString(f.configKey());
        };
    }

    private static SpecField field(String path) {
        return FIELDS.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    @Override
    public List<TableRows<?>> run(Configuration c, String sweep) {
        return c.getString("architecture.type").equals(LINEAR) ? runLinear(c, sweep) : runResidual(c, sweep);
    }

    /**
     * X and Y ({@code h x h}, i.i.d. N(0, 1)) from the seed and {@code h} only, redrawn until both smallest
     * singular values exceed the threshold; {@code null} when {@link #MAX_DATA_DRAWS} draws all fail.
     */
    public static RegressionData data(Configuration c) {
        int h = c.getInt("architecture.width");
        double threshold = c.getDouble("data.min_singular_value");
        for (int draw = 0; draw < MAX_DATA_DRAWS; draw++) {
            String dataId = "square-gaussian/" + c.getLong("seed") + "/" + h + "/" + draw;
            RegressionData d = RegressionData.gaussian(h, h, h, ConfigIds.seed(dataId, "data"));
            if (MinimumHomeomorphism.smallestSingularValue(new DMatrixRMaj(h, h, true, d.x())) > threshold
                    && MinimumHomeomorphism.smallestSingularValue(new DMatrixRMaj(h, h, true, d.y())) > threshold) {
                return d;
            }
        }
        return null;
    }

    /** The settings of the count, not of the trained minima: connectivity checks and permutation. */
    @Override
    public boolean isProbeKey(String configKey) {
        return configKey.startsWith("connectivity.") || configKey.equals("sampling.up_to_permutation");
    }

    /**
     * The id the initialisations derive from: the configuration without its probe keys and sample count, so a
     * count up to permutation classifies the very minima of the plain count, and more samples extend the same
     * sequence.
     */
    public static String trainingId(Configuration c) {
        Components kind = new Components();
        return c.project(k -> !kind.isProbeKey(k) && !k.equals("sampling.samples")).id();
    }

    /**
     * Trains sample {@code k} of a linear configuration: full-batch gradient descent (the dense engine) from the
     * sample's initialisation until the loss is below {@code polish_from ||Y||^2}, then Gauss-Newton polishing
     * ({@link GaussNewtonPolish}) to {@code tolerance ||Y||^2}. Gradient descent decides which minimum is
     * reached; polishing moves it by {@code O(sqrt(loss))} only.
     */
    public static TrainedSample train(Configuration c, MlpArchitecture arch, RegressionData data, int k) {
        MlpParameters init = WeightInit.fromSpecName(c.getString("training.init"))
                .sample(arch, c.getDouble("training.init_scale"), ConfigIds.seed(trainingId(c), "init/" + k));
        double tolerance = c.getDouble("training.tolerance") * data.yNorm2();
        int polishSteps = c.getInt("training.polish_steps");
        double handOver = polishSteps > 0 ? Math.max(tolerance, c.getDouble("training.polish_from") * data.yNorm2())
                : tolerance;
        TrainingSettings settings = new TrainingSettings(c.getDouble("training.learning_rate"),
                c.getLong("training.steps"), handOver);
        TrainingResult gd = new DenseEngine().train(init, data, settings);
        if (gd.status() != TrainingStatus.CONVERGED || gd.finalLoss() < tolerance) {
            return new TrainedSample(gd, 0);
        }
        long start = System.nanoTime();
        GaussNewtonPolish.Result p = GaussNewtonPolish.polish(gd.weights(), data, tolerance, polishSteps);
        TrainingStatus status = p.loss() < tolerance ? TrainingStatus.CONVERGED
                : Double.isFinite(p.loss()) ? TrainingStatus.NOT_CONVERGED : TrainingStatus.DIVERGED;
        double seconds = gd.seconds() + (System.nanoTime() - start) * 1e-9;
        return new TrainedSample(new TrainingResult(p.weights(), gd.steps(), p.loss(), status, seconds), p.steps());
    }

    /**
     * One trained sample.
     *
     * @param result      the weights after descent and polishing, their loss and status ({@code steps}: descent)
     * @param polishSteps Gauss-Newton steps taken
     */
    public record TrainedSample(TrainingResult result, int polishSteps) {
    }

    private List<TableRows<?>> runLinear(Configuration c, String sweep) {
        int l = c.getInt("architecture.layers");
        int h = c.getInt("architecture.width");
        int samples = c.getInt("sampling.samples");
        boolean permute = c.getBoolean("sampling.up_to_permutation");
        int predicted = permute ? 1 : SignPattern.count(l - 1);
        RegressionData data = data(c);
        if (data == null) {
            ComponentRow row = new ComponentRow(c.id(), sweep, c.getLong("seed"), LINEAR, l, h, 0.0, permute, samples,
                    0, 0, null, 0, predicted, 0, 0, Double.NaN, Double.NaN, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                    SurveyStatus.DATA_REJECTED.name(), c.canonicalForm(), BuildInfo.version());
            return List.of(TableRows.of(ComponentsTable.INSTANCE, row),
                    new TableRows<>(ComponentSamplesTable.INSTANCE, List.of()));
        }
        MinimumHomeomorphism f = new MinimumHomeomorphism(data, l);
        List<TrainedSample> trained = new ArrayList<>(samples);
        List<TrainingResult> runs = new ArrayList<>(samples);
        for (int k = 0; k < samples; k++) {
            trained.add(train(c, f.architecture(), data, k));
            runs.add(trained.get(k).result());
        }
        ComponentSurvey s = DeepLinearComponents.survey(f, runs, permute, c.getInt("connectivity.grid_points"),
                c.getDouble("connectivity.path_tolerance") * data.yNorm2());
        List<ComponentSampleRow> sampleRows = new ArrayList<>(samples);
        for (int k = 0; k < samples; k++) {
            TrainingResult r = runs.get(k);
            sampleRows.add(sampleRow(c, sweep, k, r.status().name(), r.steps(), trained.get(k).polishSteps(),
                    s.outcomes().get(k)));
        }
        return rows(c, sweep, LINEAR, l, h, 0.0, permute, s, data.yNorm2(), sampleRows);
    }

    private List<TableRows<?>> runResidual(Configuration c, String sweep) {
        ResidualNet net = new ResidualNet(c.getDouble("architecture.eps"), c.getDouble("data.x"),
                c.getDouble("data.y"));
        long seed = ConfigIds.seed(c.project(k -> !k.startsWith("connectivity.")).id(), "points");
        ComponentSurvey s = ResidualComponents.survey(net, c.getInt("sampling.samples"),
                c.getInt("connectivity.neighbors"), c.getDouble("connectivity.join_tolerance"), seed);
        List<ComponentSampleRow> sampleRows = new ArrayList<>(s.outcomes().size());
        for (int k = 0; k < s.outcomes().size(); k++) {
            ComponentSurvey.SampleOutcome o = s.outcomes().get(k);
            sampleRows.add(sampleRow(c, sweep, k, o.onMinimum() ? "ON_MINIMUM" : "OFF_MINIMUM", 0, 0, o));
        }
        return rows(c, sweep, RESIDUAL, 3, 1, net.eps(), false, s, net.y() * net.y(), sampleRows);
    }

    private static ComponentSampleRow sampleRow(Configuration c, String sweep, int k, String status, long steps,
            int polishSteps, ComponentSurvey.SampleOutcome o) {
        return new ComponentSampleRow(c.id(), sweep, c.getLong("seed"), k, status, steps, polishSteps, o.loss(),
                o.pattern() == null ? null : o.pattern().label(), o.component(), o.permutation(), o.weights(),
                c.canonicalForm(), BuildInfo.version());
    }

    private static List<TableRows<?>> rows(Configuration c, String sweep, String architecture, int l, int h,
            double eps, boolean permute, ComponentSurvey s, double yNorm2, List<ComponentSampleRow> samples) {
        ComponentRow row = new ComponentRow(c.id(), sweep, c.getLong("seed"), architecture, l, h, eps, permute,
                s.samples(), s.converged(), s.classesFound(), s.componentsMeasured(), s.componentsVerified(),
                s.componentsPredicted(), s.pathsVerified(), s.pathsFailed(), s.maxLossWithinPaths(),
                s.minLossAtCrossings(), s.crossingsCertified(), s.crossingsFailed(), s.crossingBound(),
                s.pathTolerance(), yNorm2, s.status().name(), c.canonicalForm(), BuildInfo.version());
        return List.of(TableRows.of(ComponentsTable.INSTANCE, row),
                new TableRows<>(ComponentSamplesTable.INSTANCE, samples));
    }
}
