package io.symsweep.experiment;

import io.symsweep.experiment.IndependentExperiment.TableRows;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.sweep.KeyDependencies;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SpecField;
import io.symsweep.sweep.SpecValues;
import io.symsweep.table.ComponentRow;
import io.symsweep.table.ComponentSampleRow;
import io.symsweep.table.Provenance;
import io.symsweep.topology.ComponentSurvey;
import io.symsweep.topology.PathComponentCount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code components}: the connected components of the minimum (Zhao et al. 2025, Section 4 and 5.1). One
 * configuration is one network and data set with {@code samples} samples counted together. The kind holds two
 * experiments under one spec, chosen by {@code architecture.type}: {@link LinearComponentCount} (Corollary 4.2,
 * Proposition 5.2) and {@link ResidualComponentCount} (Proposition 4.3, Figure 1). This class is the spec: the fields
 * of both, the defaults of each type, and the checks that a field of the other type is not given.
 * Rows: one in {@code components}, one per sample in {@code component_samples}.
 */
public final class Components extends DeclaredExperiment implements IndependentExperiment {

    private static final long serialVersionUID = 1L;

    public static final String NAME = "components";
    public static final String LINEAR = "linear";
    public static final String RESIDUAL = "residual";
    /** Largest {@code l}: {@code 2^(l-1)} classes must stay within reach of sampling. */
    public static final int MAX_LAYERS = 10;
    /** Largest {@code h}. */
    public static final int MAX_WIDTH = 16;
    /** The section of the connectivity checks: settings of the count, not of the trained minima. */
    static final String CONNECTIVITY_SECTION = "connectivity.";

    private static final Check NON_ZERO = new Check("non-zero and finite", v -> {
        double d = ((Number) v).doubleValue();
        return d != 0 && Double.isFinite(d);
    });

