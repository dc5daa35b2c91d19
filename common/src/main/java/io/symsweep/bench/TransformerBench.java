package io.symsweep.bench;

import io.symsweep.data.Digits;
import io.symsweep.data.LabelledData;
import io.symsweep.transformer.AlgorithmicTask;
import io.symsweep.transformer.SequenceData;
import io.symsweep.transformer.TrainingSchedule;
import io.symsweep.transformer.TransformerArchitecture;
import io.symsweep.transformer.TransformerArchitecture.Nonlinearity;
import io.symsweep.transformer.TransformerArchitecture.Norm;
import io.symsweep.transformer.TransformerArchitecture.Pooling;
import io.symsweep.transformer.TransformerGraph;
import io.symsweep.transformer.TransformerModel;
import io.symsweep.transformer.TransformerParameters;
import io.symsweep.transformer.TransformerTraining;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Throughput of SameDiff training for the tiny transformers, on the calling thread: microseconds per step at several
 * batch sizes, split by a least-squares line {@code t(B) = fixed + B * perSample} into the per-step cost that does not
 * depend on the batch (per-op overhead: graph execution, op dispatch, allocation, the updater) and the cost that grows
 * with it (arithmetic and memory traffic), with the FLOP count beside it. Also the training budget that the alignment
 * specs will use: test accuracy and seconds per model over widths and head counts. Pure measurement; medians of
 * repeats, as the machine is shared.
 */
public final class TransformerBench {

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private TransformerBench() {
    }

    /** Width of every head in the benchmark models (the per-head maps are {@code 8 x 8} whatever the width). */
    public static final int D_HEAD = 8;

    /** The benchmark ViT: digits, 2x2 patches (16 tokens), L 2, d_head 8, d_mlp 2 d, RMSNorm, GELU, mean pooling. */
    public static TransformerArchitecture vit(int dModel, int heads) {
        return TransformerArchitecture.vit(8, 2, Digits.CLASSES, dModel, 2, heads, D_HEAD, 2 * dModel,
                Norm.RMS_NORM, Nonlinearity.GELU, Pooling.MEAN);
    }

    /** The benchmark task of the causal transformer: reversal of 5 symbols from 8 (10 tokens). */
    public static AlgorithmicTask reversalTask(long seed) {
        return AlgorithmicTask.reversal(5, 8, 2000, 500, seed);
    }

    /** The benchmark causal transformer on {@link #reversalTask}: L 2, d_head 8, d_mlp 2 d, RMSNorm, GELU. */
    public static TransformerArchitecture gpt(int dModel, int heads) {
        return TransformerArchitecture.causal(9, 10, dModel, 2, heads, D_HEAD, 2 * dModel, Norm.RMS_NORM,
                Nonlinearity.GELU);
    }

    /**
     * Floating-point operations of one training step per sample, counting a multiply-add as 2 and the backward pass
     * as twice the forward (gradients with respect to inputs and to weights): {@code 3 * 2 * MACs}, with the forward
     * multiply-adds {@code T F d} (embedding) {@code + L (3 T d A + 2 H T^2 d_head + T A d + 2 T d d_mlp)} (attention
     * projections, scores and mixing over all {@code T^2} pairs, output projection, MLP) {@code + P d C} (head),
     * {@code A = H d_head}, {@code P} outputs per sample. Norms, softmax, activations and Adam are left out: they are
     * {@code O(T d)} per sample and {@code O(parameters)} per step.
     */
    public static double trainingFlopsPerSample(TransformerArchitecture a) {
        double t = a.tokens();
        double d = a.dModel();
        double att = a.attentionWidth();
        double macs = t * a.inputFeatures() * d
                + a.layers() * (3 * t * d * att + 2 * a.heads() * t * t * a.dHead() + t * att * d + 2 * t * d * a.dMlp())
                + a.outputsPerSample() * d * a.outputs();
        return 3 * 2 * macs;
    }

