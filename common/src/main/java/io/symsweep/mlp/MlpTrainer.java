package io.symsweep.mlp;

import io.symsweep.data.DataSplit;
import io.symsweep.params.ParameterSet;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains an MLP with DL4J ({@code MultiLayerNetwork.fit} on each mini-batch), reproducibly: the initial weights
 * and every epoch's sample order come from {@code SplittableRandom(seed)} (its first split draws the weights, its
 * second the orders), and DL4J adds no randomness (no dropout; weights set, not drawn), so the same inputs give
 * bitwise the same model on one thread ({@code OMP_NUM_THREADS=1}).
 */
public final class MlpTrainer {

    private MlpTrainer() {
    }

    /** The initial parameters for {@code spec} from {@code rng}: weights {@code N(0, scale^2 gain / fan_in)}, biases 0. */
    public static ParameterSet initialParameters(MlpSpec spec, double initScale, SplittableRandom rng) {
        double gain = spec.activation() == HiddenActivation.RELU ? 2 : 1;
        double[][] w = new double[spec.layers()][];
        double[][] b = new double[spec.layers()][];
        for (int l = 1; l <= spec.layers(); l++) {
            int fanIn = spec.width(l - 1);
            // the output layer has no ReLU after it: LeCun scaling there
            double std = initScale * Math.sqrt((l < spec.layers() ? gain : 1) / fanIn);
            double[] wl = new double[spec.width(l) * fanIn];
            for (int i = 0; i < wl.length; i++) {
                wl[i] = std * rng.nextGaussian();
            }
            w[l - 1] = wl;
            b[l - 1] = new double[spec.width(l)];
        }
        return spec.parameters(w, spec.bias() ? b : null);
    }

    /** Trains {@code spec} on {@code data.train()} from the seed; evaluates on both halves. */
    public static TrainedModel train(MlpSpec spec, TrainingSpec training, DataSplit data, long seed) {
        if (data.train().task() != spec.task() || data.train().dimension() != spec.width(0)
                || data.train().outputs() != spec.width(spec.layers())) {
            throw new IllegalArgumentException(spec.label() + " does not fit the data: " + data.train().task() + ", "
                    + data.train().dimension() + " inputs, " + data.train().outputs() + " outputs");
        }
        long start = System.nanoTime();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom initRng = root.split();
        SplittableRandom orderRng = root.split();
        int n = data.train().size();
        int perEpoch = training.stepsPerEpoch(n);
        long totalSteps = (long) perEpoch * training.epochs();
        MultiLayerNetwork net = Dl4jMlp.network(spec, training, totalSteps);
        Dl4jMlp.setParameters(net, spec, initialParameters(spec, training.initScale(), initRng));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] epochLosses = new double[training.epochs()];
        long steps = 0;
        TrainedModel.Status status = TrainedModel.Status.TRAINED;
        outer:
        for (int e = 0; e < training.epochs(); e++) {
            for (int i = n - 1; i > 0; i--) {
                int j = orderRng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double sum = 0;
            for (int s = 0; s < perEpoch; s++) {
                int from = s * training.batchSize();
                int to = Math.min(n, from + training.batchSize());
                int[] idx = java.util.Arrays.copyOfRange(order, from, to);
                DataSet batch = Dl4jMlp.dataSet(data.train(), idx);
                net.fit(batch);
                double score = net.score();
                steps++;
                if (!Double.isFinite(score)) {
                    epochLosses[e] = Double.NaN;
                    epochLosses = java.util.Arrays.copyOf(epochLosses, e + 1);
                    status = TrainedModel.Status.DIVERGED;
                    break outer;
                }
                sum += score * (to - from);
            }
            epochLosses[e] = sum / n;
        }
        ParameterSet p = Dl4jMlp.parameters(net, spec);
        if (!p.isFinite()) {
            status = TrainedModel.Status.DIVERGED;
        }
        MlpForward.Evaluation train = MlpForward.evaluate(spec, p, data.train());
        MlpForward.Evaluation test = MlpForward.evaluate(spec, p, data.test());
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new TrainedModel(spec, training, seed, p, train.loss(), test.loss(), train.accuracy(), test.accuracy(),
                epochLosses, steps, seconds, status);
    }
}