    static final SpecField TYPE = SpecField.choice("architecture.type", List.of(LINEAR, RESIDUAL),
            "linear: ||Y - W_l ... W_1 X||^2, h x h weights (Corollary 4.2); residual: the 1-D net "
                    + "(Y - W3 (W2 W1 X + eps X))^2 (Proposition 4.3)").defaultsTo(LINEAR);
    static final SpecField LAYERS = SpecField.integer("architecture.layers",
            "l, the number of weight matrices (linear; residual: 3)").checked(Check.between(2, MAX_LAYERS));
    static final SpecField WIDTH = SpecField.integer("architecture.width",
            "h, the width of every layer (linear; residual: 1)").checked(Check.between(1, MAX_WIDTH));
    static final SpecField EPS = SpecField.number("architecture.eps", "the skip connection's weight (residual only)");
    static final SpecField MIN_SINGULAR_VALUE = SpecField.number("data.min_singular_value",
                    "linear: X and Y are redrawn until both smallest singular values exceed this (default 0.5)")
            .checked(Check.inLeftOpen(0, 10));
    static final SpecField DATA_X = SpecField.number("data.x", "residual: the input X (default 1)").checked(NON_ZERO);
    static final SpecField DATA_Y = SpecField.number("data.y", "residual: the target Y (default 1)").checked(NON_ZERO);
    static final SpecField SAMPLES = SpecField.integer("sampling.samples",
                    "linear: initialisations trained; residual: points drawn on the minimum")
            .required().checked(Check.between(1, 100_000));
    static final SpecField UP_TO_PERMUTATION = SpecField.bool("sampling.up_to_permutation",
                    "linear, h >= 2: count components up to permutations of hidden units (Proposition 5.2)")
            .defaultsTo(false);
    static final SpecField LEARNING_RATE = SpecField.number("training.learning_rate",
            "linear: full-batch gradient-descent step (default 0.01)").checked(Check.greaterThan(0));
    static final SpecField STEPS = SpecField.integer("training.steps",
            "linear: budget of updates per sample (default 20000)").checked(Check.between(0, 100_000_000));
    static final SpecField TOLERANCE = SpecField.number("training.tolerance",
                    "linear: a run converges when its loss falls below this times ||Y||_F^2 (default 1e-24)")
            .checked(Check.greaterThan(0));
    static final SpecField POLISH_FROM = SpecField.number("training.polish_from",
                    "linear: gradient descent stops below this times ||Y||_F^2 and Gauss-Newton polishing takes over "
                            + "(default 1e-8)")
            .checked(Check.greaterThan(0));
    static final SpecField POLISH_STEPS = SpecField.integer("training.polish_steps",
                    "linear: budget of Gauss-Newton polishing steps (default 20; 0: gradient descent only)")
            .checked(Check.between(0, 1000));
    static final SpecField INIT = SpecField.choice("training.init", List.of("lecun_normal", "he_normal",
            "xavier_normal"), "linear: initial weight distribution (default lecun_normal)");
    static final SpecField INIT_SCALE = SpecField.number("training.init_scale",
            "linear: multiplier of the initial standard deviation (default 1)").checked(Check.greaterThan(0));
    static final SpecField GRID_POINTS = SpecField.integer("connectivity.grid_points",
            "linear: points of t in [0, 1] checked on each path (default 101)").checked(Check.between(2, 100_001));
    static final SpecField PATH_TOLERANCE = SpecField.number("connectivity.path_tolerance",
                    "linear: largest loss on a path within a class, times ||Y||_F^2 (default 1e-20)")
            .checked(new Check("in (0, 1E-6]", Check.inLeftOpen(0, 1e-6).holds()));
    static final SpecField INDEPENDENT_COUNT = SpecField.bool("connectivity.independent_count",
                    "linear: also count the components without theory, by pulled-back paths and union-find "
                            + "(not up to permutation; default true)")
            .defaultsTo(true);
    static final SpecField NEIGHBORS = SpecField.integer("connectivity.neighbors",
                    "residual: nearest points each point is joined to when the segment is low (default 10)")
            .checked(Check.between(1, 1000));
    static final SpecField JOIN_TOLERANCE = SpecField.number("connectivity.join_tolerance",
                    "residual: largest loss on a joining segment, times Y^2; below 1, the crossing loss (default 0.25)")
            .checked(Check.inOpen(0, 1));

    private static final List<SpecField> FIELDS = List.of(TYPE, LAYERS, WIDTH, EPS, MIN_SINGULAR_VALUE, DATA_X,
            DATA_Y, SAMPLES, UP_TO_PERMUTATION, LEARNING_RATE, STEPS, TOLERANCE, POLISH_FROM, POLISH_STEPS, INIT,
            INIT_SCALE, GRID_POINTS, PATH_TOLERANCE, INDEPENDENT_COUNT, NEIGHBORS, JOIN_TOLERANCE);

    /** Defaults filled in by {@link #normalize} for the fields of one architecture type. */
    static final Map<SpecField, Object> LINEAR_DEFAULTS = ordered(MIN_SINGULAR_VALUE, 0.5, LEARNING_RATE, 0.01,
            STEPS, 20_000L, TOLERANCE, 1e-24, POLISH_FROM, 1e-8, POLISH_STEPS, 20L, INIT, "lecun_normal", INIT_SCALE,
            1.0, GRID_POINTS, 101L, PATH_TOLERANCE, 1e-20);
    static final Map<SpecField, Object> RESIDUAL_DEFAULTS = ordered(DATA_X, 1.0, DATA_Y, 1.0, NEIGHBORS, 10L,
            JOIN_TOLERANCE, 0.25);

