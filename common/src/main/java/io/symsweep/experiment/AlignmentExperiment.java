package io.symsweep.experiment;

import io.symsweep.align.AlignmentSettings;
import io.symsweep.align.TransformJson;
import io.symsweep.connectivity.InterpolationCurve;
import io.symsweep.connectivity.MergeResult;
import io.symsweep.connectivity.ModelMerging;
import io.symsweep.connectivity.PairProbe;
import io.symsweep.connectivity.ProbeSettings;
import io.symsweep.data.DataFileException;
import io.symsweep.data.SupervisedData;
import io.symsweep.data.Task;
import io.symsweep.experiment.IndependentExperiment.TableRows;
import io.symsweep.family.AlignmentRequest;
import io.symsweep.family.MlpFamily;
import io.symsweep.family.ModelFamily;
import io.symsweep.family.PairAlignment;
import io.symsweep.family.TrainedArtefact;
import io.symsweep.params.ParameterLayout;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.UnitTransform;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.ConfigIds;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SpecField;
import io.symsweep.sweep.SpecValues;
import io.symsweep.table.AlignmentRow;
import io.symsweep.table.MergeRow;
import io.symsweep.table.ModelRow;
import io.symsweep.table.Provenance;
import io.symsweep.table.Table;
import io.symsweep.transformer.TransformerFamily;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code alignment}: independently trained networks aligned under a symmetry class and probed along the straight
 * line between them (Ainsworth et al. 2023, "Git Re-Basin"; Theus et al. 2025, "Generalized Linear Mode Connectivity
 * for Transformers"; Jordan et al. 2023, "REPAIR"). Two stages on the house contract: every model (a seed, an
 * architecture, the data and the training) is trained once into {@code models}; then each pair of models, symmetry
 * class, method and REPAIR setting is one configuration of {@code alignments}, and each group of N >= 3 models, class
 * and method one configuration of {@code merges}.
 *
 * <p>Which models are aligned is one axis, {@code models}, made from {@code seeds} (the models: one per seed and
 * architecture), {@code alignment.pairs} ({@code all}: every pair of distinct seeds, {@code first}: the first seed
 * with each other, {@code none}) and {@code merge.models} (N: the first N seeds merged, for each N given): a
 * configuration's {@code models} is a list of seeds, two for a pair (A then B), N for a merge.
 *
 * <p>The model family ({@code model.family}: {@link MlpFamily} today) owns the architecture, training, evaluation and
 * aligners ({@link ModelFamily}); this class owns the data ({@link AlignmentData}), the pairing, the probe grid, the
 * seeds and the rows. Every random draw derives from a configuration id: a model's initialisation and mini-batch
 * order from its model configuration's, an alignment's choices from its pair configuration's.
 */
public final class AlignmentExperiment extends DeclaredExperiment implements TwoStageExperiment<ModelRow> {

    private static final long serialVersionUID = 1L;

    public static final String NAME = "alignment";

    /** The config key of the group of seeds a probe configuration aligns: two for a pair, N >= 3 for a merge. */
    public static final String MODELS = "models";

    /** The families a spec can name, in {@code model.family}. */
    static final List<ModelFamily<?, ?>> FAMILIES = List.of(new MlpFamily(),
            new TransformerFamily(TransformerFamily.Kind.VIT), new TransformerFamily(TransformerFamily.Kind.GPT));

