package io.symsweep.bench;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentSettings;
import io.symsweep.connectivity.AlignmentResult;
import io.symsweep.connectivity.PairProbe;
import io.symsweep.connectivity.ProbeSettings;
import io.symsweep.data.DataSplit;
import io.symsweep.data.Task;
import io.symsweep.mlp.Dl4jMlp;
import io.symsweep.mlp.HiddenActivation;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.mlp.MlpTrainer;
import io.symsweep.mlp.TrainedModel;
import io.symsweep.mlp.TrainingSpec;
import io.symsweep.params.SymmetryClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The alignment bench on the digits MLPs {@code 64-h-h-10} (ReLU, biases), on the calling thread: DL4J training
 * microseconds per sample-step, the time to train one model with the given budget, alignment seconds per pair per
 * (class, method), and the test-loss barrier per method over pairs of seeds. {@code main} prints JSON; every
 * time is a median (training steps) or one measured run (alignments, which are deterministic).
 */
public final class AlignmentBench {

    private AlignmentBench() {
    }

    /** The digits MLP {@code 64-h-h-10}. */
    public static MlpSpec digits(int h) {
        return new MlpSpec(new int[] {64, h, h, 10}, HiddenActivation.RELU, true, Task.CLASSIFICATION);
    }

    /** The training budget of the bench: Adam 1e-3, linear decay to 0, batches of 64, {@code epochs} epochs. */
    public static TrainingSpec budget(int epochs) {
        return new TrainingSpec(TrainingSpec.Optimizer.ADAM, 1e-3, 0, 64, epochs, 0, TrainingSpec.Schedule.LINEAR, 1);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** This thread's CPU time in seconds (the machine is shared: wall time includes other processes' turns). */
    static double cpuSeconds() {
        return THREADS.getCurrentThreadCpuTime() * 1e-9;
    }