    /**
     * One architecture's step times.
     *
     * @param label            the architecture
     * @param batches          batch sizes measured
     * @param microsPerStep    median microseconds per training step at each batch size
     * @param fixedMicros      the line's intercept: per-step cost independent of the batch
     * @param microsPerSample  the line's slope
     * @param forwardOps       ops of the forward graph and loss
     * @param gradientOps      ops of SameDiff's gradient function
     * @param flopsPerSample   {@link #trainingFlopsPerSample}
     * @param evalMicrosPerSample forward pass only, per sample, at 256 samples a pass
     * @param cpuMicrosPerStep median thread CPU microseconds per step at each batch size (below the wall time when
     *                         other processes took the core)
     * @param cpuFixedMicros   the intercept of the same line through the CPU times
     * @param cpuMicrosPerSample its slope
     */
    public record StepCost(String label, int[] batches, double[] microsPerStep, double fixedMicros,
            double microsPerSample, int forwardOps, int gradientOps, double flopsPerSample, double evalMicrosPerSample,
            double[] cpuMicrosPerStep, double cpuFixedMicros, double cpuMicrosPerSample) {

        /** Microseconds per sample-step at batch {@code batches[i]}. */
        public double microsPerSampleStep(int i) {
            return microsPerStep[i] / batches[i];
        }

        /** Of the step at batch {@code batches[i]}, the fraction the batch-independent part takes. */
        public double fixedShare(int i) {
            return fixedMicros / microsPerStep[i];
        }

        /** Achieved GFLOP/s at {@code batches[i]} (useful work as counted by {@link #trainingFlopsPerSample}). */
        public double gflops(int i) {
            return flopsPerSample * batches[i] / microsPerStep[i] * 1e-3;
        }

        /** GFLOP/s of the batch-proportional part alone. */
        public double marginalGflops() {
            return flopsPerSample / microsPerSample * 1e-3;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("architecture", label);
            m.put("batches", batches);
            m.put("us_per_step", microsPerStep);
            double[] perSample = new double[batches.length];
            for (int i = 0; i < batches.length; i++) {
                perSample[i] = microsPerSampleStep(i);
            }
            m.put("us_per_sample_step", perSample);
            m.put("fixed_us_per_step", fixedMicros);
            m.put("us_per_sample", microsPerSample);
            m.put("forward_ops", forwardOps);
            m.put("gradient_ops", gradientOps);
            m.put("fixed_us_per_gradient_op", fixedMicros / gradientOps);
            m.put("training_flops_per_sample", flopsPerSample);
            m.put("marginal_gflops", marginalGflops());
            m.put("eval_us_per_sample", evalMicrosPerSample);
            m.put("thread_cpu_us_per_step", cpuMicrosPerStep);
            m.put("thread_cpu_fixed_us_per_step", cpuFixedMicros);
            m.put("thread_cpu_fixed_us_per_gradient_op", cpuFixedMicros / gradientOps);
            m.put("thread_cpu_us_per_sample", cpuMicrosPerSample);
            m.put("thread_cpu_marginal_gflops", flopsPerSample / cpuMicrosPerSample * 1e-3);
            return m;
        }
    }