    static final SpecField FAMILY = SpecField.choice("model.family",
            FAMILIES.stream().map(ModelFamily::name).toList(), "the model family: mlp, vit (a tiny ViT on the digits) or gpt (a tiny causal transformer on "
                    + "data.source sequences); default mlp").defaultsTo("mlp");
    static final SpecField PAIRS = SpecField.choice("alignment.pairs", List.of("all", "first", "self", "none"),
            "which pairs of the seeds' models are aligned: all (every pair of distinct seeds, the earlier as A), "
                    + "first (the first seed as A with each other), self (each seed's model with itself: with "
                    + "alignment.rescale_factor, with a rescaled copy of itself) or none (merges only); a list "
                    + "joins them; default all").defaultsTo("all");
    static final SpecField CLASSES = SpecField.string("alignment.classes",
            "symmetry classes, each a configuration: none, permutation, permutation_scaling, semi_permutation, "
                    + "orthogonal, invertible (mlp); none, permutation, permutation+orthogonal, "
                    + "permutation+orthogonal+invertible (vit, gpt)").key("alignment.class").required();
    static final SpecField METHODS = SpecField.string("alignment.methods",
            "methods, each a configuration: none, weight_matching, activation_matching, activation_inner_product, "
                    + "learned (none, or class none, is no alignment)").key("alignment.method").required();
    static final SpecField HEAD_MODES = SpecField.string("alignment.head_modes",
            "vit, gpt with symmetry class permutation+orthogonal+invertible: the per-head maps factorised (solved "
                    + "for, the architecture kept) or circuit (the products W_Q W_K^T and W_V W_O interpolated; the "
                    + "architecture changes), each a configuration").key("alignment.head_mode");
    static final SpecField REPAIR = SpecField.bool("alignment.repair",
            "REPAIR each interior point of the segment (Jordan et al. 2023); [false, true] sweeps (default false)")
            .defaultsTo(false);
    static final SpecField WIDTHS_B = SpecField.integerList("alignment.widths_b",
                    "semi_permutation: model B's widths, no wider than model.widths at any hidden layer (default: "
                            + "model.widths)")
            .checked(new Check("a list of at least 2 widths, each between 1 and " + MlpFamily.MAX_WIDTH,
                    v -> v instanceof List<?> l && l.size() >= 2
                            && l.stream().allMatch(Check.between(1, MlpFamily.MAX_WIDTH).holds())));
    static final SpecField RESCALE_FACTOR = SpecField.number("alignment.rescale_factor",
            "m >= 1: model B is first moved by a positive per-unit scaling of its last hidden layer, unit j by "
                    + "m^u_j, u_j ~ U(0, 1) (factors from 1 to m; exact for relu and linear nets); default 1 (none)")
            .defaultsTo(1.0).checked(Check.atLeast(1));
    private static final AlignmentSettings KNOBS = AlignmentSettings.defaults(0);
    static final SpecField RESTARTS = SpecField.integer("alignment.restarts",
            "weight matching's starts: the identity, an incoming-weight match, then random (default "
                    + KNOBS.restarts() + ")").defaultsTo((long) KNOBS.restarts()).checked(Check.between(1, 1000));
    static final SpecField MAX_SWEEPS = SpecField.integer("alignment.max_sweeps",
            "coordinate-descent sweeps per start (default " + KNOBS.maxSweeps() + ")")
            .defaultsTo((long) KNOBS.maxSweeps()).checked(Check.between(1, 1_000_000));
    static final SpecField ACTIVATION_SAMPLES = SpecField.integer("alignment.activation_samples",
            "training samples (the first ones) for activation statistics (default " + KNOBS.activationSamples() + ")")
            .defaultsTo((long) KNOBS.activationSamples()).checked(Check.between(2, 100_000_000));
    static final SpecField LEARNED_STEPS = SpecField.integer("alignment.learned_steps",
            "learned matching's steps (default " + KNOBS.learnedSteps() + ")")
            .defaultsTo((long) KNOBS.learnedSteps()).checked(Check.between(0, 10_000_000));
    static final SpecField LEARNED_RATE = SpecField.number("alignment.learned_rate",
            "learned matching's Adam rate (default " + KNOBS.learnedRate() + ")")
            .defaultsTo(KNOBS.learnedRate()).checked(Check.greaterThan(0));
    static final SpecField LEARNED_BATCH = SpecField.integer("alignment.learned_batch",
            "learned matching's mini-batch (default " + KNOBS.learnedBatch() + ")")
            .defaultsTo((long) KNOBS.learnedBatch()).checked(Check.between(1, 1_000_000));
    static final SpecField GRID_POINTS = SpecField.integer("probe.grid_points",
            "uniform grid of l on [0, 1] (default 25)").defaultsTo(25L).checked(Check.between(25, 100_001));
    static final SpecField REFINE_POINTS = SpecField.integer("probe.refine_points",
            "extra points on either side of the largest excess over the line (default 8)").defaultsTo(8L)
            .checked(Check.between(0, 10_000));
    static final SpecField MERGE_MODELS = SpecField.integer("merge.models",
            "N: merge the models of the first N seeds (each N a merge per class and method; default: no merges)")
            .checked(Check.between(3, 10_000));
    static final SpecField MERGE_ROUNDS = SpecField.integer("merge.rounds",
            "rounds of aligning each model to the mean of the others (default 10)").defaultsTo(10L)
            .checked(Check.between(1, 10_000));
    static final SpecField SIMPLEX_DIVISIONS = SpecField.integer("merge.simplex_divisions",
            "N = 3: the simplex grid's step 1/k (default 10)").defaultsTo(10L).checked(Check.between(2, 1000));

    private static final List<SpecField> KNOB_FIELDS = List.of(RESTARTS, MAX_SWEEPS, ACTIVATION_SAMPLES, LEARNED_STEPS,
            LEARNED_RATE, LEARNED_BATCH);

