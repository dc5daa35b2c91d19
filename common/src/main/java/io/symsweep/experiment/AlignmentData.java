package io.symsweep.experiment;

import io.symsweep.data.ColumnTable;
import io.symsweep.data.DataFileException;
import io.symsweep.data.DataSplit;
import io.symsweep.data.Digits;
import io.symsweep.data.LabelledData;
import io.symsweep.data.SupervisedData;
import io.symsweep.data.Task;
import io.symsweep.mlp.HiddenActivation;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.mlp.TeacherTask;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SpecField;
import io.symsweep.transformer.AlgorithmicTask;
import io.symsweep.transformer.TokenSequences;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} section of an {@code alignment} spec, parsed once into a typed source, and the split it gives:
 * <ul>
 *   <li>{@code digits}: the bundled 1797 images ({@link Digits}), a seeded stratified split of
 *       {@code data.test_samples} (default 360) test samples;</li>
 *   <li>{@code teacher}: inputs {@code N(0, I)} and the outputs of a random teacher MLP ({@link TeacherTask}), train
 *       and test drawn separately; the targets are the teacher's outputs (regression) or their argmax
 *       (classification), as {@code model.task} says;</li>
 *   <li>{@code file}: a user's CSV or Parquet file (read once on the driver, {@link InputFile}), feature columns and
 *       one label column (classification) or target columns (regression), a seeded split as for digits.</li>
 * </ul>
 * Each field belongs to one source; a field of another source is a spec error, and a field equal to its default is
 * dropped from the configuration so that writing a default does not change an id.
 */
final class AlignmentData {

    static final SpecField SOURCE = SpecField.choice("data.source", List.of("digits", "teacher", "file", "sequences"),
            "digits (bundled), teacher (a random teacher MLP's outputs), file (your CSV or Parquet) or sequences "
                    + "(a generated algorithmic language task, for model.family gpt)")
            .defaultsTo("digits");
    static final SpecField TEST_SAMPLES = SpecField.integer("data.test_samples",
            "held-out samples (digits: default 360; teacher: default 1000; file: required; sequences: default 500)")
            .checked(Check.between(1, 100_000_000));
    static final SpecField SPLIT_SEED = SpecField.integer("data.split_seed",
            "seed of the split into train and test (digits, file), or of the generated sequences (sequences); "
                    + "default 0").checked(Check.atLeast(0));
    static final SpecField TRAIN_SAMPLES = SpecField.integer("data.train_samples",
            "teacher: training samples (required); sequences: reversal's training sequences (default 2000)")
            .checked(Check.between(1, 100_000_000));
    static final SpecField TEACHER_WIDTHS = SpecField.integerList("data.teacher.widths",
                    "teacher: its widths n_0 ... n_L (required; n_0 and n_L are the data's features and outputs)")
            .checked(new Check("a list of at least 2 widths, each between 1 and 4096",
                    v -> v instanceof List<?> l && l.size() >= 2 && l.stream().allMatch(Check.between(1, 4096).holds())));
    static final SpecField TEACHER_ACTIVATION = SpecField.choice("data.teacher.activation",
            List.of("relu", "gelu", "tanh", "linear"), "teacher: its activation (default tanh)");
    static final SpecField TEACHER_BIAS = SpecField.bool("data.teacher.bias", "teacher: whether it has biases "
            + "(default true)");
    static final SpecField TEACHER_SEED = SpecField.integer("data.teacher.seed",
            "teacher: the seed of its weights and of the inputs (default 0)").checked(Check.atLeast(0));
    static final SpecField TEACHER_BIAS_SCALE = SpecField.number("data.teacher.bias_scale",
            "teacher: standard deviation of its biases (default 0.5)").checked(Check.atLeast(0));
    static final SpecField TEACHER_NOISE = SpecField.number("data.teacher.noise",
            "teacher: standard deviation of Gaussian noise on regression targets (default 0)").checked(Check.atLeast(0));
    static final SpecField FILE_PATH = SpecField.string("data.file.path",
            "file: a .csv or .parquet file with a header (required)");
    static final SpecField FILE_FEATURES = SpecField.string("data.file.features",
            "file: the feature columns, comma-separated (default: every column but the label or targets)");
    static final SpecField FILE_LABEL = SpecField.string("data.file.label",
            "file: the label column (classification)");
    static final SpecField FILE_TARGETS = SpecField.string("data.file.targets",
            "file: the target columns, comma-separated (regression)");