    /**
     * Median microseconds per sample-step of {@code MultiLayerNetwork.fit} on digit batches of 64: {wall, this
     * thread's CPU time}.
     */
    public static double[] dl4jMicrosPerSampleStep(int h, DataSplit data, int steps, int repeats) {
        MlpSpec spec = digits(h);
        MultiLayerNetwork net = Dl4jMlp.network(spec, budget(1), 1_000_000);
        Dl4jMlp.setParameters(net, spec, MlpTrainer.initialParameters(spec, 1, new java.util.SplittableRandom(0)));
        int[] idx = new int[64];
        for (int i = 0; i < 64; i++) {
            idx[i] = i;
        }
        DataSet batch = Dl4jMlp.dataSet(data.train(), idx);
        for (int i = 0; i < steps; i++) {
            net.fit(batch);
        }
        double[] us = new double[repeats];
        double[] cpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            double c0 = cpuSeconds();
            for (int i = 0; i < steps; i++) {
                net.fit(batch);
            }
            us[r] = (System.nanoTime() - t0) * 1e-3 / (steps * 64.0);
            cpu[r] = (cpuSeconds() - c0) * 1e6 / (steps * 64.0);
        }
        Arrays.sort(us);
        Arrays.sort(cpu);
        return new double[] {us[repeats / 2], cpu[repeats / 2]};
    }

    /** The (class, method, repair) rows the bench times and probes on ReLU digits MLPs. */
    static List<Object[]> methods() {
        List<Object[]> m = new ArrayList<>();
        m.add(new Object[] {SymmetryClass.NONE, AlignmentMethod.NONE, false});
        m.add(new Object[] {SymmetryClass.PERMUTATION, AlignmentMethod.ACTIVATION_MATCHING, false});
        m.add(new Object[] {SymmetryClass.PERMUTATION, AlignmentMethod.ACTIVATION_INNER_PRODUCT, false});
        m.add(new Object[] {SymmetryClass.PERMUTATION, AlignmentMethod.WEIGHT_MATCHING, false});
        m.add(new Object[] {SymmetryClass.PERMUTATION, AlignmentMethod.LEARNED, false});
        m.add(new Object[] {SymmetryClass.PERMUTATION_SCALING, AlignmentMethod.WEIGHT_MATCHING, false});
        m.add(new Object[] {SymmetryClass.PERMUTATION, AlignmentMethod.WEIGHT_MATCHING, true});
        return m;
    }

    static String key(Object[] m) {
        return ((SymmetryClass) m[0]).specName() + "/" + ((AlignmentMethod) m[1]).specName()
                + ((Boolean) m[2] ? "+repair" : "");
    }

    /** The figures so far; each is also printed to stderr as it is measured, so a long run's partial results survive. */
    @SuppressWarnings("serial")
    static final class Figures extends LinkedHashMap<String, Object> {
        @Override
        public Object put(String k, Object v) {
            System.err.println("  \"" + k + "\": " + format(v));
            return super.put(k, v);
        }
    }

    public static Map<String, Object> run(int[] widths, int[] barrierWidths, int seeds, int epochs) {
        DataSplit data = DataSplit.digits(360, 0);
        Map<String, Object> out = new Figures();
        for (int h : widths) {
            double[] f = dl4jMicrosPerSampleStep(h, data, 20, 5);
            out.put("dl4j_us_per_sample_step_h" + h, f[0]);
            out.put("dl4j_cpu_us_per_sample_step_h" + h, f[1]);
        }
        ProbeSettings probe = ProbeSettings.defaults();
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
        for (int h : widths) {
            all.add(h);
        }
        for (int h : barrierWidths) {
            all.add(h);
        }
        for (int h : all) {
            boolean barriers = Arrays.stream(barrierWidths).anyMatch(x -> x == h);
            int n = barriers ? seeds : 2;
            List<TrainedModel> models = new ArrayList<>();
            double c0 = cpuSeconds();
            for (int s = 0; s < n; s++) {
                models.add(MlpTrainer.train(digits(h), budget(epochs), data, s));
                if (s == 0) {
                    out.put("train_cpu_seconds_h" + h, cpuSeconds() - c0);
                }
            }
            out.put("train_seconds_h" + h, models.get(0).seconds());
            out.put("test_accuracy_h" + h, models.get(0).testAccuracy());
            Map<String, List<Double>> barrier = new LinkedHashMap<>();
            for (Object[] m : methods()) {
                List<Double> b = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        AlignmentResult r = PairProbe.alignAndProbe(models.get(i), models.get(j), data,
                                (SymmetryClass) m[0], (AlignmentMethod) m[1], (Boolean) m[2], probe,
                                AlignmentSettings.defaults(31L * i + j));
                        if (i == 0 && j == 1) {
                            out.put("align_seconds_h" + h + "_" + key(m), r.alignSeconds());
                            out.put("pair_seconds_h" + h + "_" + key(m), r.seconds());
                            double a0 = cpuSeconds();
                            io.symsweep.align.Aligners.of((SymmetryClass) m[0], (AlignmentMethod) m[1]).align(
                                    io.symsweep.align.AlignmentProblem.of(digits(h), models.get(i).parameters(),
                                            models.get(j).parameters(), data.train(), AlignmentSettings.defaults(31L * i + j)));
                            out.put("align_cpu_seconds_h" + h + "_" + key(m), cpuSeconds() - a0);
                        }
                        b.add(r.testLossBarrier());
                    }
                }
                barrier.put(key(m), b);
            }
            if (barriers) {
                barrier.forEach((k, v) -> {
                    out.put("test_loss_barrier_h" + h + "_" + k, v);
                    out.put("mean_test_loss_barrier_h" + h + "_" + k,
                            v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
                });
            }
            System.err.println("width " + h + " done");
        }
        return out;
    }

    /** {@code AlignmentBench [widths] [barrier widths] [seeds] [epochs]}, e.g. {@code 16,64,256,512 32,256 4 30}. */
    public static void main(String[] args) {
        int[] widths = args.length > 0 ? parse(args[0]) : new int[] {16, 64, 256, 512};
        int[] barrierWidths = args.length > 1 ? parse(args[1]) : new int[] {32, 256};
        int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Map<String, Object> r = run(widths, barrierWidths, seeds, epochs);
        StringBuilder s = new StringBuilder("{\n");
        int k = 0;
        for (Map.Entry<String, Object> e : r.entrySet()) {
            s.append("  \"").append(e.getKey()).append("\": ").append(format(e.getValue()))
                    .append(++k < r.size() ? ",\n" : "\n");
        }
        System.out.println(s.append('}'));
    }

    private static String format(Object v) {
        if (v instanceof List<?> l) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                s.append(i > 0 ? ", " : "").append(format(l.get(i)));
            }
            return s.append(']').toString();
        }
        double d = (Double) v;
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "null";
    }

    private static int[] parse(String s) {
        return Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