    private static final List<SpecField> FIELDS = declareFields();

    private static List<SpecField> declareFields() {
        List<SpecField> f = new ArrayList<>(AlignmentData.FIELDS);
        f.add(FAMILY);
        Set<String> paths = new LinkedHashSet<>();
        f.forEach(x -> paths.add(x.path()));
        for (ModelFamily<?, ?> fam : FAMILIES) {
            for (SpecField x : fam.fields()) {
                if (paths.add(x.path())) {
                    f.add(x);
                }
            }
        }
        f.addAll(List.of(PAIRS, CLASSES, METHODS, HEAD_MODES, REPAIR, WIDTHS_B, RESCALE_FACTOR));
        f.addAll(KNOB_FIELDS);
        f.addAll(List.of(GRID_POINTS, REFINE_POINTS, MERGE_MODELS, MERGE_ROUNDS, SIMPLEX_DIVISIONS));
        return List.copyOf(f);
    }

    public AlignmentExperiment() {
        super(NAME, FIELDS, List.of(ModelRow.TABLE, AlignmentRow.TABLE, MergeRow.TABLE));
    }

    @Override
    public Table<ModelRow> artefactTable() {
        return ModelRow.TABLE;
    }

    @Override
    public List<Table<?>> probeTables() {
        return List.of(AlignmentRow.TABLE, MergeRow.TABLE);
    }

    @Override
    public boolean probeTablesVary() {
        return true;
    }

    @Override
    public List<Table<?>> probeTablesOf(Configuration probe) {
        return List.of(isMerge(probe) ? MergeRow.TABLE : AlignmentRow.TABLE);
    }

