package io.symsweep.align;

import io.symsweep.data.SupervisedData;
import io.symsweep.mlp.Dl4jMlp;
import io.symsweep.mlp.MlpForward;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.Tensor;
import io.symsweep.params.UnitTransform;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Learned matching by the straight-through estimator (Git Re-Basin Alg. 2, Ainsworth et al. 2023; Theus et al.
 * 2025, Alg. 1). Free weights {@code W} start at weight matching's {@code B'}; each step draws
 * {@code l ~ U(0.4, 0.6)} and a mini-batch, projects {@code W} onto the class ({@code pi = } weight matching of B
 * to {@code W}, warm-started at the previous {@code pi}), evaluates the loss at {@code (1-l) A + l pi(B)} and its
 * gradient {@code g} by DL4J's backpropagation, and treats the projection as the identity on the way back:
 * {@code dL/dW = l g}, applied by DL4J's Adam updater. The result is the projection of the final {@code W}.
 */
final class LearnedMatching extends AbstractAligner {

    LearnedMatching(SymmetryClass c) {
        super(requireOneOf(c, "learned matching projects onto permutations (with or without scaling) or orthogonal "
                + "maps", SymmetryClass.PERMUTATION, SymmetryClass.ORTHOGONAL, SymmetryClass.PERMUTATION_SCALING),
                AlignmentMethod.LEARNED);
    }

    private Alignment project(AlignmentProblem target, Map<String, UnitTransform> warm) {
        if (symmetryClass() == SymmetryClass.PERMUTATION_SCALING) {
            return new ScalingAlignment(new WeightMatching(SymmetryClass.PERMUTATION)).align(target);
        }
        WeightMatching wm = new WeightMatching(symmetryClass());
        return warm == null ? wm.align(target) : wm.alignFrom(target, warm);
    }

    @Override
    public Alignment align(AlignmentProblem p) {
        long start = System.nanoTime();
        if (!p.sameShape() || p.train() == null) {
            return Alignment.failed(symmetryClass(), method(), p, AlignmentStatus.SINGULAR,
                    "learned matching needs equal widths and training data", start);
        }
        MlpSpec spec = p.specB();
        AlignmentSettings s = p.settings();
        Alignment pi = project(p, null);
        if (pi.status() == AlignmentStatus.NOT_FINITE || pi.status() == AlignmentStatus.SINGULAR) {
            return Alignment.failed(symmetryClass(), method(), p, pi.status(), pi.detail(), start);
        }
        ParameterSet w = pi.aligned();
        MultiLayerNetwork net = Dl4jMlp.network(spec, null, 1);
        int size = (int) w.size();
        Adam config = new Adam(s.learnedRate());
        INDArray state = Nd4j.zeros(1, config.stateSize(size));
        GradientUpdater<?> adam = config.instantiate(state, true);
        SplittableRandom rng = new SplittableRandom(s.seed() ^ 0x5DEECE66DL);
        SupervisedData train = p.train();
        AlignmentSettings projection = s.withRestarts(2);
        for (int step = 0; step < s.learnedSteps(); step++) {
            double lambda = 0.4 + 0.2 * rng.nextDouble();
            pi = project(new AlignmentProblem(spec, w, spec, p.b(), train, projection), pi.transforms());
            if (pi.status() == AlignmentStatus.NOT_FINITE) {
                return Alignment.failed(symmetryClass(), method(), p, AlignmentStatus.NOT_FINITE,
                        "non-finite weights at step " + step, start);
            }
            ParameterSet mid = p.a().interpolate(pi.aligned(), lambda);
            int[] batch = new int[Math.min(s.learnedBatch(), train.size())];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = rng.nextInt(train.size());
            }
            Dl4jMlp.LossGradient lg = Dl4jMlp.lossAndGradient(net, spec, mid, Dl4jMlp.dataSet(train, batch));
            double[] g = flatten(lg.gradient());
            for (int i = 0; i < g.length; i++) {
                g[i] *= lambda;
            }
            if (!Double.isFinite(lg.loss())) {
                return Alignment.failed(symmetryClass(), method(), p, AlignmentStatus.NOT_FINITE,
                        "non-finite loss at step " + step, start);
            }
            INDArray update = Nd4j.create(g, new long[] {1, size}, 'c');
            adam.applyUpdater(update, step, 0);
            double[] u = update.dup('c').data().asDouble();
            double[] flat = flatten(w);
            for (int i = 0; i < flat.length; i++) {
                flat[i] -= u[i];
            }
            w = unflatten(w, flat);
        }
        pi = project(new AlignmentProblem(spec, w, spec, p.b(), train, projection), pi.transforms());
        if (pi.status() == AlignmentStatus.NOT_FINITE || pi.status() == AlignmentStatus.SINGULAR) {
            return Alignment.failed(symmetryClass(), method(), p, pi.status(), pi.detail(), start);
        }
        double midpoint = MlpForward.evaluate(spec, p.a().interpolate(pi.aligned(), 0.5), train).loss();
        return new Alignment(symmetryClass(), method(), spec, pi.aligned(), pi.transforms(), midpoint,
                s.learnedSteps(), (System.nanoTime() - start) * 1e-9,
                Double.isFinite(midpoint) ? AlignmentStatus.OK : AlignmentStatus.NOT_FINITE, "");
    }

    static double[] flatten(ParameterSet p) {
        double[] out = new double[(int) p.size()];
        int k = 0;
        for (String name : p.names()) {
            double[] d = p.get(name).data();
            System.arraycopy(d, 0, out, k, d.length);
            k += d.length;
        }
        return out;
    }

    static ParameterSet unflatten(ParameterSet shape, double[] flat) {
        LinkedHashMap<String, Tensor> m = new LinkedHashMap<>();
        int k = 0;
        for (String name : shape.names()) {
            Tensor t = shape.get(name);
            m.put(name, new Tensor(t.shape(), java.util.Arrays.copyOfRange(flat, k, k + t.size())));
            k += t.size();
        }
        return new ParameterSet(m);
    }
}
