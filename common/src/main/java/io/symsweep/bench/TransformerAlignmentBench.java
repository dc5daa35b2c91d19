package io.symsweep.bench;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.connectivity.InterpolationCurve;
import io.symsweep.connectivity.ProbeSettings;
import io.symsweep.transformer.AlgorithmicTask;
import io.symsweep.transformer.SequenceData;
import io.symsweep.transformer.TrainingSchedule;
import io.symsweep.transformer.TransformerAligner;
import io.symsweep.transformer.TransformerAligners;
import io.symsweep.transformer.TransformerAlignmentResult;
import io.symsweep.transformer.TransformerAlignmentSettings;
import io.symsweep.transformer.TransformerArchitecture;
import io.symsweep.transformer.TransformerGraph;
import io.symsweep.transformer.TransformerInterpolation;
import io.symsweep.transformer.TransformerLearnedStep;
import io.symsweep.transformer.TransformerModel;
import io.symsweep.transformer.TransformerPairProbe;
import io.symsweep.transformer.TransformerTraining;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The structure of Theus et al. 2025's Table 2 at small scale, and its cost: tiny ViTs on digits or tiny causal
 * transformers on sequence reversal ({@link TransformerBench#vit}, {@link TransformerBench#gpt}: 2x2 patches or 10
 * tokens, L 2, d_head 8, d_mlp 2d, RMSNorm, GELU) over d_model 16, 32, 64 and 2 or 4 heads, a few seeds per size,
 * trained by SameDiff (Adam, warm-up and cosine, {@code epochs} epochs), every pair of seeds aligned by every
 * (class set, method, head mode) of {@link TransformerAligners#all()} and probed ({@link TransformerPairProbe}), plus
 * the segment between the unfolded models ({@code none/unfolded}: the gains interpolated as they are). It prints one
 * row per probe, then the test-loss barrier per aligner as mean +- standard error over pairs (N stated), overall and
 * per size, and the alignment seconds per pair per method; before the table it re-measures SameDiff's training step
 * cost ({@link TransformerBench#stepCost}) and the learned method's step cost in the same run. Every seed derives from
 * the size and the seed index; alignments are deterministic. Pure measurement.
 *
 * <p>The later {@code alignment} kind's specs ({@code paper/alignment-vit.yaml}, {@code paper/alignment-gpt.yaml})
 * reproduce this grid; the rows written to {@code OUT} ({@code results.tsv}) are the reference to check them against.
 */
public final class TransformerAlignmentBench {

    private TransformerAlignmentBench() {
    }

    /** d_model x heads of the grid. */
    public static final int[] WIDTHS = {16, 32, 64};
    public static final int[] HEADS = {2, 4};

    /** The probe of the bench: 25 grid points and 4 refinement points on either side of each peak. */
    public static final ProbeSettings PROBE = new ProbeSettings(25, 4, 1, 2);

    /**
     * The training samples the probe's training curve is measured on: the first 512 (the models train on all of
     * them; the test curve uses the whole test set). One SameDiff forward pass of the 1437 digits (2000 sequences)
     * per point, 14 probes per pair, is most of a pair's time; 512 samples keep the training barrier's standard
     * error across pairs well above its subsampling error.
     */
    public static final int PROBE_TRAIN_SAMPLES = 512;

    /** Data of a family: {train, test, the probe's training subset}. */
    public static SequenceData[] data(String family) {
        if (family.equals("vit")) {
            var split = TransformerBench.digitsSplit();
            SequenceData train = SequenceData.ofPatches(split.train(), 8, 2, false);
            return new SequenceData[] {train, SequenceData.ofPatches(split.test(), 8, 2, false),
                    train.range(0, PROBE_TRAIN_SAMPLES)};
        }
        AlgorithmicTask t = TransformerBench.reversalTask(0);
        SequenceData train = SequenceData.ofTokens(t.train());
        return new SequenceData[] {train, SequenceData.ofTokens(t.test()), train.range(0, PROBE_TRAIN_SAMPLES)};
    }

    /** The architecture of a family at one size. */
    public static TransformerArchitecture architecture(String family, int dModel, int heads) {
        return family.equals("vit") ? TransformerBench.vit(dModel, heads) : TransformerBench.gpt(dModel, heads);
    }

    /** The schedule of the first wave's budget: batches of 64, Adam 3e-3, two epochs of warm-up, cosine to 0. */
    public static TrainingSchedule schedule(int epochs, int trainSamples) {
        return new TrainingSchedule(epochs, 64, 3e-3, 2 * trainSamples / 64, 0);
    }

    /** The training seed of seed index {@code s} at one size: distinct per size, stable across runs. */
    public static long trainingSeed(TransformerArchitecture arch, int s) {
        return 1_000_003L * arch.label().hashCode() + s;
    }

    /** One trained model of the grid. */
    record Model(int dModel, int heads, int seed, TransformerModel model, double trainLoss, double testLoss,
            double testAccuracy, double seconds) {
    }

    /** One probe row. */
    record Row(String family, int dModel, int heads, int seedA, int seedB, String aligner,
            TransformerAlignmentResult result, double cpuSeconds) {
    }

    /** Trains seed indices {@code 1..seeds} at one size (only {@code onlyPair}'s two when it is not null). */
    static List<Model> train(String family, int d, int h, int seeds, int epochs, SequenceData[] data, int[] onlyPair) {
        TransformerArchitecture arch = architecture(family, d, h);
        List<Model> out = new ArrayList<>();
        for (int s = 1; s <= seeds; s++) {
            if (onlyPair != null && s != onlyPair[0] && s != onlyPair[1]) {
                out.add(null);
                continue;
            }
            TransformerTraining.Result r = TransformerTraining.train(arch, data[0], schedule(epochs, data[0].samples()),
                    trainingSeed(arch, s));
            TransformerGraph.Evaluation te = new TransformerGraph(r.model()).evaluate(data[1]);
            out.add(new Model(d, h, s, r.model(), r.train().loss(), te.loss(), te.accuracy(), r.seconds()));
            System.out.printf(Locale.ROOT, "model %s seed %d: train loss %.4f, test loss %.4f, test accuracy %.4f, %.1f s, %s%n",
                    arch.label(), s, r.train().loss(), te.loss(), te.accuracy(), r.seconds(), r.status());
        }
        return out;
    }

    /** Every aligner on the pair, and the unfolded segment. */
    static List<Row> alignPair(String family, Model a, Model b, SequenceData[] data, TransformerAlignmentSettings settings,
            PrintWriter tsv) {
        List<Row> rows = new ArrayList<>();
        double c0 = AlignmentBench.cpuSeconds();
        long t0 = System.nanoTime();
        InterpolationCurve raw = TransformerInterpolation.probe(a.model(), b.model(), data[2], data[1], PROBE);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        TransformerAlignmentResult unfolded = new TransformerAlignmentResult(
                io.symsweep.transformer.TransformerClassSet.NONE, AlignmentMethod.NONE, null,
                a.model().architecture().label(), "{}", a.model().parameters().distance(b.model().parameters()), 0,
                a.model().parameters().distance(b.model().parameters()),
                a.model().parameters().distance(b.model().parameters()), raw, raw.trainLossBarrier(),
                raw.testLossBarrier(), raw.trainLossBarrierMean(), raw.testLossBarrierMean(), raw.trainAccuracyBarrier(),
                raw.testAccuracyBarrier(), new double[0], 0, 0, seconds, io.symsweep.align.AlignmentStatus.OK, "unfolded");
        rows.add(new Row(family, a.dModel(), a.heads(), a.seed(), b.seed(), "none/unfolded", unfolded,
                AlignmentBench.cpuSeconds() - c0));
        print(rows.get(rows.size() - 1), tsv);
        for (TransformerAligner al : TransformerAligners.all()) {
            double c1 = AlignmentBench.cpuSeconds();
            TransformerAlignmentResult r = TransformerPairProbe.alignAndProbe(a.model(), b.model(), data[0], data[1],
                    data[2], al.classSet(), al.method(), al.headMode(), PROBE, settings);
            rows.add(new Row(family, a.dModel(), a.heads(), a.seed(), b.seed(), al.label(), r,
                    AlignmentBench.cpuSeconds() - c1));
            print(rows.get(rows.size() - 1), tsv);
            // SameDiff's native arrays are freed when their Java objects are collected; the heap alone rarely
            // asks for a collection, and a run of 3 pairs grew past 7 GB without this
            System.gc();
        }
        return rows;
    }

    /** Prints {@code r} and writes it to {@code tsv}, flushed (a run stopped half-way keeps its rows). */
    private static void print(Row r, PrintWriter tsv) {
        tsv.println(tsv(r));
        tsv.flush();
        TransformerAlignmentResult x = r.result();
        System.out.printf(Locale.ROOT, "pair d=%d H=%d %d-%d %-52s test barrier %.4f (mean-def %.4f) train %.4f "
                + "acc %.4f eq %.1e obj %.4g align %.2f s probe+align %.2f s %s%n", r.dModel(), r.heads(), r.seedA(),
                r.seedB(), r.aligner(), x.testLossBarrier(), x.testLossBarrierMean(), x.trainLossBarrier(),
                x.testAccuracyBarrier(), x.equivalenceError(), x.objective(), x.alignSeconds(), x.seconds(), x.status());
    }

    /** Mean and standard error ({@code sd / sqrt(N)}) of {@code v}; s.e. NaN for one value. */
    static double[] meanAndStandardError(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        double se = v.length > 1 ? Math.sqrt(ss / (v.length - 1) / v.length) : Double.NaN;
        return new double[] {m, se};
    }

    /**
     * The figures of one probe row the summary reads (from a {@link Row}, or from a line of {@code results.tsv}).
     *
     * @param aligner the {@code class/method[/head mode]} label
     * @param values  test-loss barrier (Theus et al.'s definition), test-loss barrier (mean definition), train-loss
     *                barrier, test-accuracy barrier, alignment seconds, CPU seconds of alignment and probe
     */
    record SummaryRow(String family, int dModel, int heads, String aligner, double[] values) {
    }

    /** The summary's reading of a probe row. */
    static SummaryRow summaryRow(Row r) {
        TransformerAlignmentResult x = r.result();
        return new SummaryRow(r.family(), r.dModel(), r.heads(), r.aligner(), new double[] {x.testLossBarrier(),
            x.testLossBarrierMean(), x.trainLossBarrier(), x.testAccuracyBarrier(), x.alignSeconds(), r.cpuSeconds()});
    }

    /** The summary's reading of a data line of {@code results.tsv} ({@link #TSV_HEADER}). */
    static SummaryRow summaryRow(String tsvLine) {
        String[] f = tsvLine.split("\t", -1);
        List<String> h = List.of(TSV_HEADER.split("\t"));
        return new SummaryRow(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[h.indexOf("aligner")],
                new double[] {Double.parseDouble(f[h.indexOf("test_loss_barrier")]),
                    Double.parseDouble(f[h.indexOf("test_loss_barrier_mean")]),
                    Double.parseDouble(f[h.indexOf("train_loss_barrier")]),
                    Double.parseDouble(f[h.indexOf("test_accuracy_barrier")]),
                    Double.parseDouble(f[h.indexOf("align_seconds")]), Double.parseDouble(f[h.indexOf("cpu_seconds")])});
    }

    /**
     * The summary: per family and aligner, the test-loss barrier over all pairs as median and as mean +- s.e. (N
     * stated), the other barriers as mean +- s.e., the test-loss barrier per size, and the median alignment seconds.
     */
    static List<String> summary(List<SummaryRow> rows) {
        Map<String, List<SummaryRow>> byAligner = new LinkedHashMap<>();
        List<int[]> sizes = new ArrayList<>();
        for (SummaryRow r : rows) {
            byAligner.computeIfAbsent(r.family() + "\t" + r.aligner(), k -> new ArrayList<>()).add(r);
            if (sizes.stream().noneMatch(z -> z[0] == r.dModel() && z[1] == r.heads())) {
                sizes.add(new int[] {r.dModel(), r.heads()});
            }
        }
        List<String> out = new ArrayList<>();
        StringBuilder head = new StringBuilder("| family | aligner | N | test-loss barrier (median) | test-loss barrier "
                + "(Theus) | test-loss barrier (mean def.) | train-loss barrier | test-accuracy barrier |");
        StringBuilder rule = new StringBuilder("|---|---|---|---|---|---|---|---|");
        for (int[] z : sizes) {
            head.append(" d").append(z[0]).append(" H").append(z[1]).append(" |");
            rule.append("---|");
        }
        head.append(" align s (median) | align+probe CPU s (median) |");
        rule.append("---|---|");
        out.add(head.toString());
        out.add(rule.toString());
        for (Map.Entry<String, List<SummaryRow>> e : byAligner.entrySet()) {
            List<SummaryRow> rs = e.getValue().stream().filter(r -> Double.isFinite(r.values()[0])).toList();
            StringBuilder b = new StringBuilder("| ").append(e.getKey().replace("\t", " | ")).append(" | ")
                    .append(rs.size());
            if (rs.size() < e.getValue().size()) {
                b.append(" (").append(e.getValue().size() - rs.size()).append(" failed)");
            }
            double[] test = column(rs, 0);
            b.append(" | ").append(test.length == 0 ? "-" : String.format(Locale.ROOT, "%.3f",
                    TransformerBench.median(test)));
            for (int k = 0; k < 4; k++) {
                b.append(" | ").append(pm(column(rs, k)));
            }
            for (int[] z : sizes) {
                b.append(" | ").append(pm(rs.stream().filter(r -> r.dModel() == z[0] && r.heads() == z[1])
                        .mapToDouble(r -> r.values()[0]).toArray()));
            }
            b.append(rs.isEmpty() ? " | - | - |" : String.format(Locale.ROOT, " | %.3f | %.3f |",
                    TransformerBench.median(column(rs, 4)), TransformerBench.median(column(rs, 5))));
            out.add(b.toString());
        }
        return out;
    }

    private static double[] column(List<SummaryRow> rs, int k) {
        return rs.stream().mapToDouble(r -> r.values()[k]).toArray();
    }

    private static String pm(double[] v) {
        if (v.length == 0) {
            return "-";
        }
        double[] ms = meanAndStandardError(v);
        return String.format(Locale.ROOT, "%.3f +- %.3f", ms[0], ms[1]);
    }

    /** The TSV header of {@code results.tsv}. */
    static final String TSV_HEADER = "family\td_model\theads\tseed_a\tseed_b\tsymmetry_class\tmethod\thead_mode\taligner"
            + "\taligned_architecture\ttest_loss_barrier\ttest_loss_barrier_mean\ttrain_loss_barrier\ttrain_loss_barrier_mean"
            + "\ttest_accuracy_barrier\ttrain_accuracy_barrier\tequivalence_error\tobjective\tdistance_before\tdistance_after"
            + "\titerations\talign_seconds\tcpu_seconds\tseconds\tstatus\tresidual_eigen_angles";

    static String tsv(Row r) {
        TransformerAlignmentResult x = r.result();
        return String.join("\t", r.family(), "" + r.dModel(), "" + r.heads(), "" + r.seedA(), "" + r.seedB(),
                x.classSet().specName(), x.method().specName(), x.headModeName() == null ? "" : x.headModeName(),
                r.aligner(), x.alignedArchitecture(), num(x.testLossBarrier()), num(x.testLossBarrierMean()),
                num(x.trainLossBarrier()), num(x.trainLossBarrierMean()), num(x.testAccuracyBarrier()),
                num(x.trainAccuracyBarrier()), num(x.equivalenceError()), num(x.objective()), num(x.distanceBefore()),
                num(x.distanceAfter()), "" + x.iterations(), num(x.alignSeconds()), num(r.cpuSeconds()), num(x.seconds()),
                x.status().name(), Arrays.toString(x.residualEigenAngles()));
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    /**
     * {@code run FAMILY [SEEDS [EPOCHS [OUT_DIR [LEARNED_STEPS [SIZES]]]]]} ({@code vit} or {@code gpt}; default 4
     * seeds, 20 epochs, {@code /tmp/transformer-alignment-FAMILY}, the default learned steps, every size of
     * {@link #WIDTHS} x {@link #HEADS}; {@code SIZES} as {@code 32x4,16x2}): step costs, then every model, every pair and
     * the summary. {@code steps} prints the step costs alone; {@code summary DIR...} the summary of the {@code
     * results.tsv} in each directory.
     */
    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 ? args[0] : "steps";
        if (mode.equals("steps")) {
            stepCosts();
            return;
        }
        if (mode.equals("summary")) {
            List<SummaryRow> rows = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                List<String> lines = Files.readAllLines(Path.of(args[i]).resolve("results.tsv"), StandardCharsets.UTF_8);
                lines.stream().skip(1).filter(l -> !l.isBlank()).map(TransformerAlignmentBench::summaryRow)
                        .forEach(rows::add);
            }
            summary(rows).forEach(System.out::println);
            return;
        }
        String family = args[1];
        if (!family.equals("vit") && !family.equals("gpt")) {
            throw new IllegalArgumentException("family must be one of vit, gpt, found " + family);
        }
        if (mode.equals("tune")) {
            tune(family, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            return;
        }
        int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Path out = Path.of(args.length > 4 ? args[4] : "/tmp/transformer-alignment-" + family);
        TransformerAlignmentSettings base = TransformerAlignmentSettings.defaults(0);
        if (args.length > 5) {
            base = base.withLearnedSteps(Integer.parseInt(args[5]));
        }
        List<int[]> sizes = new ArrayList<>();
        if (args.length > 6) {
            for (String size : args[6].split(",")) {
                String[] dh = size.split("x");
                sizes.add(new int[] {Integer.parseInt(dh[0]), Integer.parseInt(dh[1])});
            }
        } else {
            for (int d : WIDTHS) {
                for (int h : HEADS) {
                    sizes.add(new int[] {d, h});
                }
            }
        }
        // -Dsymsweep.bench.onlyPair=2-3: that pair of seed indices alone (e.g. to finish a run stopped half-way)
        String only = System.getProperty("symsweep.bench.onlyPair");
        int[] onlyPair = only == null ? null
                : Arrays.stream(only.split("-")).mapToInt(Integer::parseInt).toArray();
        Files.createDirectories(out);
        if (!Boolean.getBoolean("symsweep.bench.skipStepCosts")) {
            stepCosts();
        }
        SequenceData[] data = data(family);
        List<Row> rows = new ArrayList<>();
        try (PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(out.resolve("results.tsv"), StandardCharsets.UTF_8));
                PrintWriter models = new PrintWriter(Files.newBufferedWriter(out.resolve("models.tsv"), StandardCharsets.UTF_8))) {
            tsv.println(TSV_HEADER);
            models.println("family\td_model\theads\tseed\ttrain_loss\ttest_loss\ttest_accuracy\ttrain_seconds");
            for (int[] size : sizes) {
                int d = size[0];
                int h = size[1];
                List<Model> ms = train(family, d, h, seeds, epochs, data, onlyPair);
                for (Model m : ms) {
                    if (m == null) {
                        continue;
                    }
                    models.println(String.join("\t", family, "" + d, "" + h, "" + m.seed(), num(m.trainLoss()),
                            num(m.testLoss()), num(m.testAccuracy()), num(m.seconds())));
                }
                models.flush();
                for (int i = 0; i < ms.size(); i++) {
                    for (int j = i + 1; j < ms.size(); j++) {
                        if (ms.get(i) == null || ms.get(j) == null) {
                            continue;
                        }
                        TransformerAlignmentSettings s = base.withSeed(trainingSeed(ms.get(i).model().architecture(),
                                100 * (i + 1) + j + 1));
                        for (Row r : alignPair(family, ms.get(i), ms.get(j), data, s, tsv)) {
                            rows.add(r);
                        }
                    }
                }
            }
        }
        List<String> table = summary(rows.stream().map(TransformerAlignmentBench::summaryRow).toList());
        Files.write(out.resolve("summary.md"), table, StandardCharsets.UTF_8);
        table.forEach(System.out::println);
    }

    /**
     * The learned method's rate and steps on one pair (seeds 1 and 2 at one size): the test-loss barrier of
     * permutation+orthogonal learned matching at each (rate, steps), beside weight matching's.
     */
    static void tune(String family, int d, int h, int epochs) {
        SequenceData[] data = data(family);
        List<Model> ms = train(family, d, h, 2, epochs, data, null);
        TransformerAlignmentSettings base = TransformerAlignmentSettings.defaults(7);
        for (var c : new io.symsweep.transformer.TransformerClassSet[] {io.symsweep.transformer.TransformerClassSet.PERMUTATION,
                io.symsweep.transformer.TransformerClassSet.PERMUTATION_ORTHOGONAL}) {
            TransformerAlignmentResult wm = TransformerPairProbe.alignAndProbe(ms.get(0).model(), ms.get(1).model(),
                    data[0], data[1], data[2], c, AlignmentMethod.WEIGHT_MATCHING, null, PROBE, base);
            System.out.printf(Locale.ROOT, "%s weight matching: test barrier %.4f, %.1f s%n", c.specName(),
                    wm.testLossBarrier(), wm.alignSeconds());
            for (double rate : new double[] {1e-3, 3e-3, 1e-2, 3e-2}) {
                for (int steps : new int[] {50, 200}) {
                    TransformerAlignmentResult r = TransformerPairProbe.alignAndProbe(ms.get(0).model(),
                            ms.get(1).model(), data[0], data[1], data[2], c, AlignmentMethod.LEARNED, null, PROBE,
                            base.withLearnedRate(rate).withLearnedSteps(steps));
                    System.out.printf(Locale.ROOT, "%s learned rate %.0e steps %d: test barrier %.4f, train barrier %.4f,"
                            + " midpoint train loss %.4f, %.1f s%n", c.specName(), rate, steps, r.testLossBarrier(),
                            r.trainLossBarrier(), r.objective(), r.alignSeconds());
                }
            }
        }
    }

    /** SameDiff training step costs (as the first wave measured them) and the learned method's step cost. */
    static void stepCosts() {
        int[] batches = {1, 16, 64, 128};
        for (String family : new String[] {"vit", "gpt"}) {
            SequenceData[] data = data(family);
            TransformerBench.StepCost c = TransformerBench.stepCost(architecture(family, 32, 4), data[0], batches, 5, 10);
            double[] perSample = new double[batches.length];
            double[] cpuPerSample = new double[batches.length];
            for (int i = 0; i < batches.length; i++) {
                perSample[i] = round(c.microsPerSampleStep(i));
                cpuPerSample[i] = round(c.cpuMicrosPerStep()[i] / batches[i]);
            }
            System.out.printf(Locale.ROOT, "training %s: us/sample-step %s (thread CPU %s) at batches %s; line: fixed %.0f"
                    + " us/step (CPU %.0f), %.1f us/sample (CPU %.1f); %d gradient ops, %.1f us/op fixed (CPU %.1f);"
                    + " marginal %.2f GFLOP/s; eval %.1f us/sample at 256 a pass%n", c.label(),
                    Arrays.toString(perSample), Arrays.toString(cpuPerSample), Arrays.toString(batches), c.fixedMicros(),
                    c.cpuFixedMicros(), c.microsPerSample(), c.cpuMicrosPerSample(), c.gradientOps(),
                    c.fixedMicros() / c.gradientOps(), c.cpuFixedMicros() / c.gradientOps(), c.marginalGflops(),
                    c.evalMicrosPerSample());
            LearnedStepCost l = learnedStepCost(architecture(family, 32, 4), data[0], new int[] {1, 16, 64}, 5, 5);
            System.out.printf(Locale.ROOT, "learned %s: us/step %s (thread CPU %s) at batches %s; line: fixed %.0f us/step"
                    + " (CPU %.0f), %.1f us/sample (CPU %.1f); %d forward ops (%.1f us/op fixed, CPU %.1f); host projection"
                    + " %.0f us/step%n", l.label(), Arrays.toString(roundAll(l.microsPerStep())),
                    Arrays.toString(roundAll(l.cpuMicrosPerStep())), Arrays.toString(l.batches()), l.fixedMicros(),
                    l.cpuFixedMicros(), l.microsPerSample(), l.cpuMicrosPerSample(), l.ops(), l.fixedMicros() / l.ops(),
                    l.cpuFixedMicros() / l.ops(), l.projectionMicros());
        }
    }

    private static double[] roundAll(double[] v) {
        return Arrays.stream(v).map(TransformerAlignmentBench::round).toArray();
    }

    private static int[] batchIndices(int[] b) {
        int[] i = new int[b.length];
        Arrays.setAll(i, k -> k);
        return i;
    }

    private static double round(double x) {
        return Math.round(x * 10) / 10.0;
    }

    /**
     * The cost of one learned-matching step (permutation+orthogonal): the SameDiff graph of {@code T.B}, the
     * interpolation, the forward pass and the reverse mode, at several batch sizes, split by a least-squares line
     * into a batch-independent part (per-op overhead) and a per-sample part, in wall and thread CPU time; and the host
     * projection's share.
     */
    record LearnedStepCost(String label, int[] batches, double[] microsPerStep, double fixedMicros,
            double microsPerSample, double[] cpuMicrosPerStep, double cpuFixedMicros, double cpuMicrosPerSample, int ops,
            double projectionMicros) {
    }

    static LearnedStepCost learnedStepCost(TransformerArchitecture arch, SequenceData data, int[] batches, int repeats,
            int steps) {
        TransformerModel a = new TransformerModel(arch, io.symsweep.transformer.TransformerParameters.initialise(arch, 1));
        TransformerModel b = new TransformerModel(arch, io.symsweep.transformer.TransformerParameters.initialise(arch, 2));
        TransformerLearnedStep probe = new TransformerLearnedStep(a, b);
        double[] us = new double[batches.length];
        double[] cpu = new double[batches.length];
        for (int bi = 0; bi < batches.length; bi++) {
            SequenceData batch = data.range(0, batches[bi]);
            probe.step(batch);
            double[] t = new double[repeats];
            double[] c = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                double c0 = AlignmentBench.cpuSeconds();
                long t0 = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    probe.step(batch);
                }
                t[r] = (System.nanoTime() - t0) * 1e-3 / steps;
                c[r] = (AlignmentBench.cpuSeconds() - c0) * 1e6 / steps;
            }
            us[bi] = TransformerBench.median(t);
            cpu[bi] = TransformerBench.median(c);
        }
        double[] line = TransformerBench.leastSquaresLine(batches, us);
        double[] cpuLine = TransformerBench.leastSquaresLine(batches, cpu);
        double[] proj = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                probe.project();
            }
            proj[r] = (System.nanoTime() - t0) * 1e-3 / steps;
        }
        return new LearnedStepCost(arch.label(), batches.clone(), us, line[0], line[1], cpu, cpuLine[0], cpuLine[1],
                probe.opCount(), TransformerBench.median(proj));
    }
}
