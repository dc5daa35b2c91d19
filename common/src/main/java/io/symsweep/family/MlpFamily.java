package io.symsweep.family;

import io.symsweep.align.Aligners;
import io.symsweep.align.Alignment;
import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentProblem;
import io.symsweep.align.AlignmentStatus;
import io.symsweep.align.Repair;
import io.symsweep.align.TransformJson;
import io.symsweep.data.DataSplit;
import io.symsweep.data.Task;
import io.symsweep.mlp.BlasForward;
import io.symsweep.mlp.HiddenActivation;
import io.symsweep.mlp.MlpForward;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.mlp.MlpSymmetries;
import io.symsweep.mlp.MlpTrainer;
import io.symsweep.mlp.TrainedModel;
import io.symsweep.mlp.TrainingSpec;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SpecField;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * MLPs with biases (or deep linear nets) trained by DL4J ({@link MlpTrainer}), evaluated along segments by
 * {@link BlasForward} (held to {@link MlpForward}, itself held to DL4J), with the symmetry sites of {@link MlpSymmetries} and every aligner of
 * {@link Aligners}. Its fields: {@code model.widths}, {@code model.activation}, {@code model.bias},
 * {@code model.task} and the {@code training} section ({@link TrainingSpec}).
 */
public final class MlpFamily implements ModelFamily<MlpFamily.Model, DataSplit> {

    private static final long serialVersionUID = 1L;

    /** The family's name in {@code model.family}. */
    public static final String NAME = "mlp";

    /** Largest width of a layer. */
    public static final int MAX_WIDTH = 4096;

    public static final SpecField WIDTHS = SpecField.integerList("model.widths",
                    "n_0 (inputs) ... n_L (outputs), e.g. [64, 32, 32, 10]; a list of lists sweeps (required)")
            .checked(new Check("a list of at least 2 widths, each between 1 and " + MAX_WIDTH,
                    v -> v instanceof List<?> l && l.size() >= 2
                            && l.stream().allMatch(Check.between(1, MAX_WIDTH).holds())));
    public static final SpecField ACTIVATION = SpecField.choice("model.activation",
            List.of("relu", "gelu", "tanh", "linear"), "between hidden layers (default relu)");
    public static final SpecField BIAS = SpecField.bool("model.bias",
            "every layer has a bias (default true; a deep linear net is linear without biases)");
    public static final SpecField TASK = SpecField.choice("model.task", List.of("classification", "regression"),
            "softmax cross-entropy and accuracy, or mean squared error (default classification)");
    public static final SpecField OPTIMIZER = SpecField.choice("training.optimizer", List.of("adam", "sgd_momentum"),
            "DL4J's Adam (betas 0.9, 0.999) or SGD with Nesterov momentum (default adam)");
    public static final SpecField LEARNING_RATE = SpecField.number("training.learning_rate",
            "the initial learning rate (default 0.001)").checked(Check.greaterThan(0));
    public static final SpecField MOMENTUM = SpecField.number("training.momentum",
            "Nesterov momentum of sgd_momentum (default 0.9)").checked(Check.inHalfOpen(0, 1));
    public static final SpecField SCHEDULE = SpecField.choice("training.schedule",
            List.of("constant", "linear", "exponential"),
            "learning rate over the steps: constant, lr (1 - t/T), or lr 0.01^(t/T) (default constant)");
    public static final SpecField EPOCHS = SpecField.integer("training.epochs",
            "passes over the training set (default 20)").checked(Check.between(1, 1_000_000));
    public static final SpecField BATCH_SIZE = SpecField.integer("training.batch_size",
            "samples per step (default 64)").checked(Check.between(1, 1_000_000));
    public static final SpecField WEIGHT_DECAY = SpecField.number("training.weight_decay",
            "DL4J's weight decay on the weights, not the biases (default 0)").checked(Check.atLeast(0));
    public static final SpecField INIT_SCALE = SpecField.number("training.init_scale",
            "multiplies the initial weights' standard deviation, N(0, gain / fan_in), gain 2 for relu (default 1)")
            .checked(Check.greaterThan(0));

    private static final List<SpecField> FIELDS = List.of(WIDTHS, ACTIVATION, BIAS, TASK, OPTIMIZER, LEARNING_RATE,
            MOMENTUM, SCHEDULE, EPOCHS, BATCH_SIZE, WEIGHT_DECAY, INIT_SCALE);

    private static final Map<String, Object> DEFAULTS = defaultValues();

