package io.symsweep.bench;

import io.symsweep.engine.DenseEngine;
import io.symsweep.engine.Dl4jEngine;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.model.WeightInit;
import io.symsweep.probe.AlphaGrid;
import io.symsweep.symmetry.RescalingAction;
import io.symsweep.train.TrainingProblem;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingSettings;
import io.symsweep.train.TrainingStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Throughput of training and probing on one thread (the caller's): microseconds per model-step of
 * (a) DL4J {@code MultiLayerNetwork.fit}, (b) the dense engine one network at a time, (c) the dense engine
 * batched, and probe evaluations per second. Each figure is the median of {@link Options#repeats()} timed
 * repeats of about {@link Options#repeatSeconds()} each, after {@link Options#warmupSeconds()} of
 * untimed warm-up, which also sizes the repeats. Full-batch SGD on {@code ||Y - f(X)||_F^2} with the
 * loss tolerance 0, so every run takes all its steps.
 */
public final class ThroughputBench {

    /**
     * What to measure.
     *
     * @param network       the network and its data size
     * @param networks      networks in the batched measurement (c)
     * @param probeFactors  rescaling factors per probe batch (each times the 25-point alpha grid)
     * @param repeats       timed repeats per figure (the median is reported)
     * @param warmupSeconds untimed warm-up per figure
     * @param repeatSeconds target length of one timed repeat
     * @param dl4j          false to skip the (slow) DL4J figure
     */
    public record Options(BenchNetwork network, int networks, int probeFactors, int repeats, double warmupSeconds,
            double repeatSeconds, boolean dl4j) {

        public Options {
            if (networks < 1 || probeFactors < 1 || repeats < 1 || !(warmupSeconds >= 0) || !(repeatSeconds > 0)) {
                throw new IllegalArgumentException("networks, probe factors and repeats must be >= 1, times > 0");
            }
        }

        public static Options defaults(BenchNetwork network) {
            return new Options(network, 512, 64, 11, 1.0, 0.1, true);
        }
    }

    /**
     * A median of wall-clock repeats, their spread, and the median of the same repeats in this thread's
     * CPU time (lower than the wall time when other processes took the core).
     */
    public record Figure(double median, double min, double max, double cpuMedian) {

        static final Figure SKIPPED = new Figure(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        static Figure of(double[] wall, double[] cpu) {
            double[] v = wall.clone();
            Arrays.sort(v);
            double[] c = cpu.clone();
            Arrays.sort(c);
            return new Figure(v[v.length / 2], v[0], v[v.length - 1], c[c.length / 2]);
        }

        /** The reciprocal, for rates: items per second from microseconds per item. */
        Figure perSecond() {
            return new Figure(1e6 / median, 1e6 / max, 1e6 / min, 1e6 / cpuMedian);
        }

        /** {@code max / min} of the repeats: 1 on a quiet machine. */
        public double spread() {
            return max / min;
        }
    }

    /** The measured figures; per-step times in microseconds, NaN when skipped. */
    public record Result(BenchNetwork network, double flopsPerStep, double flopsPerProbe, int lanes, int batch,
            Figure dl4j, Figure dense, Figure denseBatched, Figure probeEvalsPerSecond, int repeats) {

        /** The JSON object of {@code symsweep bench --json}. */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("network", network.name());
            m.put("architecture", network.architecture().label());
            m.put("samples", network.samples());
            m.put("learning_rate", network.learningRate());
            m.put("flops_per_step", flopsPerStep);
            m.put("flops_per_probe_eval", flopsPerProbe);
            m.put("dl4j_us_per_step", dl4j.median());
            m.put("dense_us_per_step", dense.median());
            m.put("dense_batched_us_per_step", denseBatched.median());
            m.put("probe_evals_per_second", probeEvalsPerSecond.median());
            m.put("dl4j_vs_batched", dl4j.median() / denseBatched.median());
            m.put("dense_vs_batched", dense.median() / denseBatched.median());
            m.put("dl4j_gflops", gflops(dl4j.median()));
            m.put("dense_gflops", gflops(dense.median()));
            m.put("dense_batched_gflops", gflops(denseBatched.median()));
            m.put("probe_gflops", probeEvalsPerSecond.median() * flopsPerProbe * 1e-9);
            m.put("simd_lanes", lanes);
            m.put("batch", batch);
            m.put("repeats", repeats);
            Map<String, Figure> figures = new LinkedHashMap<>();
            figures.put("dl4j", dl4j);
            figures.put("dense", dense);
            figures.put("dense_batched", denseBatched);
            figures.put("probe", probeEvalsPerSecond);
            Map<String, Object> spread = new LinkedHashMap<>();
            Map<String, Object> cpu = new LinkedHashMap<>();
            figures.forEach((way, f) -> {
                spread.put(way, f.spread());
                cpu.put(way + (f == probeEvalsPerSecond ? "_evals_per_second" : "_us_per_step"), f.cpuMedian());
            });
            m.put("spread_max_over_min", spread);
            m.put("thread_cpu_time", cpu);
            m.put("threads", 1);
            m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            return m;
        }

        private double gflops(double usPerStep) {
            return flopsPerStep / usPerStep * 1e-3;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThroughputBench() {
    }

    /**
     * Floating-point operations of one full-batch SGD step, counting a multiply-add as 2: forward
     * {@code 2 P N}, hidden activations {@code H N}, loss and output gradient {@code 4 n_l N}, weight
     * gradients {@code 2 P N}, backpropagation {@code 2 (P - n_0 n_1) N} and activation derivatives
     * {@code H N}, update {@code 2 P}; {@code P} weights, {@code H} hidden units, {@code N} samples. The
     * Figure-4 network: 33,728.
     */
    public static double flopsPerStep(MlpArchitecture arch, int samples) {
        long p = arch.parameterCount();
        long hidden = 0;
        for (int i = 1; i < arch.layers(); i++) {
            hidden += arch.width(i);
        }
        long first = (long) arch.width(0) * arch.width(1);
        return 2.0 * p * samples + hidden * samples + 4.0 * arch.outputs() * samples + 2.0 * p * samples
                + 2.0 * (p - first) * samples + hidden * samples + 2.0 * p;
    }

    /**
     * Floating-point operations of one probe evaluation: the interpolated weights {@code (1-a) u + a v}
     * ({@code 3 P}), a forward pass and the loss.
     */
    public static double flopsPerProbe(MlpArchitecture arch, int samples) {
        long p = arch.parameterCount();
        long hidden = 0;
        for (int i = 1; i < arch.layers(); i++) {
            hidden += arch.width(i);
        }
        return 3.0 * p + 2.0 * p * samples + hidden * samples + 3.0 * arch.outputs() * samples;
    }

    /** Runs every measurement on the calling thread. */
    public static Result run(Options o) {
        BenchNetwork net = o.network();
        MlpArchitecture arch = net.architecture();
        int samples = net.samples();
        RegressionData data = RegressionData.gaussian(arch.inputs(), arch.outputs(), samples, 1);
        MlpParameters w0 = WeightInit.LECUN_NORMAL.sample(arch, 1.0, 2);
        double lr = net.learningRate();
        DenseEngine dense = new DenseEngine();

        Figure dl4j = Figure.SKIPPED;
        if (o.dl4j()) {
            MultiLayerNetwork network = Dl4jEngine.network(arch, lr);
            Dl4jEngine.setWeights(network, w0);
            DataSet ds = new DataSet(
                    Nd4j.create(data.x(), new long[] {arch.inputs(), samples}, 'c').transpose().dup('c'),
                    Nd4j.create(data.y(), new long[] {arch.outputs(), samples}, 'c').transpose().dup('c'));
            dl4j = measure(o, 1, () -> network.fit(ds));
        }

        int steps = 200;
        TrainingSettings settings = new TrainingSettings(lr, steps, 0);
        Figure single = measure(o, steps, () -> requireAllSteps(dense.train(w0, data, settings), steps));

        List<TrainingProblem> problems = new ArrayList<>();
        for (int i = 0; i < o.networks(); i++) {
            problems.add(new TrainingProblem(WeightInit.LECUN_NORMAL.sample(arch, 1.0, 100 + i),
                    RegressionData.gaussian(arch.inputs(), arch.outputs(), samples, 1000 + i), settings));
        }
        Figure batched = measure(o, (long) steps * o.networks(), () -> {
            for (TrainingResult r : dense.trainAll(problems, 0)) {
                requireAllSteps(r, steps);
            }
        });

        double[] alphas = AlphaGrid.uniform(25);
        List<MlpParameters> ends = new ArrayList<>();
        RescalingAction action = arch.layers() >= 2 ? RescalingAction.on(arch, arch.layers() - 1) : null;
        for (int f = 0; f < o.probeFactors(); f++) {
            double m = Math.pow(12000, (f + 1.0) / o.probeFactors());
            ends.add(arch.layers() >= 2 ? action.act(m, w0) : w0.scaleLayer(1, m));
        }
        long evals = (long) ends.size() * alphas.length;
        Figure probes = measure(o, evals, () -> dense.lineLosses(w0, ends, alphas, data, 0)).perSecond();

        return new Result(net, flopsPerStep(arch, samples), flopsPerProbe(arch, samples), DenseEngine.lanes(),
                DenseEngine.autoBatch(arch, samples), dl4j, single, batched, probes, o.repeats());
    }

    private static void requireAllSteps(TrainingResult r, long steps) {
        if (r.steps() != steps || r.status() != TrainingStatus.NOT_CONVERGED) {
            throw new StoppedEarly("a benchmark network stopped early (" + r.status() + " after " + r.steps()
                    + " of " + steps + " steps), so the steps counted are not the steps run");
        }
    }

    /** A benchmark network diverged (its learning rate is too large for it). */
    public static final class StoppedEarly extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoppedEarly(String message) {
            super(message);
        }
    }

    /**
     * Microseconds per item of {@code unit}, which does {@code items} items: warm-up, then repeats of
     * as many units as fill {@link Options#repeatSeconds()}.
     */
    static Figure measure(Options o, long items, Runnable unit) {
        long warmupEnd = System.nanoTime() + (long) (o.warmupSeconds() * 1e9);
        long calls = 0;
        long start = System.nanoTime();
        do {
            unit.run();
            calls++;
        } while (System.nanoTime() < warmupEnd);
        double perCall = (System.nanoTime() - start) * 1e-9 / calls;
        long perRepeat = Math.max(1, Math.round(o.repeatSeconds() / perCall));
        double[] us = new double[o.repeats()];
        double[] cpu = new double[o.repeats()];
        for (int r = 0; r < us.length; r++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (long c = 0; c < perRepeat; c++) {
                unit.run();
            }
            us[r] = (System.nanoTime() - t0) * 1e-3 / (perRepeat * items);
            cpu[r] = (THREADS.getCurrentThreadCpuTime() - c0) * 1e-3 / (perRepeat * items);
        }
        return Figure.of(us, cpu);
    }
}