    static final SpecField SEQUENCE_TASK = SpecField.choice("data.sequences.task",
            List.of("reversal", "modular_addition"), "sequences: reversal of n symbols from k, or a + b = c (mod p) "
                    + "(default reversal)");
    static final SpecField SEQUENCE_LENGTH = SpecField.integer("data.sequences.length",
            "sequences: reversal's n, symbols per sequence (default 5)").checked(Check.between(1, 1000));
    static final SpecField SEQUENCE_SYMBOLS = SpecField.integer("data.sequences.symbols",
            "sequences: reversal's alphabet k (default 8), or modular addition's modulus p (default 23)")
            .checked(Check.between(2, 100_000));

    static final List<SpecField> FIELDS = List.of(SOURCE, TEST_SAMPLES, SPLIT_SEED, TRAIN_SAMPLES, TEACHER_WIDTHS,
            TEACHER_ACTIVATION, TEACHER_BIAS, TEACHER_SEED, TEACHER_BIAS_SCALE, TEACHER_NOISE, FILE_PATH, FILE_FEATURES,
            FILE_LABEL, FILE_TARGETS, SEQUENCE_TASK, SEQUENCE_LENGTH, SEQUENCE_SYMBOLS);

    /** Generated data of at most this many values is stored in the {@code models} rows. */
    static final long STORE_LIMIT = 500_000;

    /** Which source each field belongs to, and its default there (null: required or optional without default). */
    private record Owner(String source, Object defaultValue) {
    }

    private static final Map<SpecField, List<Owner>> OWNERS = owners();

    private static Map<SpecField, List<Owner>> owners() {
        Map<SpecField, List<Owner>> m = new LinkedHashMap<>();
        m.put(TEST_SAMPLES, List.of(new Owner("digits", 360L), new Owner("teacher", 1000L), new Owner("file", null),
                new Owner("sequences", 500L)));
        m.put(SPLIT_SEED, List.of(new Owner("digits", 0L), new Owner("file", 0L), new Owner("sequences", 0L)));
        m.put(TRAIN_SAMPLES, List.of(new Owner("teacher", null), new Owner("sequences", 2000L)));
        m.put(SEQUENCE_TASK, List.of(new Owner("sequences", "reversal")));
        m.put(SEQUENCE_LENGTH, List.of(new Owner("sequences", 5L)));
        m.put(SEQUENCE_SYMBOLS, List.of(new Owner("sequences", null)));
        m.put(TEACHER_WIDTHS, List.of(new Owner("teacher", null)));
        m.put(TEACHER_ACTIVATION, List.of(new Owner("teacher", "tanh")));
        m.put(TEACHER_BIAS, List.of(new Owner("teacher", true)));
        m.put(TEACHER_SEED, List.of(new Owner("teacher", 0L)));
        m.put(TEACHER_BIAS_SCALE, List.of(new Owner("teacher", 0.5)));
        m.put(TEACHER_NOISE, List.of(new Owner("teacher", 0.0)));
        m.put(FILE_PATH, List.of(new Owner("file", null)));
        m.put(FILE_FEATURES, List.of(new Owner("file", null)));
        m.put(FILE_LABEL, List.of(new Owner("file", null)));
        m.put(FILE_TARGETS, List.of(new Owner("file", null)));
        return m;
    }

    /** The source a configuration names. */
    static String source(Configuration c) {
        return c.text(SOURCE);
    }