    private static Map<String, Object> defaultValues() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(ACTIVATION.configKey(), "relu");
        d.put(BIAS.configKey(), true);
        d.put(TASK.configKey(), "classification");
        d.put(OPTIMIZER.configKey(), "adam");
        d.put(LEARNING_RATE.configKey(), 1e-3);
        d.put(MOMENTUM.configKey(), 0.9);
        d.put(SCHEDULE.configKey(), "constant");
        d.put(EPOCHS.configKey(), 20L);
        d.put(BATCH_SIZE.configKey(), 64L);
        d.put(WEIGHT_DECAY.configKey(), 0.0);
        d.put(INIT_SCALE.configKey(), 1.0);
        return java.util.Collections.unmodifiableMap(d);
    }

    /**
     * One MLP model's settings.
     *
     * @param spec     the architecture
     * @param training how DL4J trains it
     */
    public record Model(MlpSpec spec, TrainingSpec training) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
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
    public Map<String, Object> defaults() {
        return DEFAULTS;
    }

    @Override
    public Configuration normalize(Configuration c) {
        Configuration normal = ModelFamily.super.normalize(c);
        // adam does not read training.momentum: one configuration whatever it says.
        return value(normal, OPTIMIZER).equals("adam") ? normal.with(MOMENTUM, null) : normal;
    }

    private static Object value(Configuration c, SpecField f) {
        Object v = c.value(f);
        return v != null ? v : DEFAULTS.get(f.configKey());
    }

    @Override
    public Model settings(Configuration c) {
        if (!c.has(WIDTHS)) {
            throw new SpecException(WIDTHS.path(), "missing; required for model.family mlp: " + WIDTHS.allowed()
                    + " (" + WIDTHS.doc() + ")");
        }
        int[] widths = c.integers(WIDTHS);
        HiddenActivation activation = HiddenActivation.fromSpecName((String) value(c, ACTIVATION));
        boolean bias = (Boolean) value(c, BIAS);
        Task task = Task.fromSpecName((String) value(c, TASK));
        MlpSpec spec;
        try {
            spec = new MlpSpec(widths, activation, bias, task);
        } catch (IllegalArgumentException e) {
            throw new SpecException(WIDTHS.path(), e.getMessage());
        }
        TrainingSpec.Optimizer optimizer = value(c, OPTIMIZER).equals("adam") ? TrainingSpec.Optimizer.ADAM
                : TrainingSpec.Optimizer.SGD;
        TrainingSpec training = new TrainingSpec(optimizer, (Double) value(c, LEARNING_RATE),
                optimizer == TrainingSpec.Optimizer.SGD ? (Double) value(c, MOMENTUM) : 0,
                Math.toIntExact((Long) value(c, BATCH_SIZE)), Math.toIntExact((Long) value(c, EPOCHS)),
                (Double) value(c, WEIGHT_DECAY), TrainingSpec.Schedule.fromSpecName((String) value(c, SCHEDULE)),
                (Double) value(c, INIT_SCALE));
        return new Model(spec, training);
    }

    @Override
    public Task task(Model m) {
        return m.spec().task();
    }

    @Override
    public void checkFits(Model m, int features, int outputs, Task task) {
        MlpSpec s = m.spec();
        if (s.task() != task) {
            throw new IllegalArgumentException("model.task is " + s.task().specName() + " but the data is for "
                    + task.specName());
        }
        if (s.width(0) != features || s.width(s.layers()) != outputs) {
            throw new IllegalArgumentException("model.widths " + Arrays.toString(s.widths()) + " must start with the "
                    + "data's " + features + " features and end with its " + outputs + " "
                    + (task == Task.CLASSIFICATION ? "classes" : "targets"));
        }
    }

    @Override
    public DataSplit data(Model settings, DataSplit split) {
        return split;
    }

    @Override
    public TrainedArtefact train(Model m, DataSplit data, long seed) {
        TrainedModel t = MlpTrainer.train(m.spec(), m.training(), data, seed);
        return new TrainedArtefact(m.spec().label(), m.spec().widestHidden(), "dl4j", t.parameters(),
                new SplitEvaluation(t.trainLoss(), t.testLoss(), t.trainAccuracy(), t.testAccuracy()), t.epochLosses(),
                t.steps(), t.seconds(), t.status() == TrainedModel.Status.DIVERGED);
    }

    @Override
    public SplitEvaluation evaluate(Model m, ParameterSet p, DataSplit data) {
        return evaluation(m.spec(), p, data);
    }

    private static SplitEvaluation evaluation(MlpSpec spec, ParameterSet p, DataSplit data) {
        MlpSpec s = spec.shapeOf(p);
        MlpForward.Evaluation tr = BlasForward.evaluate(s, p, data.train());
        MlpForward.Evaluation te = BlasForward.evaluate(s, p, data.test());
        return new SplitEvaluation(tr.loss(), te.loss(), tr.accuracy(), te.accuracy());
    }

    @Override
    public SymmetryDeclaration declaration(Model m) {
        return MlpSymmetries.declare(m.spec());
    }

    /** The class and method a request names, or a one-line error naming the allowed values. */
    private static SymmetryClass symmetryClass(String name) {
        for (SymmetryClass c : SymmetryClass.values()) {
            if (c.specName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("symmetry class " + name + " is not one of MLPs' classes: "
                + Arrays.stream(SymmetryClass.values()).map(SymmetryClass::specName).collect(Collectors.joining(", ")));
    }

    private static AlignmentMethod method(String name) {
        for (AlignmentMethod m : AlignmentMethod.values()) {
            if (m.specName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("method " + name + " is not one of MLPs' methods: "
                + Arrays.stream(AlignmentMethod.values()).map(AlignmentMethod::specName)
                        .collect(Collectors.joining(", ")));
    }

    @Override
    public void checkAlignment(Model a, Model b, AlignmentRequest r) {
        SymmetryClass c = symmetryClass(r.symmetryClass());
        AlignmentMethod m = method(r.method());
        if (r.headMode() != null) {
            throw new IllegalArgumentException("head mode " + r.headMode() + ": MLPs have no attention heads");
        }
        Aligners.check(a.spec(), c, m);
        if (c == SymmetryClass.SEMI_PERMUTATION && a.spec().equals(b.spec())) {
            throw new IllegalArgumentException("semi_permutation aligns a narrower model B into a wider model A; "
                    + "model B has A's widths " + Arrays.toString(a.spec().widths())
                    + " (give alignment.widths_b narrower hidden layers)");
        }
        if (c != SymmetryClass.SEMI_PERMUTATION && !a.spec().equals(b.spec())) {
            throw new IllegalArgumentException("only semi_permutation aligns models of different widths; "
                    + r.symmetryClass() + " takes model B with A's widths " + Arrays.toString(a.spec().widths()));
        }
        // the widths must allow it: same depth, inputs and outputs, B no wider at any hidden layer
        new AlignmentProblem(a.spec(), zero(a.spec()), b.spec(), zero(b.spec()), null, r.settings());
    }

    private static ParameterSet zero(MlpSpec s) {
        double[][] w = new double[s.layers()][];
        double[][] bias = new double[s.layers()][];
        for (int l = 1; l <= s.layers(); l++) {
            w[l - 1] = new double[s.width(l) * s.width(l - 1)];
            bias[l - 1] = new double[s.width(l)];
        }
        return s.parameters(w, s.bias() ? bias : null);
    }

    @Override
    public PairAlignment align(Model a, ParameterSet pa, Model b, ParameterSet pb, DataSplit data,
            AlignmentRequest r) {
        MlpSpec specA = a.spec();
        MlpSpec specB = b.spec();
        Alignment al = Aligners.of(symmetryClass(r.symmetryClass()), method(r.method()))
                .align(new AlignmentProblem(specA, pa, specB, pb, data.train(), r.settings()));
        String json = TransformJson.write(al.transforms());
        double before = specA.equals(specB) ? pa.distance(pb) : Double.NaN;
        Function<ParameterSet, SplitEvaluation> evaluator = p -> evaluation(specA, p, data);
        boolean failed = al.status() == AlignmentStatus.SINGULAR || al.status() == AlignmentStatus.NOT_FINITE;
        if (failed || !al.alignedSpec().equals(specA)) {
            return new PairAlignment(pa, null, evaluator, null, json, al.objective(), Double.NaN, before,
                    al.iterations(), al.seconds(), failed ? al.status().name() : AlignmentStatus.SINGULAR.name(),
                    failed ? al.detail() : "B' does not have A's widths", null);
        }
        ParameterSet aligned = al.aligned();
        double equivalence = equivalenceError(al.alignedSpec(), aligned, specB, pb, data);
        DoubleFunction<ParameterSet> repaired = new DoubleFunction<>() {
            private Repair repair;

            @Override
            public ParameterSet apply(double l) {
                if (repair == null) {
                    repair = Repair.prepare(specA, pa, aligned, data.train().featuresRowMajor(), data.train().size());
                }
                return repair.at(l);
            }
        };
        return new PairAlignment(pa, aligned, evaluator, repaired, json, al.objective(), equivalence, before,
                al.iterations(), al.seconds(), al.status().name(), al.detail(), null);
    }

    /** {@code max |f_p(x) - f_q(x)| / max |f_q(x)|} over the test inputs (outputs before softmax). */
    static double equivalenceError(MlpSpec sp, ParameterSet p, MlpSpec sq, ParameterSet q, DataSplit data) {
        double[] x = data.test().featuresRowMajor();
        int n = data.test().size();
        return MlpForward.maxRelativeDifference(MlpForward.outputs(sp, p, x, n), MlpForward.outputs(sq, q, x, n));
    }

    @Override
    public MemberAlignment alignTo(Model m, ParameterSet reference, ParameterSet member, DataSplit data,
            AlignmentRequest r) {
        Alignment al = Aligners.of(symmetryClass(r.symmetryClass()), method(r.method()))
                .align(AlignmentProblem.of(m.spec(), reference, member, data.train(), r.settings()));
        boolean failed = al.status() == AlignmentStatus.SINGULAR || al.status() == AlignmentStatus.NOT_FINITE;
        return new MemberAlignment(failed ? member : al.aligned(), TransformJson.write(al.transforms()),
                al.status().name());
    }
}