    /** The seeds of a probe configuration's models, in order (A then B for a pair). */
    public static List<Long> seeds(Configuration probe) {
        Object v = probe.values().get(MODELS);
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("not a configuration of alignment: " + probe.canonicalForm());
        }
        return l.stream().map(x -> (Long) x).toList();
    }

    static boolean isMerge(Configuration probe) {
        return seeds(probe).size() >= 3;
    }

    // ---- the axes: seeds, pairs and merges into one axis of groups -------------------------------------------------

    @Override
    public Map<String, List<Object>> axes(Map<String, List<Object>> fromFields) {
        Map<String, List<Object>> axes = new LinkedHashMap<>(fromFields);
        List<Long> seeds = new ArrayList<>(new LinkedHashSet<>(axes.remove(Configuration.SEED).stream()
                .map(x -> (Long) x).toList()));
        List<Object> pairs = axes.remove(PAIRS.configKey());
        List<Object> merges = axes.remove(MERGE_MODELS.configKey());
        Set<Object> groups = new LinkedHashSet<>();
        for (Object p : pairs) {
            for (int i = 0; i < seeds.size(); i++) {
                if (p.equals("self")) {
                    groups.add(List.of(seeds.get(i), seeds.get(i)));
                }
                for (int j = i + 1; j < seeds.size(); j++) {
                    if (p.equals("all") || (p.equals("first") && i == 0)) {
                        groups.add(List.of(seeds.get(i), seeds.get(j)));
                    }
                }
            }
        }
        if (merges != null) {
            for (Object n : new LinkedHashSet<>(merges)) {
                int k = Math.toIntExact((Long) n);
                if (k > seeds.size()) {
                    throw new SpecException(MERGE_MODELS.path(), "merges the first " + k + " seeds' models, but "
                            + "seeds gives " + seeds.size());
                }
                groups.add(List.copyOf(seeds.subList(0, k)));
            }
        }
        if (groups.isEmpty()) {
            throw new SpecException(PAIRS.path(), seeds.size() < 2 ? "seeds gives " + seeds.size()
                    + " model; a pair needs 2 seeds" : "none, and no merge.models: nothing to align");
        }
        axes.put(MODELS, new ArrayList<>(groups));
        return axes;
    }

    // ---- canonical form and checks ---------------------------------------------------------------------------------

    static ModelFamily<?, ?> family(Configuration c) {
        String name = c.text(FAMILY);
        for (ModelFamily<?, ?> f : FAMILIES) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new SpecException(FAMILY.path(), "unknown family " + name);
    }

    @Override
    public Configuration normalize(Configuration c) {
        c = AlignmentData.normalize(family(c).normalize(c));
        String cls = c.text(CLASSES);
        String method = c.text(METHODS);
        if (cls.equals("none") || method.equals("none")) {
            c = c.with(CLASSES, "none").with(METHODS, "none");
            method = "none";
        }
        if (!(family(c) instanceof MlpFamily) && !c.text(CLASSES).equals("permutation+orthogonal+invertible")) {
            c = c.with(HEAD_MODES, null);
        }
        boolean merge = isMerge(c);
        if (merge || (c.has(WIDTHS_B) && c.value(WIDTHS_B).equals(c.value(MlpFamily.WIDTHS)))) {
            c = c.with(WIDTHS_B, null);
        }
        if (merge) {
            c = c.with(REPAIR, null).with(GRID_POINTS, null).with(REFINE_POINTS, null).with(RESCALE_FACTOR, null);
            if (seeds(c).size() != 3) {
                c = c.with(SIMPLEX_DIVISIONS, null);
            }
        } else {
            c = c.with(MERGE_ROUNDS, null).with(SIMPLEX_DIVISIONS, null);
        }
        // the knobs a method does not read stay out of its id
        boolean descent = method.equals("weight_matching") || method.equals("learned");
        boolean activations = method.equals("activation_matching") || method.equals("activation_inner_product");
        if (!descent) {
            c = c.with(RESTARTS, null).with(MAX_SWEEPS, null);
        }
        if (!activations) {
            c = c.with(ACTIVATION_SAMPLES, null);
        }
        if (!method.equals("learned")) {
            c = c.with(LEARNED_STEPS, null).with(LEARNED_RATE, null).with(LEARNED_BATCH, null);
        }
        return c;
    }

    @Override
    public void validate(Configuration c) {
        ModelFamily<?, ?> family = family(c);
        for (ModelFamily<?, ?> other : FAMILIES) {
            if (other == family) {
                continue;
            }
            for (SpecField f : other.fields()) {
                if (c.has(f) && family.fields().stream().noneMatch(x -> x.path().equals(f.path()))) {
                    throw new SpecException(f.path(), "applies to model.family " + other.name() + ", not "
                            + family.name());
                }
            }
        }
        AlignmentData.validate(c);
        checkGroup(family, c);
    }

    private <S extends Serializable, D> void checkGroup(ModelFamily<S, D> family, Configuration c) {
        List<Configuration> models = artefactsOf(c);
        List<S> settings = new ArrayList<>();
        for (Configuration m : models) {
            S s = family.settings(m);
            AlignmentData.Source source = AlignmentData.parse(m, family.task(s));
            int[] shape = source.shape();
            if (shape != null) {
                fits(family, s, shape[0], shape[1], family.task(s));
            }
            settings.add(s);
        }
        AlignmentRequest request = request(c);
        if (rescaleFactor(c) > 1 && rescaledSite(family.declaration(settings.get(1))) == null) {
            throw new SpecException(RESCALE_FACTOR.path(), "a positive rescaling is a symmetry of relu and linear "
                    + "nets only; model B has no hidden layer it is exact for");
        }
        if (isMerge(c) && !(family instanceof MlpFamily)) {
            throw new SpecException(MERGE_MODELS.path(), "merges are for model.family mlp; " + family.name()
                    + " models are aligned in pairs");
        }
        if (isMerge(c) && request.symmetryClass().equals("semi_permutation")) {
            throw new SpecException(CLASSES.path(), "semi_permutation maps a narrower model into a wider one; "
                    + "merging aligns models of one width");
        }
        try {
            family.checkAlignment(settings.get(0), settings.get(1), request);
        } catch (SpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            String path = m.startsWith("method") ? METHODS.path() : m.startsWith("head mode") ? "alignment.head_modes"
                    : m.contains("semi_permutation aligns") || m.contains("different widths") || m.contains("wider")
                    ? WIDTHS_B.path() : CLASSES.path();
            throw new SpecException(path, m);
        }
    }

    private static <S extends Serializable> void fits(ModelFamily<S, ?> family, S s, int features, int outputs,
            Task task) {
        try {
            family.checkFits(s, features, outputs, task);
        } catch (SpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SpecException(family.fields().get(0).path(), e.getMessage());
        }
    }

    /**
     * Four: an alignment configuration takes seconds (MLPs on digits) to minutes (transformers: about a minute per
     * configuration per core for {@code paper/alignment-gpt.yaml}, measured), and so does training a model; with the
     * default 5,000 a whole stage was one batch, and a run stopped after an hour kept nothing of it.
     */
    @Override
    public int firstBatch() {
        return 4;
    }

    @Override
    public boolean readsInputFiles() {
        return true;
    }

    @Override
    public List<InputFile> inputFiles(List<Configuration> configurations) {
        Map<String, InputFile> files = new LinkedHashMap<>();
        for (Configuration c : configurations) {
            InputFile f = AlignmentData.inputFile(c);
            if (f != null) {
                files.putIfAbsent(f.path(), f);
            }
        }
        return List.copyOf(files.values());
    }

    @Override
    public void checkInputs(List<Configuration> configurations, SweepInputs inputs) {
        Set<String> seen = new LinkedHashSet<>();
        for (Configuration c : configurations) {
            if (AlignmentData.inputFile(c) == null) {
                continue;
            }
            for (Configuration m : artefactsOf(c)) {
                if (seen.add(m.id())) {
                    checkModelInput(family(m), m, inputs);
                }
            }
        }
    }

    private <S extends Serializable, D> void checkModelInput(ModelFamily<S, D> family, Configuration m,
            SweepInputs inputs) {
        S s = family.settings(m);
        AlignmentData.Source source = AlignmentData.parse(m, family.task(s));
        SupervisedData all;
        try {
            all = source.select(inputs.table(source.file()));
        } catch (DataFileException e) {
            throw new SpecException(AlignmentData.FILE_PATH.path(), e.getMessage());
        }
        if (source.testSamples() >= all.size()) {
            throw new SpecException(AlignmentData.TEST_SAMPLES.path(), "must be below the " + all.size()
                    + " rows of " + source.file() + ", found " + source.testSamples());
        }
        fits(family, s, all.dimension(), all.outputs(), all.task());
    }

    // ---- stage 1: the models ---------------------------------------------------------------------------------------

    private static boolean modelKey(String k) {
        return k.startsWith("data.") || k.startsWith("model.") || k.startsWith("training.");
    }

    /** The model configurations of a probe configuration: one per seed of its group (B with its own widths). */
    @Override
    public List<Configuration> artefactsOf(Configuration probe) {
        List<Long> seeds = seeds(probe);
        Configuration base = probe.project(AlignmentExperiment::modelKey);
        List<Configuration> out = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            Configuration m = base.with(Configuration.SEED, seeds.get(i));
            if (i == 1 && seeds.size() == 2 && probe.has(WIDTHS_B)) {
                m = m.with(MlpFamily.WIDTHS, probe.value(WIDTHS_B));
            }
            out.add(m);
        }
        return out;
    }

    @Override
    public List<ModelRow> produce(List<Configuration> models, String sweep, ExecutionSettings execution) {
        return produce(models, sweep, execution, SweepInputs.NONE);
    }

    @Override
    public List<ModelRow> produce(List<Configuration> models, String sweep, ExecutionSettings execution,
            SweepInputs inputs) {
        List<ModelRow> rows = new ArrayList<>();
        for (Configuration m : models) {
            rows.add(train(family(m), m, sweep, inputs));
        }
        return rows;
    }

    private static <S extends Serializable, D> ModelRow train(ModelFamily<S, D> family, Configuration m, String sweep,
            SweepInputs inputs) {
        S s = family.settings(m);
        AlignmentData.Source source = AlignmentData.parse(m, family.task(s));
        AlignmentData.Built built = source.build(inputs);
        TrainedArtefact t = family.train(s, family.data(s, built.split()), ConfigIds.seed(m.id(), "model"));
        double[][] stored = storedData(source, built);
        return new ModelRow(Provenance.of(m, sweep), family.name(), source.label(), built.split().contentHash(),
                source.recipe(stored != null), built.trainIndices(), built.testIndices(),
                stored == null ? null : stored[0], stored == null ? null : stored[1],
                stored == null ? null : stored[2], stored == null ? null : stored[3], t.architecture(), t.width(),
                t.engine(), ParameterLayout.describe(t.parameters()), ParameterLayout.values(t.parameters()),
                t.evaluation().trainLoss(), t.evaluation().testLoss(), nullIfNaN(t.evaluation().trainAccuracy()),
                nullIfNaN(t.evaluation().testAccuracy()), t.epochLosses(), t.steps(), t.seconds(),
                t.diverged() ? ModelRow.Status.DIVERGED : ModelRow.Status.TRAINED);
    }

    /** Generated data small enough to store: {train x, train y, test x, test y}, row-major; else null. */
    private static double[][] storedData(AlignmentData.Source source, AlignmentData.Built built) {
        if (!source.source().equals("teacher") && !source.source().equals("sequences")) {
            return null;
        }
        SupervisedData tr = built.split().train();
        SupervisedData te = built.split().test();
        long values = (long) (tr.size() + te.size()) * (tr.dimension() + tr.outputs());
        if (values > AlignmentData.STORE_LIMIT) {
            return null;
        }
        return new double[][] {tr.featuresRowMajor(), targets(tr), te.featuresRowMajor(), targets(te)};
    }

    private static double[] targets(SupervisedData d) {
        if (d.task() == Task.CLASSIFICATION) {
            double[] y = new double[d.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = d.label(i);
            }
            return y;
        }
        double[] y = new double[d.size() * d.outputs()];
        for (int i = 0; i < d.size(); i++) {
            System.arraycopy(d.target(i), 0, y, i * d.outputs(), d.outputs());
        }
        return y;
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    // ---- stage 2: pairs and merges ---------------------------------------------------------------------------------

    /**
     * The class, method and knobs of a probe configuration; every random choice from its id without
     * {@code alignment.repair} (REPAIR changes the probed path, not the alignment: a pair's configurations with and
     * without it share one alignment).
     */
    static AlignmentRequest request(Configuration c) {
        AlignmentSettings s = new AlignmentSettings(intOr(c, RESTARTS), intOr(c, MAX_SWEEPS),
                intOr(c, ACTIVATION_SAMPLES), intOr(c, LEARNED_STEPS),
                c.has(LEARNED_RATE) ? c.number(LEARNED_RATE) : (Double) LEARNED_RATE.defaultValue(),
                intOr(c, LEARNED_BATCH), ConfigIds.seed(alignmentOf(c).id(), "align"));
        return new AlignmentRequest(c.text(CLASSES), c.text(METHODS), c.has(HEAD_MODES) ? c.text(HEAD_MODES) : null,
                s);
    }

    /** The configuration of {@code c}'s alignment: {@code c} without its REPAIR setting. */
    static Configuration alignmentOf(Configuration c) {
        return c.with(REPAIR, null);
    }

    private static int intOr(Configuration c, SpecField f) {
        return Math.toIntExact(c.has(f) ? c.integer(f) : (Long) f.defaultValue());
    }

    static double rescaleFactor(Configuration c) {
        return c.has(RESCALE_FACTOR) ? c.number(RESCALE_FACTOR) : 1;
    }

    /** The last site where a positive per-unit scaling is exact (an MLP's last hidden layer), or null. */
    static Site rescaledSite(SymmetryDeclaration d) {
        Site last = null;
        for (Site s : d.sites()) {
            if (s.isExact(SymmetryClass.PERMUTATION_SCALING)) {
                last = s;
            }
        }
        return last;
    }

    /**
     * The per-unit scaling model B is moved by before it is aligned: unit {@code j} of {@link #rescaledSite} times
     * {@code m^u_j}, {@code u_j ~ U(0, 1)} from B's model id and {@code m} (so every method of a pair sees the same
     * rescaled B).
     */
    static UnitTransform rescaling(Site site, String modelB, double m) {
        SplittableRandom rng = new SplittableRandom(ConfigIds.seed(modelB + "/rescale/" + SpecValues.decimal(m),
                "rescale"));
        int n = site.size();
        double[][] f = new double[n][n];
        double[][] inv = new double[n][n];
        for (int j = 0; j < n; j++) {
            f[j][j] = Math.pow(m, rng.nextDouble());
            inv[j][j] = 1 / f[j][j];
        }
        return new UnitTransform(SymmetryClass.PERMUTATION_SCALING, f, inv);
    }

    static ProbeSettings probeSettings(Configuration c) {
        return new ProbeSettings(intOr(c, GRID_POINTS), intOr(c, REFINE_POINTS), intOr(c, MERGE_ROUNDS),
                intOr(c, SIMPLEX_DIVISIONS));
    }

    @Override
    public List<TableRows<?>> probe(ProbeGroup<ModelRow> group, String sweep, ExecutionSettings execution) {
        return probe(group, sweep, execution, SweepInputs.NONE);
    }

    @Override
    public List<TableRows<?>> probe(ProbeGroup<ModelRow> group, String sweep, ExecutionSettings execution,
            SweepInputs inputs) {
        List<AlignmentRow> pairs = new ArrayList<>();
        List<MergeRow> merges = new ArrayList<>();
        // one alignment for a pair's configurations with and without REPAIR (a pure function of alignmentOf(c))
        Map<String, PairAlignment> aligned = new LinkedHashMap<>();
        for (Configuration c : group.probes()) {
            List<Configuration> models = artefactsOf(c);
            for (int i = 0; i < models.size(); i++) {
                if (!models.get(i).id().equals(group.artefacts().get(i).provenance().configId())) {
                    throw new IllegalArgumentException("configuration " + c.id() + " does not probe models "
                            + group.artefacts().stream().map(r -> r.provenance().configId()).toList());
                }
            }
            if (isMerge(c)) {
                merges.add(merge(family(c), c, models, group.artefacts(), sweep, inputs));
            } else {
                pairs.add(pair(family(c), c, models, group.artefacts(), sweep, inputs, aligned));
            }
        }
        List<TableRows<?>> out = new ArrayList<>();
        if (!pairs.isEmpty()) {
            out.add(new TableRows<>(AlignmentRow.TABLE, pairs));
        }
        if (!merges.isEmpty()) {
            out.add(new TableRows<>(MergeRow.TABLE, merges));
        }
        return out;
    }

    /** The models' data, rebuilt, or null when it no longer has the hash the models were trained on. */
    private static <S extends Serializable, D> D rebuild(ModelFamily<S, D> family, S s, Configuration model,
            List<ModelRow> rows, SweepInputs inputs) {
        AlignmentData.Source source = AlignmentData.parse(model, family.task(s));
        AlignmentData.Built built = source.build(inputs);
        String hash = built.split().contentHash();
        for (ModelRow r : rows) {
            if (!r.dataHash().equals(hash)) {
                return null;
            }
        }
        return family.data(s, built.split());
    }

    private static <S extends Serializable, D> AlignmentRow pair(ModelFamily<S, D> family, Configuration c,
            List<Configuration> models, List<ModelRow> rows, String sweep, SweepInputs inputs,
            Map<String, PairAlignment> aligned) {
        long start = System.nanoTime();
        ModelRow ra = rows.get(0);
        ModelRow rb = rows.get(1);
        S sa = family.settings(models.get(0));
        S sb = family.settings(models.get(1));
        AlignmentRequest r = request(c);
        Provenance prov = provenance(c, sweep);
        boolean repair = c.has(REPAIR) && c.flag(REPAIR);
        if (ra.status() == ModelRow.Status.DIVERGED || rb.status() == ModelRow.Status.DIVERGED) {
            return failedPair(prov, family, ra, rb, r, repair, rescaleFactor(c), null, Double.NaN, "{}", Double.NaN, 0, 0, start,
                    "model " + (ra.status() == ModelRow.Status.DIVERGED ? "A" : "B") + " diverged",
                    AlignmentRow.Status.MODEL_DIVERGED);
        }
        D data = rebuild(family, sa, models.get(0), rows, inputs);
        if (data == null) {
            return failedPair(prov, family, ra, rb, r, repair, rescaleFactor(c), null, Double.NaN, "{}", Double.NaN, 0, 0, start,
                    "the data rebuilt from the spec differs from the models' data_hash",
                    AlignmentRow.Status.DATA_CHANGED);
        }
        ParameterSet pa = ParameterLayout.rebuild(ra.parameterLayout(), ra.weights());
        ParameterSet pb = ParameterLayout.rebuild(rb.parameterLayout(), rb.weights());
        double m = rescaleFactor(c);
        String rescaled = null;
        if (m > 1) {
            SymmetryDeclaration decl = family.declaration(sb);
            Site site = rescaledSite(decl);
            Map<String, UnitTransform> t = Map.of(site.name(), rescaling(site, rb.provenance().configId(), m));
            pb = decl.apply(pb, t);
            rescaled = TransformJson.write(t);
        }
        S fa = sa;
        S fb = sb;
        D fd = data;
        ParameterSet fpb = pb;
        PairAlignment al = aligned.computeIfAbsent(alignmentOf(c).id(), k -> family.align(fa, pa, fb, fpb, fd, r));
        if (!al.probeable()) {
            return failedPair(prov, family, ra, rb, r, repair, m, rescaled, al.objective(), al.transform(),
                    al.distanceBefore(), al.iterations(), al.seconds(), start, al.detail(),
                    AlignmentRow.Status.valueOf(al.status()));
        }
        InterpolationCurve curve = PairProbe.probe(al, repair, probeSettings(c));
        AlignmentRow.Status status = AlignmentRow.Status.valueOf(al.status());
        if (!Double.isFinite(curve.testLossBarrier()) || !Double.isFinite(curve.trainLossBarrier())) {
            status = AlignmentRow.Status.NOT_FINITE;
        }
        boolean classification = family.hasAccuracy(sa);
        return new AlignmentRow(prov, ra.provenance().configId(), rb.provenance().configId(), family.name(),
                ra.architecture(), rb.architecture(), ra.width(), r.symmetryClass(), r.method(), r.headMode(), repair,
                m, rescaled, al.transform(), al.objective(), al.equivalenceError(), al.distanceBefore(),
                al.start().distance(al.end()), curve.lambdas(), curve.trainLosses(), curve.testLosses(),
                classification ? curve.trainAccuracies() : null, classification ? curve.testAccuracies() : null,
                finite(curve.trainLossBarrier()), finite(curve.testLossBarrier()), finite(curve.trainLossBarrierMean()),
                finite(curve.testLossBarrierMean()), classification ? finite(curve.trainAccuracyBarrier()) : null,
                classification ? finite(curve.testAccuracyBarrier()) : null, al.iterations(), al.seconds(),
                (System.nanoTime() - start) * 1e-9, al.spectrum(), al.detail(), status);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static AlignmentRow failedPair(Provenance prov, ModelFamily<?, ?> family, ModelRow ra, ModelRow rb,
            AlignmentRequest r, boolean repair, double factor, String rescaled, double objective, String transform,
            double before, int iterations,
            double alignSeconds, long start, String detail, AlignmentRow.Status status) {
        return new AlignmentRow(prov, ra.provenance().configId(), rb.provenance().configId(), family.name(),
                ra.architecture(), rb.architecture(), ra.width(), r.symmetryClass(), r.method(), r.headMode(), repair,
                factor, rescaled, transform, objective, Double.NaN, before, null, null, null, null, null, null, null, null, null, null,
                null, null, iterations, alignSeconds, (System.nanoTime() - start) * 1e-9, null, detail, status);
    }

    /** A probe configuration's provenance; its seed is its first model's. */
    private static Provenance provenance(Configuration c, String sweep) {
        return new Provenance(c.id(), sweep, seeds(c).get(0), c.canonicalForm(),
                io.symsweep.BuildInfo.version());
    }

    private static <S extends Serializable, D> MergeRow merge(ModelFamily<S, D> family, Configuration c,
            List<Configuration> models, List<ModelRow> rows, String sweep, SweepInputs inputs) {
        long start = System.nanoTime();
        S s = family.settings(models.get(0));
        AlignmentRequest r = request(c);
        Provenance prov = provenance(c, sweep);
        String members = String.join(",", rows.stream().map(x -> x.provenance().configId()).toList());
        ModelRow first = rows.get(0);
        MergeRow.Status failure = null;
        String why = null;
        if (rows.stream().anyMatch(x -> x.status() == ModelRow.Status.DIVERGED)) {
            failure = MergeRow.Status.MODEL_DIVERGED;
        }
        D data = failure == null ? rebuild(family, s, models.get(0), rows, inputs) : null;
        if (failure == null && data == null) {
            failure = MergeRow.Status.DATA_CHANGED;
        }
        if (failure != null) {
            int n = rows.size();
            return new MergeRow(prov, members, family.name(), first.architecture(), first.width(), n,
                    r.symmetryClass(), r.method(), r.headMode(), 0, false, "[]", new double[0], new double[0],
                    Double.NaN, Double.NaN, null, null, Double.NaN, Double.NaN, Double.NaN, new double[0][],
                    new double[0], new double[0], null, (System.nanoTime() - start) * 1e-9, failure);
        }
        List<ParameterSet> params = rows.stream().map(x -> ParameterLayout.rebuild(x.parameterLayout(), x.weights()))
                .toList();
        MergeResult m = ModelMerging.merge(family, s, params, data, r, probeSettings(c));
        boolean classification = family.hasAccuracy(s);
        StringBuilder transforms = new StringBuilder("[");
        for (int i = 0; i < m.transforms().length; i++) {
            transforms.append(i == 0 ? "" : ",").append(m.transforms()[i]);
        }
        MergeRow.Status status = MergeRow.Status.valueOf(m.status());
        if (status == MergeRow.Status.OK && !m.converged()) {
            status = MergeRow.Status.NOT_CONVERGED;
        }
        return new MergeRow(prov, members, family.name(), first.architecture(), first.width(), m.models(),
                r.symmetryClass(), r.method(), r.headMode(), m.rounds(), m.converged(), transforms.append(']')
                .toString(), m.memberTrainLosses(), m.memberTestLosses(), m.mergedTrainLoss(), m.mergedTestLoss(),
                classification ? nullIfNaN(m.mergedTrainAccuracy()) : null,
                classification ? nullIfNaN(m.mergedTestAccuracy()) : null, m.unalignedTestLoss(),
                m.trainLossBarrier(), m.testLossBarrier(), m.simplexWeights(), m.simplexTestLosses(),
                m.simplexTrainLosses(), m.models() == 3 ? finite(m.simplexTestBarrier()) : null,
                (System.nanoTime() - start) * 1e-9, status);
    }
}
