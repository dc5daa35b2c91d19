package io.symsweep.engine;

import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.train.TrainingProblem;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingSettings;
import io.symsweep.train.TrainingStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fused Java engine for small dense networks. One network runs on the scalar {@link DenseKernel};
 * many networks of one shape (architecture and sample count) run interleaved on the SIMD lanes of an
 * {@link InterleavedKernel}, a lane taking the next network as soon as its network stops. Both kernels
 * perform the same IEEE 754 operations per network, so every result is bitwise the same whether a network
 * is trained alone or in a batch, in whatever lane and next to whatever networks
 * ({@code BatchIndependenceTest}); only {@link TrainingResult#seconds()} differs. Held equal to DL4J by
 * {@code EngineEquivalenceTest}.
 *
 * <p>The interleaved kernel needs the {@code jdk.incubator.vector} module ({@code --add-modules
 * jdk.incubator.vector}, which Spark's launcher and {@code ./symsweep} pass); without it every batch runs
 * network by network on the scalar kernel, with the same results.
 */
public final class DenseEngine implements Engine {

    public static final String NAME = "dense";

    /** Working-set budget of one interleaved batch, sized to stay near L1 (measured: see {@link #autoBatch}). */
    static final long BATCH_BYTES = 48 * 1024;
    /** The largest automatic batch. */
    static final int MAX_AUTO_BATCH = 64;

    private static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    @Override
    public String name() {
        return NAME;
    }

    /** True when batches run on SIMD lanes (the {@code jdk.incubator.vector} module is present). */
    public static boolean vectorized() {
        return VECTOR_API;
    }

    /** SIMD lanes per vector of doubles on this machine (1 without the Vector API). */
    public static int lanes() {
        return VECTOR_API ? InterleavedKernel.LANES : 1;
    }

    /**
     * The automatic batch: networks of this shape trained at once, a whole number of vectors, the largest
     * whose buffers (weights, gradient, activations, data) fit in {@link #BATCH_BYTES}, at least one vector
     * and at most {@link #MAX_AUTO_BATCH}. On the Figure-4 network (1,312 weights, 4 samples) that is one
     * AVX-512 vector, 8 networks: wider batches were measured slower there (working set beyond L1/L2),
     * while tiny networks gain from amortising the per-step overhead over more lanes.
     */
    public static int autoBatch(MlpArchitecture arch, int samples) {
        long doubles = 2L * arch.parameterCount();
        for (int i = 0; i < arch.layers(); i++) {
            doubles += 3L * arch.width(i + 1) * samples;
        }
        doubles += (long) (arch.inputs() + arch.outputs()) * samples;
        int lanes = lanes();
        long fit = BATCH_BYTES / (8 * doubles) / lanes * lanes;
        return (int) Math.max(lanes, Math.min(fit, MAX_AUTO_BATCH / lanes * lanes));
    }

    @Override
    public double loss(MlpParameters w, RegressionData data) {
        return canonical(kernel(w.architecture(), data).forward(w.layers()));
    }

    /**
     * {@code v}, or the canonical NaN for any NaN. Which NaN an operation on NaNs returns depends on the
     * order of its operands in the machine code (it differs between the interpreter, C2 and the SIMD
     * lanes), so diverged results are canonicalised to stay bitwise reproducible.
     */
    static double canonical(double v) {
        return v != v ? Double.NaN : v;
    }

    private static double[][] canonical(double[][] w) {
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] = canonical(row[j]);
            }
        }
        return w;
    }

    @Override
    public double lossAndGradient(MlpParameters w, RegressionData data, double[][] gradient) {
        return kernel(w.architecture(), data).lossAndGradient(w.layers(), gradient);
    }

    @Override
    public TrainingResult train(MlpParameters initial, RegressionData data, TrainingSettings settings) {
        long start = System.nanoTime();
        DenseKernel kernel = kernel(initial.architecture(), data);
        double[][] w = initial.layers();
        double[][] scratch = initial.layers();
        long step = 0;
        double loss;
        TrainingStatus status;
        while (true) {
            loss = kernel.forward(w);
            status = stop(loss, step, settings);
            if (status != null) {
                break;
            }
            kernel.backwardAndUpdate(w, settings.learningRate(), scratch);
            step++;
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new TrainingResult(new MlpParameters(initial.architecture(), canonical(w)), step, canonical(loss),
                status, seconds);
    }

    /** Why a run stops at this loss and step, or null to go on (the rule of {@link Engine#train}). */
    private static TrainingStatus stop(double loss, long step, TrainingSettings settings) {
        if (!Double.isFinite(loss)) {
            return TrainingStatus.DIVERGED;
        }
        if (loss < settings.lossTolerance()) {
            return TrainingStatus.CONVERGED;
        }
        return step == settings.steps() ? TrainingStatus.NOT_CONVERGED : null;
    }

    /**
     * Trains every problem, in batches of networks of one shape: bitwise the results of {@link #train}
     * one by one, in the same order. A result's {@code seconds} is its batch's wall time divided by the
     * batch's size.
     *
     * @param batch networks per interleaved batch (rounded up to a whole number of SIMD vectors); 0 for
     *              {@link #autoBatch}
     */
    @Override
    public List<TrainingResult> trainAll(List<TrainingProblem> problems, int batch) {
        if (batch < 0) {
            throw new IllegalArgumentException("batch must be >= 0 (0: automatic), found " + batch);
        }
        TrainingResult[] out = new TrainingResult[problems.size()];
        for (List<Integer> group : byShape(problems)) {
            TrainingProblem first = problems.get(group.get(0));
            int width = batch > 0 ? batch : autoBatch(first.initial().architecture(), first.data().samples());
            if (!VECTOR_API || group.size() == 1) {
                for (int index : group) {
                    TrainingProblem p = problems.get(index);
                    out[index] = train(p.initial(), p.data(), p.settings());
                }
            } else {
                trainInterleaved(problems, group, Math.min(width, InterleavedKernel.roundUp(group.size())), out);
            }
        }
        return List.of(out);
    }

    /** Indices of {@code problems} grouped by architecture and sample count, in order of first appearance. */
    private static List<List<Integer>> byShape(List<TrainingProblem> problems) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < problems.size(); i++) {
            TrainingProblem p = problems.get(i);
            requireFits(p.initial().architecture(), p.data());
            String shape = p.initial().architecture().label() + "/" + p.data().samples();
            groups.computeIfAbsent(shape, k -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(groups.values());
    }

    /**
     * Trains {@code group} on one interleaved kernel of {@code width} lanes: after each forward pass every
     * lane whose network stops hands back its result, and after the update takes the next network, or is
     * cleared when none is left.
     */
    private static void trainInterleaved(List<TrainingProblem> problems, List<Integer> group, int width,
            TrainingResult[] out) {
        long start = System.nanoTime();
        TrainingProblem first = problems.get(group.get(0));
        MlpArchitecture arch = first.initial().architecture();
        InterleavedKernel k = new InterleavedKernel(arch, first.data().samples(), width);
        int lanes = k.width();
        int[] running = new int[lanes];
        long[] steps = new long[lanes];
        int next = 0;
        int live = 0;
        for (int lane = 0; lane < lanes; lane++) {
            running[lane] = -1;
            if (next < group.size()) {
                running[lane] = group.get(next++);
                load(k, lane, problems.get(running[lane]));
                live++;
            }
        }
        boolean[] stopped = new boolean[lanes];
        double[][] weights = new double[arch.layers()][];
        while (live > 0) {
            k.forward();
            boolean any = false;
            for (int lane = 0; lane < lanes; lane++) {
                stopped[lane] = false;
                int index = running[lane];
                if (index < 0) {
                    continue;
                }
                double loss = k.loss[lane];
                TrainingStatus status = stop(loss, steps[lane], problems.get(index).settings());
                if (status != null) {
                    for (int i = 0; i < weights.length; i++) {
                        weights[i] = new double[arch.rows(i + 1) * arch.cols(i + 1)];
                    }
                    k.weights(lane, weights);
                    out[index] = new TrainingResult(new MlpParameters(arch, canonical(weights)), steps[lane],
                            canonical(loss), status, 0);
                    stopped[lane] = true;
                    any = true;
                } else {
                    steps[lane]++;
                }
            }
            k.backwardAndUpdate();
            if (any) {
                for (int lane = 0; lane < lanes; lane++) {
                    if (!stopped[lane]) {
                        continue;
                    }
                    steps[lane] = 0;
                    if (next < group.size()) {
                        running[lane] = group.get(next++);
                        load(k, lane, problems.get(running[lane]));
                    } else {
                        running[lane] = -1;
                        k.clear(lane);
                        live--;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9 / group.size();
        for (int index : group) {
            TrainingResult r = out[index];
            out[index] = new TrainingResult(r.weights(), r.steps(), r.finalLoss(), r.status(), seconds);
        }
    }

    private static void load(InterleavedKernel k, int lane, TrainingProblem p) {
        k.load(lane, p.initial().layers(), p.data().x(), p.data().y(), p.settings().learningRate());
    }

    /**
     * The losses along straight lines, batched ({@code batch} lanes, 0: {@link #autoBatch}): {@code out[f][i]}
     * is bitwise {@link #loss} at
     * {@code w.interpolate(ends.get(f), alphas[i])}, or at {@code w} itself where {@code alphas[i] == 0}
     * and at {@code ends.get(f)} where it is 1.
     */
    @Override
    public double[][] lineLosses(MlpParameters w, List<MlpParameters> ends, double[] alphas, RegressionData data,
            int batch) {
        if (batch < 0) {
            throw new IllegalArgumentException("batch must be >= 0 (0: automatic), found " + batch);
        }
        MlpArchitecture arch = w.architecture();
        requireFits(arch, data);
        int total = ends.size() * alphas.length;
        double[][] out = new double[ends.size()][alphas.length];
        if (!VECTOR_API || total <= 1) {
            return Engine.super.lineLosses(w, ends, alphas, data, batch);
        }
        int width = Math.min(batch > 0 ? batch : autoBatch(arch, data.samples()), InterleavedKernel.roundUp(total));
        InterleavedKernel k = new InterleavedKernel(arch, data.samples(), width);
        int lanes = k.width();
        double[] x = data.x();
        double[] y = data.y();
        for (int lane = 0; lane < lanes; lane++) {
            k.setData(lane, x, y);
        }
        double[][] u = w.layers();
        int shared = sharedLayers(w, ends);
        // Only the layers past the shared ones are read (a copy of each, not of every layer of every end).
        double[][][] endWeights = new double[ends.size()][arch.layers()][];
        for (int f = 0; f < endWeights.length; f++) {
            for (int i = shared + 1; i <= arch.layers(); i++) {
                endWeights[f][i - 1] = ends.get(f).layer(i);
            }
        }
        // The leading layers that every end shares with w: on every point of every line they are w's own (u + a 0 =
        // u), so A_shared is the same in every lane and is computed once, here; each lane then runs only the later
        // layers, with the same operations as a full pass (a rescaling of the last two layers of the Figure-4 net
        // leaves 160 of its 1,312 weights to interpolate and multiply).
        if (shared > 0) {
            for (int lane = 0; lane < lanes; lane++) {
                k.setWeights(lane, u);
            }
            k.forward();
        }
        int vl = InterleavedKernel.LANES;
        double[] laneAlphas = new double[vl];
        boolean[] mask = new boolean[vl];
        for (int start = 0; start < total; start += lanes) {
            int count = Math.min(lanes, total - start);
            // Interior points a vector at a time, one pass per end among the vector's lanes (at most
            // ceil(LANES / alphas) + 1); the endpoints, exactly w and ends_f, lane by lane.
            for (int first = 0; first < count; first += vl) {
                int firstEnd = (start + first) / alphas.length;
                int lastEnd = (start + Math.min(count, first + vl) - 1) / alphas.length;
                for (int f = firstEnd; f <= lastEnd; f++) {
                    boolean any = false;
                    for (int l = 0; l < vl; l++) {
                        int position = start + first + l;
                        double a = position < total ? alphas[position % alphas.length] : 0.0;
                        mask[l] = first + l < count && position / alphas.length == f && a != 0 && a != 1;
                        laneAlphas[l] = mask[l] ? a : 0.0;
                        any |= mask[l];
                    }
                    if (any) {
                        k.setInterpolatedLanes(first, u, endWeights[f], laneAlphas, mask, shared);
                    }
                }
            }
            for (int lane = 0; lane < count; lane++) {
                int f = (start + lane) / alphas.length;
                double a = alphas[(start + lane) % alphas.length];
                if (a == 0) {
                    k.setWeights(lane, u, shared);
                } else if (a == 1) {
                    k.setWeights(lane, endWeights[f], shared);
                }
            }
            k.forwardAfter(shared);
            for (int lane = 0; lane < count; lane++) {
                out[(start + lane) / alphas.length][(start + lane) % alphas.length] = canonical(k.loss[lane]);
            }
        }
        return out;
    }

    /**
     * The number of leading layers, at most all but the last, that are bitwise the same in {@code u} and in every end
     * and hold finite weights only: there {@code u + a (v - u)} is {@code u + 0 = u} for every alpha, so the layer's
     * products are the same on every point (a zero weight's sign cannot matter: each sum starts from +0, and a sum
     * of +0 and -0 is +0). An infinite weight is never shared: {@code inf - inf} is NaN.
     */
    static int sharedLayers(MlpParameters w, List<MlpParameters> ends) {
        int layers = w.architecture().layers();
        int shared = 0;
        while (shared < layers - 1 && w.isFinite(shared + 1) && sameInEvery(w, ends, shared + 1)) {
            shared++;
        }
        return shared;
    }

    private static boolean sameInEvery(MlpParameters w, List<MlpParameters> ends, int i) {
        for (MlpParameters end : ends) {
            if (!w.sameLayer(i, end)) {
                return false;
            }
        }
        return true;
    }

    private static DenseKernel kernel(MlpArchitecture arch, RegressionData data) {
        requireFits(arch, data);
        return new DenseKernel(arch, data.x(), data.y(), data.samples());
    }

    private static void requireFits(MlpArchitecture arch, RegressionData data) {
        if (data.features() != arch.inputs() || data.outputs() != arch.outputs()) {
            throw new IllegalArgumentException("data is " + data.features() + " -> " + data.outputs()
                    + " but the network is " + arch.label());
        }
    }
}