    private static Map<SpecField, Object> ordered(Object... fieldsAndValues) {
        Map<SpecField, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            m.put((SpecField) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return m;
    }

    public Components() {
        super(NAME, FIELDS, List.of(ComponentRow.TABLE, ComponentSampleRow.TABLE));
    }

    private static boolean linear(Configuration c) {
        return c.text(TYPE).equals(LINEAR);
    }

    /**
     * Four: one configuration is a whole (l, h) cell, its samples trained and its components counted. That is
     * seconds at {@code paper} scale, but at {@code --scale large} (2,000 initialisations, l up to 8) a batch of all
     * 42 cells of {@code corollary42} ran over 45 minutes on local[2] and a stopped run kept none of it.
     */
    @Override
    public int firstBatch() {
        return 4;
    }

    /**
     * Fills in the defaults of the type, drops {@code eps: 0} of the linear net, and drops
     * {@code connectivity.independent_count: true}: the count that field turns off is made by default, so
     * configurations that do not set it keep the ids they had before the field existed.
     */
    @Override
    public Configuration normalize(Configuration c) {
        boolean linear = linear(c);
        if (linear && c.has(EPS) && c.number(EPS) == 0) {
            c = c.with(EPS, null);
        }
        if (Boolean.TRUE.equals(c.value(INDEPENDENT_COUNT))) {
            c = c.with(INDEPENDENT_COUNT, null);
        }
        if (!linear) {
            c = fill(c, LAYERS, 3L);
            c = fill(c, WIDTH, 1L);
        }
        for (Map.Entry<SpecField, Object> e : (linear ? LINEAR_DEFAULTS : RESIDUAL_DEFAULTS).entrySet()) {
            c = fill(c, e.getKey(), e.getValue());
        }
        return c;
    }

    private static Configuration fill(Configuration c, SpecField field, Object value) {
        return c.has(field) ? c : c.with(field, value);
    }

    /**
     * Normalisation reads the type, the layers, width and eps, the fields each type defaults and
     * {@code connectivity.independent_count} (its default is left out of the id); validation is one
     * rule over those and {@code sampling.up_to_permutation}.
     */
    @Override
    public java.util.Optional<KeyDependencies> dependencies() {
        List<SpecField> normalized = new ArrayList<>(List.of(TYPE, LAYERS, WIDTH, EPS));
        normalized.addAll(LINEAR_DEFAULTS.keySet());
        normalized.addAll(RESIDUAL_DEFAULTS.keySet());
        normalized.add(INDEPENDENT_COUNT);
        List<SpecField> rule = new ArrayList<>(normalized);
        rule.add(UP_TO_PERMUTATION);
        return java.util.Optional.of(KeyDependencies.of(normalized, List.of(rule)));
    }

    @Override
    public void validate(Configuration c) {
        String type = c.text(TYPE);
        if (linear(c)) {
            for (SpecField f : List.of(LAYERS, WIDTH)) {
                if (!c.has(f)) {
                    throw new SpecException(f.path(), "missing; required for architecture.type linear: "
                            + f.allowed() + " (" + f.doc() + ")");
                }
            }
            if (c.has(EPS)) {
                throw new SpecException(EPS.path(), "the skip connection belongs to architecture.type "
                        + "residual; the linear net has eps = 0, found " + SpecValues.show(c.number(EPS)));
            }
            rejectOthers(c, RESIDUAL_DEFAULTS, type);
            LinearComponentCount.Settings s = LinearComponentCount.Settings.parse(c);
            if (s.upToPermutation() && s.width() < 2) {
                throw new SpecException(UP_TO_PERMUTATION.path(), "needs architecture.width >= 2 (S_1 has no odd "
                        + "permutation; Proposition 5.2), found width 1");
            }
            if (s.tolerance() > s.pathTolerance()) {
                throw new SpecException(TOLERANCE.path(), "must be <= connectivity.path_tolerance ("
                        + SpecValues.show(s.pathTolerance()) + ") so that a trained minimum can end a verified path, "
                        + "found " + SpecValues.show(s.tolerance()));
            }
        } else {
            if (c.integer(LAYERS) != 3) {
                throw new SpecException(LAYERS.path(), "the residual net of Proposition 4.3 has 3 layers; "
                        + "leave it out or give 3, found " + c.integer(LAYERS));
            }
            if (c.integer(WIDTH) != 1) {
                throw new SpecException(WIDTH.path(), "the residual net of Proposition 4.3 is 1-D; leave it "
                        + "out or give 1, found " + c.integer(WIDTH));
            }
            if (!c.has(EPS)) {
                throw new SpecException(EPS.path(), "missing; required for architecture.type residual: "
                        + EPS.allowed() + " (the skip connection's weight; 0 removes it)");
            }
            if (c.flag(UP_TO_PERMUTATION)) {
                throw new SpecException(UP_TO_PERMUTATION.path(), "the 1-D residual net has no hidden units to "
                        + "permute; leave it out or give false, found true");
            }
            if (c.has(INDEPENDENT_COUNT)) {
                throw new SpecException(INDEPENDENT_COUNT.path(), "does not apply to architecture.type residual "
                        + "(its count by joining segments is already free of theory); leave it out, found false");
            }
            rejectOthers(c, LINEAR_DEFAULTS, type);
        }
    }

    /** The fields of the other architecture type must not be given. */
    private static void rejectOthers(Configuration c, Map<SpecField, Object> otherDefaults, String type) {
        for (SpecField f : FIELDS) {
            if (otherDefaults.containsKey(f) && c.has(f)) {
                throw new SpecException(f.path(), "does not apply to architecture.type " + type + " ("
                        + f.doc() + "); leave it out, found " + SpecValues.show(c.value(f)));
            }
        }
    }

    @Override
    public List<TableRows<?>> run(Configuration c, String sweep, ExecutionSettings execution) {
        return linear(c) ? LinearComponentCount.run(LinearComponentCount.Settings.parse(c), sweep)
                : ResidualComponentCount.run(ResidualComponentCount.Settings.parse(c), sweep);
    }

    /** The row of a sample of {@code c}. */
    static ComponentSampleRow sampleRow(Configuration c, String sweep, int k, ComponentSampleRow.Status status,
            long steps, int polishSteps, ComponentSurvey.SampleOutcome o) {
        return new ComponentSampleRow(Provenance.of(c, sweep), k, status, steps, polishSteps, o.loss(),
                o.pattern() == null ? null : o.pattern().label(), o.component(), o.permutation(), o.weights());
    }

    /** The rows of a surveyed configuration without an independent count: its count and its samples. */
    static List<TableRows<?>> rows(Configuration c, String sweep, String architecture, int l, int h, double eps,
            boolean permute, ComponentSurvey s, double yNorm2, double[] x, double[] y, List<ComponentSampleRow> samples) {
        return rows(c, sweep, architecture, l, h, eps, permute, s, null, Double.NaN, yNorm2, x, y, samples);
    }

    /**
     * The rows of a surveyed configuration: its count, the independent count ({@code null} when not made; its
     * path tolerance in {@code independentTolerance}) and its samples.
     */
    static List<TableRows<?>> rows(Configuration c, String sweep, String architecture, int l, int h, double eps,
            boolean permute, ComponentSurvey s, PathComponentCount.Result independent, double independentTolerance,
            double yNorm2, double[] x, double[] y, List<ComponentSampleRow> samples) {
        boolean counted = independent != null;
        ComponentRow row = new ComponentRow(Provenance.of(c, sweep), architecture, l, h, eps, permute, s.samples(),
                s.converged(), s.classesFound(), s.componentsMeasured(), s.componentsVerified(),
                s.componentsPredicted(), counted ? independent.components() : null,
                counted ? independent.attempts() : null, counted ? independent.joins() : null,
                counted ? independent.retractions() : null, counted ? independent.maxLossOnJoins() : null,
                counted ? independentTolerance : null, s.pathsVerified(), s.pathsFailed(), s.maxLossWithinPaths(),
                s.minLossAtCrossings(), s.crossingsCertified(), s.crossingsFailed(), s.crossingBound(),
                s.pathTolerance(), yNorm2, s.status(), x, y);
        return List.of(TableRows.of(ComponentRow.TABLE, row), new TableRows<>(ComponentSampleRow.TABLE, samples));
    }
}