    /** Median step times of {@code arch} on {@code data} (the first {@code max(batches)} samples). */
    public static StepCost stepCost(TransformerArchitecture arch, SequenceData data, int[] batches, int repeats,
            int stepsPerRepeat) {
        TransformerTraining.Stepper stepper = new TransformerTraining.Stepper(
                new TransformerModel(arch, TransformerParameters.initialise(arch, 1)), 1e-4);
        double[] us = new double[batches.length];
        double[] cpu = new double[batches.length];
        for (int bi = 0; bi < batches.length; bi++) {
            SequenceData batch = data.range(0, batches[bi]);
            stepper.steps(batch, Math.max(3, stepsPerRepeat / 2));
            double[] t = new double[repeats];
            double[] c = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                stepper.steps(batch, stepsPerRepeat);
                t[r] = (System.nanoTime() - t0) / 1e3 / stepsPerRepeat;
                c[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e3 / stepsPerRepeat;
            }
            us[bi] = median(t);
            cpu[bi] = median(c);
        }
        double[] line = leastSquaresLine(batches, us);
        double[] cpuLine = leastSquaresLine(batches, cpu);
        TransformerGraph g = stepper.graph();
        SequenceData evalBatch = data.range(0, Math.min(256, data.samples()));
        g.logits(evalBatch);
        double[] e = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            g.logits(evalBatch);
            e[r] = (System.nanoTime() - t0) / 1e3 / evalBatch.samples();
        }
        return new StepCost(arch.label(), batches.clone(), us, line[0], line[1], stepper.forwardOps(),
                stepper.gradientOps(), trainingFlopsPerSample(arch), median(e), cpu, cpuLine[0], cpuLine[1]);
    }

    /**
     * One trained model of the budget measurement.
     *
     * @param label        the architecture
     * @param seed         the training seed
     * @param trainLoss    final training loss
     * @param testLoss     test loss
     * @param testAccuracy test accuracy
     * @param seconds      training wall time
     * @param status       how training ended
     */
    public record BudgetRow(String label, long seed, double trainLoss, double testLoss, double testAccuracy,
            double seconds, String status) {
    }

    /** Trains every architecture at every seed on {@code train} and evaluates it on {@code test}. */
    public static List<BudgetRow> budget(List<TransformerArchitecture> archs, long[] seeds, SequenceData train,
            SequenceData test, TrainingSchedule schedule) {
        List<BudgetRow> rows = new ArrayList<>();
        for (TransformerArchitecture a : archs) {
            for (long seed : seeds) {
                TransformerTraining.Result r = TransformerTraining.train(a, train, schedule, seed);
                TransformerGraph.Evaluation te = new TransformerGraph(r.model()).evaluate(test);
                rows.add(new BudgetRow(a.label(), seed, r.train().loss(), te.loss(), te.accuracy(), r.seconds(),
                        r.status().name()));
            }
        }
        return rows;
    }

    /** The digits split of the alignment specs: 1437 train, 360 test, seed 0. */
    public static LabelledData.Split digitsSplit() {
        return Digits.load().stratifiedSplit(360, 0);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /** {intercept, slope} of the least-squares line through {@code (x_i, y_i)}. */
    static double[] leastSquaresLine(int[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxy / sxx;
        return new double[] {my - slope * mx, slope};
    }

    /**
     * {@code steps [repeats]} prints the step costs of the benchmark ViT and causal transformer; {@code budget VIT|GPT
     * EPOCHS [SEEDS]} trains the spec grid (d_model 16, 32, 64 x heads 2, 4) with that many epochs and prints test
     * accuracy and seconds per model.
     */
    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "steps";
        if (mode.equals("steps")) {
            int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
            int[] batches = {1, 16, 64, 128};
            var split = digitsSplit();
            SequenceData vitData = SequenceData.ofPatches(split.train(), 8, 2, false);
            SequenceData gptData = SequenceData.ofTokens(reversalTask(0).train());
            for (StepCost c : List.of(stepCost(vit(32, 4), vitData, batches, repeats, 10),
                    stepCost(gpt(32, 4), gptData, batches, repeats, 10))) {
                System.out.println(c.toJson().entrySet().stream().map(e -> e.getKey() + "=" + format(e.getValue()))
                        .reduce((x, y) -> x + "\n  " + y).orElse(""));
            }
            return;
        }
        boolean isVit = args[1].equalsIgnoreCase("vit");
        int epochs = Integer.parseInt(args[2]);
        int seeds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        long[] s = new long[seeds];
        for (int i = 0; i < seeds; i++) {
            s[i] = i + 1;
        }
        List<TransformerArchitecture> archs = new ArrayList<>();
        for (int d : new int[] {16, 32, 64}) {
            for (int h : new int[] {2, 4}) {
                archs.add(isVit ? vit(d, h) : gpt(d, h));
            }
        }
        SequenceData train;
        SequenceData test;
        if (isVit) {
            var split = digitsSplit();
            train = SequenceData.ofPatches(split.train(), 8, 2, false);
            test = SequenceData.ofPatches(split.test(), 8, 2, false);
        } else {
            AlgorithmicTask t = reversalTask(0);
            train = SequenceData.ofTokens(t.train());
            test = SequenceData.ofTokens(t.test());
        }
        TrainingSchedule schedule = new TrainingSchedule(epochs, 64, 3e-3, 2 * train.samples() / 64, 0);
        for (BudgetRow r : budget(archs, s, train, test, schedule)) {
            System.out.printf(Locale.ROOT, "%s seed %d: train loss %.4f, test loss %.4f, test accuracy %.4f, %.1f s, %s%n",
                    r.label(), r.seed(), r.trainLoss(), r.testLoss(), r.testAccuracy(), r.seconds(), r.status());
        }
    }

    private static String format(Object v) {
        if (v instanceof double[] d) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < d.length; i++) {
                b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", d[i]));
            }
            return b.append("]").toString();
        }
        if (v instanceof int[] i) {
            return Arrays.toString(i);
        }
        if (v instanceof Double x) {
            return String.format(Locale.ROOT, "%.3g", x);
        }
        return String.valueOf(v);
    }
}