    /** {@code c} without data fields equal to their source's default. */
    static Configuration normalize(Configuration c) {
        String source = source(c);
        for (Map.Entry<SpecField, List<Owner>> e : OWNERS.entrySet()) {
            Object v = c.value(e.getKey());
            for (Owner o : e.getValue()) {
                if (o.source().equals(source) && v != null && v.equals(o.defaultValue())) {
                    c = c.with(e.getKey(), null);
                }
            }
        }
        if (source.equals("sequences") && Long.valueOf(defaultSymbols(c)).equals(c.value(SEQUENCE_SYMBOLS))) {
            c = c.with(SEQUENCE_SYMBOLS, null);
        }
        return c;
    }

    /** The default of {@code data.sequences.symbols}: 8 symbols to reverse, or the modulus 23. */
    private static long defaultSymbols(Configuration c) {
        return "modular_addition".equals(c.values().get(SEQUENCE_TASK.configKey())) ? 23 : 8;
    }

    /** Throws for a field of another source, a missing required one, a label with targets, a missing file. */
    static void validate(Configuration c) {
        String source = source(c);
        for (Map.Entry<SpecField, List<Owner>> e : OWNERS.entrySet()) {
            SpecField f = e.getKey();
            List<String> sources = e.getValue().stream().map(Owner::source).toList();
            boolean mine = sources.contains(source);
            if (c.has(f) && !mine) {
                throw new SpecException(f.path(), "applies to data.source " + String.join(" and ", sources)
                        + ", not " + source);
            }
        }
        switch (source) {
            case "teacher" -> {
                require(c, TRAIN_SAMPLES, "teacher");
                require(c, TEACHER_WIDTHS, "teacher");
            }
            case "sequences" -> {
                if ("modular_addition".equals(c.values().get(SEQUENCE_TASK.configKey()))) {
                    for (SpecField f : List.of(SEQUENCE_LENGTH, TRAIN_SAMPLES)) {
                        if (c.has(f)) {
                            throw new SpecException(f.path(), "applies to data.sequences.task reversal; modular "
                                    + "addition trains on all p^2 - data.test_samples pairs of 4 tokens");
                        }
                    }
                }
            }
            case "file" -> {
                require(c, FILE_PATH, "file");
                require(c, TEST_SAMPLES, "file");
                if (c.has(FILE_LABEL) == c.has(FILE_TARGETS)) {
                    throw new SpecException(c.has(FILE_LABEL) ? FILE_TARGETS.path() : FILE_LABEL.path(),
                            "name either data.file.label (classification) or data.file.targets (regression)");
                }
                String path = c.text(FILE_PATH);
                InputFile.Format f = InputFile.formatOf(path);
                if (f == null) {
                    throw new SpecException(FILE_PATH.path(), "must end in .csv or .parquet, found " + path);
                }
                if (!path.contains("://") && !Files.exists(Path.of(path))) {
                    throw new SpecException(FILE_PATH.path(), path + ": no such file");
                }
            }
            default -> {
            }
        }
    }

    private static void require(Configuration c, SpecField f, String source) {
        if (!c.has(f)) {
            throw new SpecException(f.path(), "missing; required for data.source " + source + ": " + f.allowed()
                    + " (" + f.doc() + ")");
        }
    }

    private static Object valueOrDefault(Configuration c, SpecField f) {
        Object v = c.value(f);
        if (v != null) {
            return v;
        }
        for (Owner o : OWNERS.get(f)) {
            if (o.source().equals(source(c))) {
                return o.defaultValue();
            }
        }
        return null;
    }

    /** The input file of a {@code file} configuration, or null. */
    static InputFile inputFile(Configuration c) {
        if (!source(c).equals("file")) {
            return null;
        }
        String path = c.text(FILE_PATH);
        return new InputFile(path, InputFile.formatOf(path), FILE_PATH.path());
    }

