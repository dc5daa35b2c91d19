package io.symsweep.transformer;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentSettings;
import io.symsweep.align.AlignmentStatus;
import io.symsweep.align.TransformJson;
import io.symsweep.data.DataSplit;
import io.symsweep.data.LabelledData;
import io.symsweep.data.SupervisedData;
import io.symsweep.data.Task;
import io.symsweep.family.AlignmentRequest;
import io.symsweep.family.MemberAlignment;
import io.symsweep.family.ModelFamily;
import io.symsweep.family.PairAlignment;
import io.symsweep.family.SplitEvaluation;
import io.symsweep.family.TrainedArtefact;
import io.symsweep.naming.SpecName;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SpecField;
import io.symsweep.transformer.TransformerArchitecture.Attention;
import io.symsweep.transformer.TransformerArchitecture.Nonlinearity;
import io.symsweep.transformer.TransformerArchitecture.Norm;
import io.symsweep.transformer.TransformerArchitecture.Pooling;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tiny transformers of this package as {@code alignment} families ({@link ModelFamily}), trained by SameDiff in
 * float64: {@code vit} (a ViT on the digits, {@code data.source: digits}, each 8x8 image cut into patches) and
 * {@code gpt} (a causal transformer on a generated algorithmic task, {@code data.source: sequences}, whose rows carry
 * each sequence's input tokens as features and its next-token targets, {@code -1} where none, as regression targets).
 * Their aligners are {@link TransformerAligners}' (Theus et al. 2025): {@code symmetry_class} one of {@code none},
 * {@code permutation}, {@code permutation+orthogonal}, {@code permutation+orthogonal+invertible}, the last with a
 * {@code head_mode} ({@code factorised} or {@code circuit}). Every alignment first folds the norms
 * ({@code NormFolding}; the segment's endpoints are the folded A and B'), and circuit mode probes the segment in the
 * merged-circuit architecture (its label ends in {@code +circuit}).
 */
public final class TransformerFamily implements ModelFamily<TransformerFamily.Model, TransformerFamily.Data> {

    private static final long serialVersionUID = 1L;

    /** Side of the digits' images. */
    public static final int DIGITS_SIDE = 8;

    public static final SpecField D_MODEL = SpecField.integer("model.d_model", "the residual stream's width (required)")
            .checked(Check.between(1, 4096));
    public static final SpecField LAYERS = SpecField.integer("model.layers", "transformer blocks (default 2)")
            .checked(Check.between(1, 64));
    public static final SpecField HEADS = SpecField.integer("model.heads", "attention heads per block (default 4)")
            .checked(Check.between(1, 256));
    public static final SpecField D_HEAD = SpecField.integer("model.d_head", "width of each head (default 8)")
            .checked(Check.between(1, 1024));
    public static final SpecField MLP_RATIO = SpecField.integer("model.mlp_ratio",
            "the MLP's hidden width d_mlp = ratio * d_model (default 2)").checked(Check.between(1, 64));
    public static final SpecField NORM = SpecField.choice("model.norm", List.of("rmsnorm", "layernorm"),
            "the norm before attention, the MLP and the head (default rmsnorm)");
    public static final SpecField ACTIVATION = SpecField.choice("model.activation", List.of("gelu", "relu"),
            "the MLP's activation (default gelu)");
    public static final SpecField PATCH = SpecField.integer("model.patch",
            "vit: the side of a patch, dividing 8 (default 2: 16 tokens)").checked(Check.between(1, 8));
    public static final SpecField POOLING = SpecField.choice("model.pooling", List.of("mean", "class_token"),
            "vit: mean over the tokens or a class token (default mean)");
    public static final SpecField EPOCHS = SpecField.integer("training.epochs", "passes over the training set "
            + "(default 20)").checked(Check.between(1, 1_000_000));
    public static final SpecField BATCH_SIZE = SpecField.integer("training.batch_size",
            "samples per step (default 64)").checked(Check.between(1, 1_000_000));
    public static final SpecField LEARNING_RATE = SpecField.number("training.learning_rate",
            "Adam's peak rate, after warm-up, then cosine decay to 0 (default 0.003)").checked(Check.greaterThan(0));
    public static final SpecField WARMUP_EPOCHS = SpecField.integer("training.warmup_epochs",
            "epochs of linear warm-up (default 2)").checked(Check.between(0, 1_000_000));
    public static final SpecField WEIGHT_DECAY = SpecField.number("training.weight_decay",
            "decoupled weight decay (default 0)").checked(Check.atLeast(0));

    /** The two families. */
    public enum Kind implements SpecName {
        VIT, GPT
    }

    private final Kind kind;
    private final List<SpecField> fields;
    private final Map<String, Object> defaults;

    public TransformerFamily(Kind kind) {
        this.kind = kind;
        this.fields = kind == Kind.VIT
                ? List.of(D_MODEL, LAYERS, HEADS, D_HEAD, MLP_RATIO, NORM, ACTIVATION, PATCH, POOLING, EPOCHS,
                        BATCH_SIZE, LEARNING_RATE, WARMUP_EPOCHS, WEIGHT_DECAY)
                : List.of(D_MODEL, LAYERS, HEADS, D_HEAD, MLP_RATIO, NORM, ACTIVATION, EPOCHS, BATCH_SIZE,
                        LEARNING_RATE, WARMUP_EPOCHS, WEIGHT_DECAY);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(LAYERS.configKey(), 2L);
        d.put(HEADS.configKey(), 4L);
        d.put(D_HEAD.configKey(), 8L);
        d.put(MLP_RATIO.configKey(), 2L);
        d.put(NORM.configKey(), "rmsnorm");
        d.put(ACTIVATION.configKey(), "gelu");
        if (kind == Kind.VIT) {
            d.put(PATCH.configKey(), 2L);
            d.put(POOLING.configKey(), "mean");
        }
        d.put(EPOCHS.configKey(), 20L);
        d.put(BATCH_SIZE.configKey(), 64L);
        d.put(LEARNING_RATE.configKey(), 3e-3);
        d.put(WARMUP_EPOCHS.configKey(), 2L);
        d.put(WEIGHT_DECAY.configKey(), 0.0);
        this.defaults = java.util.Collections.unmodifiableMap(d);
    }

    /**
     * One transformer's settings. The architecture's sizes that come from the data (a ViT's classes, a language
     * model's vocabulary and length) are completed by {@link #data}; {@code vocabulary} is the language model's.
     *
     * @param arch     the architecture (for {@code gpt}, of the vocabulary and length the data section names)
     * @param epochs   passes over the training set
     * @param batch    samples per step
     * @param rate     Adam's peak rate
     * @param warmup   epochs of warm-up
     * @param decay    weight decay
     */
    public record Model(TransformerArchitecture arch, int epochs, int batch, double rate, int warmup, double decay)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /** The schedule on {@code trainSamples} samples. */
        TrainingSchedule schedule(int trainSamples) {
            int stepsPerEpoch = (trainSamples + batch - 1) / batch;
            return new TrainingSchedule(epochs, batch, rate, warmup * stepsPerEpoch, decay);
        }
    }

    /** The family's view of a split: both halves as SameDiff's sequences. */
    public record Data(SequenceData train, SequenceData test) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public String name() {
        return kind.specName();
    }

    @Override
    public List<SpecField> fields() {
        return fields;
    }

    @Override
    public Map<String, Object> defaults() {
        return defaults;
    }

    private Object value(Configuration c, SpecField f) {
        Object v = c.value(f);
        return v != null ? v : defaults.get(f.configKey());
    }

    private int integer(Configuration c, SpecField f) {
        return Math.toIntExact((Long) value(c, f));
    }

    /** The vocabulary and length of a {@code sequences} data section: {V, T}. */
    static int[] sequenceShape(Configuration c) {
        Object task = c.values().getOrDefault(SEQUENCE_TASK_KEY, "reversal");
        if ("modular_addition".equals(task)) {
            long p = (Long) c.values().getOrDefault(SEQUENCE_SYMBOLS_KEY, 23L);
            return new int[] {Math.toIntExact(p) + 2, 4};
        }
        long n = (Long) c.values().getOrDefault(SEQUENCE_LENGTH_KEY, 5L);
        long k = (Long) c.values().getOrDefault(SEQUENCE_SYMBOLS_KEY, 8L);
        return new int[] {Math.toIntExact(k) + 1, Math.toIntExact(2 * n)};
    }

    /** The config keys of the {@code sequences} data source's fields (declared by the {@code alignment} kind). */
    public static final String SEQUENCE_TASK_KEY = "data.sequences.task";
    public static final String SEQUENCE_LENGTH_KEY = "data.sequences.length";
    public static final String SEQUENCE_SYMBOLS_KEY = "data.sequences.symbols";

    @Override
    public Model settings(Configuration c) {
        if (!c.has(D_MODEL)) {
            throw new SpecException(D_MODEL.path(), "missing; required for model.family " + name() + ": "
                    + D_MODEL.allowed() + " (" + D_MODEL.doc() + ")");
        }
        int d = Math.toIntExact(c.integer(D_MODEL));
        Norm norm = value(c, NORM).equals("layernorm") ? Norm.LAYER_NORM : Norm.RMS_NORM;
        Object act = value(c, ACTIVATION);
        if (!act.equals("gelu") && !act.equals("relu")) {
            throw new SpecException(ACTIVATION.path(), "must be one of gelu, relu for model.family " + name()
                    + ", found " + act);
        }
        Nonlinearity nl = act.equals("gelu") ? Nonlinearity.GELU : Nonlinearity.RELU;
        TransformerArchitecture arch;
        try {
            if (kind == Kind.VIT) {
                arch = TransformerArchitecture.vit(DIGITS_SIDE, integer(c, PATCH), io.symsweep.data.Digits.CLASSES, d,
                        integer(c, LAYERS), integer(c, HEADS), integer(c, D_HEAD), integer(c, MLP_RATIO) * d, norm, nl,
                        value(c, POOLING).equals("mean") ? Pooling.MEAN : Pooling.CLASS_TOKEN);
            } else {
                int[] shape = sequenceShape(c);
                arch = TransformerArchitecture.causal(shape[0], shape[1], d, integer(c, LAYERS), integer(c, HEADS),
                        integer(c, D_HEAD), integer(c, MLP_RATIO) * d, norm, nl);
            }
        } catch (IllegalArgumentException e) {
            throw new SpecException(e.getMessage().startsWith("patch") ? PATCH.path() : D_MODEL.path(),
                    e.getMessage());
        }
        return new Model(arch, integer(c, EPOCHS), integer(c, BATCH_SIZE), (Double) value(c, LEARNING_RATE),
                integer(c, WARMUP_EPOCHS), (Double) value(c, WEIGHT_DECAY));
    }

    @Override
    public Task task(Model m) {
        return kind == Kind.VIT ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    @Override
    public boolean hasAccuracy(Model m) {
        return true;
    }

    @Override
    public void checkFits(Model m, int features, int outputs, Task task) {
        TransformerArchitecture a = m.arch();
        if (kind == Kind.VIT) {
            if (task != Task.CLASSIFICATION || features != DIGITS_SIDE * DIGITS_SIDE || outputs != a.outputs()) {
                throw new IllegalArgumentException("model.family vit reads 8x8 images of " + a.outputs()
                        + " classes (data.source digits), found " + features + " features, " + outputs + " "
                        + task.specName() + " outputs");
            }
        } else if (task != Task.REGRESSION || features != a.tokens() || outputs != a.tokens()) {
            throw new IllegalArgumentException("model.family gpt reads token sequences (data.source sequences), "
                    + "found " + features + " features, " + outputs + " " + task.specName() + " outputs");
        }
    }

    @Override
    public Data data(Model m, DataSplit split) {
        return new Data(view(m, split.train()), view(m, split.test()));
    }

    private SequenceData view(Model m, SupervisedData d) {
        if (kind == Kind.VIT) {
            LabelledData images = new LabelledData(d.features(), d.labels(), d.outputs());
            return SequenceData.ofPatches(images, DIGITS_SIDE, (int) Math.round(Math.sqrt(m.arch().inputFeatures())),
                    m.arch().tokens() > (DIGITS_SIDE * DIGITS_SIDE) / m.arch().inputFeatures());
        }
        int n = d.size();
        int t = m.arch().tokens();
        int[][] tokens = new int[n][t];
        int[][] targets = new int[n][t];
        for (int i = 0; i < n; i++) {
            double[] x = d.featureRow(i);
            double[] y = d.target(i);
            for (int p = 0; p < t; p++) {
                tokens[i][p] = (int) x[p];
                targets[i][p] = (int) y[p];
            }
        }
        return SequenceData.ofTokens(new TokenSequences(tokens, targets, m.arch().inputFeatures()));
    }

    @Override
    public TrainedArtefact train(Model m, Data data, long seed) {
        TransformerTraining.Result r = TransformerTraining.train(m.arch(), data.train(),
                m.schedule(data.train().samples()), seed);
        SplitEvaluation e = evaluation(new TransformerGraph(r.model()), r.model().parameters(), data);
        return new TrainedArtefact(m.arch().label(), m.arch().dModel(), "samediff", r.model().parameters(), e,
                new double[0], r.steps(), r.seconds(), r.status() == TransformerTraining.Status.DIVERGED);
    }

    private static SplitEvaluation evaluation(TransformerGraph g, ParameterSet p, Data data) {
        TransformerGraph.Evaluation tr = g.evaluate(p, data.train());
        TransformerGraph.Evaluation te = g.evaluate(p, data.test());
        return new SplitEvaluation(tr.loss(), te.loss(), tr.accuracy(), te.accuracy());
    }

    @Override
    public SplitEvaluation evaluate(Model m, ParameterSet p, Data data) {
        return evaluation(new TransformerGraph(new TransformerModel(m.arch(), p)), p, data);
    }

    @Override
    public SymmetryDeclaration declaration(Model m) {
        return TransformerSymmetries.declaration(m.arch());
    }

    private static TransformerClassSet classSet(String name) {
        try {
            return TransformerClassSet.fromSpecName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("symmetry class " + name + " is not one of transformers' class sets: "
                    + Arrays.stream(TransformerClassSet.values()).map(TransformerClassSet::specName)
                            .collect(Collectors.joining(", ")));
        }
    }

    private static AlignmentMethod method(String name) {
        for (AlignmentMethod m : TransformerAligners.METHODS) {
            if (m.specName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("method " + name + " is not one of transformers' methods: "
                + TransformerAligners.METHODS.stream().map(AlignmentMethod::specName).collect(Collectors.joining(", ")));
    }

    private static Attention headMode(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Attention.fromSpecName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("head mode " + name + " is not one of factorised, circuit");
        }
    }

    @Override
    public void checkAlignment(Model a, Model b, AlignmentRequest r) {
        TransformerClassSet c = classSet(r.symmetryClass());
        AlignmentMethod m = method(r.method());
        Attention mode = headMode(r.headMode());
        try {
            TransformerAligners.check(c, m, mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("head_mode")
                    ? "head mode: " + e.getMessage() : e.getMessage());
        }
        if (!a.arch().equals(b.arch())) {
            throw new IllegalArgumentException("transformers align models of one architecture; A is "
                    + a.arch().label() + ", B " + b.arch().label());
        }
    }

    /** The knobs of the kind as transformer alignment's: sweeps become weight matching's rounds. */
    static TransformerAlignmentSettings settings(AlignmentSettings s) {
        return new TransformerAlignmentSettings(s.maxSweeps(), s.activationSamples(), s.learnedSteps(),
                s.learnedRate(), s.learnedBatch(), s.seed());
    }

    @Override
    public PairAlignment align(Model a, ParameterSet pa, Model b, ParameterSet pb, Data data, AlignmentRequest r) {
        TransformerModel ma = new TransformerModel(a.arch(), pa);
        TransformerModel mb = new TransformerModel(b.arch(), pb);
        Attention mode = headMode(r.headMode());
        TransformerAlignment al = TransformerAligners.of(classSet(r.symmetryClass()), method(r.method()), mode)
                .align(new TransformerAlignmentProblem(ma, mb, data.train(), settings(r.settings())));
        String json = TransformJson.write(al.transforms());
        TransformerModel unmoved = TransformerAligners.parametrised(mb, mode);
        double before = al.reference().parameters().distance(unmoved.parameters());
        if (al.status() == AlignmentStatus.SINGULAR || al.status() == AlignmentStatus.NOT_FINITE) {
            return new PairAlignment(al.reference().parameters(), null, p -> null, null, json, al.objective(),
                    Double.NaN, before, al.iterations(), al.seconds(), al.status().name(), al.detail(), null);
        }
        TransformerGraph segment = new TransformerGraph(al.aligned());
        Function<ParameterSet, SplitEvaluation> evaluator = p -> evaluation(segment, p, data);
        double equivalence = TransformerPairProbe.maxRelativeError(new TransformerGraph(mb).logits(data.test()),
                segment.logits(data.test()));
        double[] angles;
        try {
            angles = al.residualEigenAngles();
        } catch (ArithmeticException | IllegalArgumentException e) {
            angles = null;
        }
        return new PairAlignment(al.reference().parameters(), al.aligned().parameters(), evaluator, null, json,
                al.objective(), equivalence, before, al.iterations(), al.seconds(), al.status().name(), al.detail(),
                angles);
    }


    @Override
    public MemberAlignment alignTo(Model m, ParameterSet reference, ParameterSet member, Data data,
            AlignmentRequest r) {
        throw new IllegalArgumentException("merges of transformers are not implemented: use alignment.pairs only");
    }
}