    /**
     * The data of a configuration, typed.
     *
     * @param source      digits, teacher or file
     * @param testSamples held-out samples
     * @param splitSeed   the split's seed (digits, file)
     * @param teacher     the teacher task (teacher), else null
     * @param file        the file's path (file), else null
     * @param features    its feature columns, or null for every column but the targets
     * @param targets     its label column (classification) or target columns (regression)
     * @param task        the model's task
     */
    record Source(String source, int testSamples, long splitSeed, TeacherTask teacher, String file,
            List<String> features, List<String> targets, Task task, AlgorithmicTask sequences) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** The split, and the rows of the source each half holds (null for generated data). */
        Built build(SweepInputs inputs) {
            return switch (source) {
                case "digits" -> {
                    LabelledData.Split s = Digits.load().stratifiedSplit(testSamples, splitSeed);
                    yield new Built(new DataSplit(SupervisedData.of(s.train()), SupervisedData.of(s.test())),
                            s.trainIndices(), s.testIndices());
                }
                case "teacher" -> new Built(teacher.generate(), null, null);
                case "sequences" -> new Built(new DataSplit(rows(sequences.train()), rows(sequences.test())), null,
                        null);
                default -> {
                    SupervisedData all = select(inputs.table(file));
                    int[][] idx = DataSplit.splitIndices(all, testSamples, splitSeed);
                    yield new Built(new DataSplit(all.subset(idx[0]), all.subset(idx[1])), idx[0], idx[1]);
                }
            };
        }

        /** The named columns of the file's table as supervised data ({@link DataFileException} when they cannot be). */
        SupervisedData select(ColumnTable t) {
            for (String name : targets) {
                if (!t.names().contains(name)) {
                    throw new DataFileException(t.source(), name, "no such column; the file has " + t.names());
                }
            }
            List<String> f = features;
            if (f == null) {
                f = new ArrayList<>(t.names());
                f.removeAll(targets);
            }
            return t.select(f, targets, task);
        }

        /** The {@code dataset} column. */
        String label() {
            return source.equals("file") ? "file:" + file : source.equals("sequences") ? sequences.name() : source;
        }

        /** Features, outputs and task when known before reading a file (else null). */
        int[] shape() {
            return switch (source) {
                case "digits" -> new int[] {Digits.FEATURES, Digits.CLASSES};
                case "teacher" -> new int[] {teacher.teacher().width(0),
                        teacher.teacher().width(teacher.teacher().layers())};
                case "sequences" -> new int[] {sequences.train().length(), sequences.train().length()};
                default -> null;
            };
        }

        /** How to rebuild the split from a {@code models} row. */
        String recipe(boolean stored) {
            return switch (source) {
                case "digits" -> "digits: the 1797 bundled 8x8 images (UCI optdigits test part; pixels / 16, in file "
                        + "order), train_indices and test_indices their rows (a stratified split, seed " + splitSeed
                        + ", " + testSamples + " test samples)";
                case "sequences" -> "sequences " + sequences.name() + ": generated by symsweep from config "
                        + "(data.sequences.*, seed data.split_seed), " + (stored ? "stored in train_x, train_y, "
                        + "test_x, test_y: " : "") + "one row per sequence, features its input tokens, targets the "
                        + "next token at each position (-1: no target)";
                case "teacher" -> stored ? "teacher: stored in train_x, train_y, test_x, test_y"
                        : "teacher: " + teacher.trainSamples() + " + " + teacher.testSamples() + " samples, too many "
                                + "to store; rebuilt by symsweep from config (data.teacher.*), checked by data_hash";
                default -> "file " + file + ": train_indices and test_indices are its rows (0-based, after the "
                        + "header), features " + (features == null ? "every column but " + targets : features)
                        + ", " + (task == Task.CLASSIFICATION ? "label " : "targets ") + targets;
            };
        }
    }

    /** A built split with the source rows of each half (null for generated data). */
    record Built(DataSplit split, int[] trainIndices, int[] testIndices) {
    }

    /** The data a (model or probe) configuration names, for a model of task {@code task}. */
    static Source parse(Configuration c, Task task) {
        String source = source(c);
        int test = Math.toIntExact((Long) valueOrDefault(c, TEST_SAMPLES));
        long splitSeed = source.equals("teacher") ? 0 : (Long) valueOrDefault(c, SPLIT_SEED);
        TeacherTask teacher = null;
        AlgorithmicTask sequences = null;
        String file = null;
        List<String> features = null;
        List<String> targets = null;
        if (source.equals("teacher")) {
            if (task == Task.CLASSIFICATION && c.has(TEACHER_NOISE)) {
                throw new SpecException(TEACHER_NOISE.path(), "noise applies to regression targets only");
            }
            MlpSpec spec;
            try {
                spec = new MlpSpec(c.integers(TEACHER_WIDTHS),
                        HiddenActivation.fromSpecName((String) valueOrDefault(c, TEACHER_ACTIVATION)),
                        (Boolean) valueOrDefault(c, TEACHER_BIAS), task);
            } catch (IllegalArgumentException e) {
                throw new SpecException(TEACHER_WIDTHS.path(), e.getMessage());
            }
            teacher = new TeacherTask(spec, (Long) valueOrDefault(c, TEACHER_SEED),
                    Math.toIntExact(c.integer(TRAIN_SAMPLES)), test, (Double) valueOrDefault(c, TEACHER_BIAS_SCALE),
                    task == Task.REGRESSION ? (Double) valueOrDefault(c, TEACHER_NOISE) : 0);
        } else if (source.equals("file")) {
            file = c.text(FILE_PATH);
            features = c.has(FILE_FEATURES) ? columns(c.text(FILE_FEATURES)) : null;
            targets = c.has(FILE_LABEL) ? List.of(c.text(FILE_LABEL).trim()) : columns(c.text(FILE_TARGETS));
            Task fileTask = c.has(FILE_LABEL) ? Task.CLASSIFICATION : Task.REGRESSION;
            if (fileTask != task) {
                throw new SpecException(c.has(FILE_LABEL) ? FILE_LABEL.path() : FILE_TARGETS.path(),
                        "a " + (fileTask == Task.CLASSIFICATION ? "label" : "target") + " column is for "
                                + fileTask.specName() + ", but model.task is " + task.specName());
            }
        } else if (source.equals("sequences")) {
            if (task != Task.REGRESSION) {
                throw new SpecException(SOURCE.path(), "sequences are for model.family gpt (one row of input "
                        + "tokens and next-token targets per sequence)");
            }
            long symbols = c.has(SEQUENCE_SYMBOLS) ? c.integer(SEQUENCE_SYMBOLS) : defaultSymbols(c);
            try {
                sequences = "modular_addition".equals(c.values().get(SEQUENCE_TASK.configKey()))
                        ? AlgorithmicTask.modularAddition(Math.toIntExact(symbols), test, splitSeed)
                        : AlgorithmicTask.reversal(Math.toIntExact((Long) valueOrDefault(c, SEQUENCE_LENGTH)),
                                Math.toIntExact(symbols), Math.toIntExact((Long) valueOrDefault(c, TRAIN_SAMPLES)),
                                test, splitSeed);
            } catch (IllegalArgumentException e) {
                throw new SpecException(SEQUENCE_SYMBOLS.path(), e.getMessage());
            }
        } else if (task != Task.CLASSIFICATION) {
            throw new SpecException("model.task", "digits are for classification, found " + task.specName());
        }
        return new Source(source, test, splitSeed, teacher, file, features, targets, task, sequences);
    }

    /** Token sequences as rows: features the input tokens, targets the next tokens ({@code -1}: no target). */
    static SupervisedData rows(TokenSequences seqs) {
        double[][] x = new double[seqs.size()][seqs.length()];
        double[][] y = new double[seqs.size()][seqs.length()];
        for (int i = 0; i < seqs.size(); i++) {
            for (int p = 0; p < seqs.length(); p++) {
                x[i][p] = seqs.token(i, p);
                y[i][p] = seqs.target(i, p);
            }
        }
        return SupervisedData.regression(x, y);
    }

    private static List<String> columns(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private AlignmentData() {
    }
}
