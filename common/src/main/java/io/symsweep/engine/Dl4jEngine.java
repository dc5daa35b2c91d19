package io.symsweep.engine;

import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingSettings;
import io.symsweep.train.TrainingStatus;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossL2;

/**
 * The reference engine: a DL4J {@code MultiLayerNetwork} built from the architecture (bias-free
 * {@code DenseLayer}s, a bias-free identity {@code OutputLayer} with {@code LossL2}), float64, trained
 * with DL4J's {@code Sgd} updater.
 *
 * <p>DL4J holds examples as rows, so it sees {@code X^T} and {@code Y^T}, and stores {@code W_i^T}
 * ({@code nIn x nOut}). With {@code miniBatch(false)} DL4J neither averages the score nor divides the
 * gradient by the batch size, so its score is exactly {@code ||Y - f(X)||_F^2}. Not thread-safe: it
 * keeps the network of its last loss evaluation.
 */
public final class Dl4jEngine implements Engine {

    public static final String NAME = "dl4j";

    static {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The DL4J network for {@code arch} with the given learning rate, weights not yet set. */
    public static MultiLayerNetwork network(MlpArchitecture arch, double learningRate) {
        var list = new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE)
                .seed(0)
                .miniBatch(false)
                .updater(new Sgd(learningRate))
                .weightInit(WeightInit.ZERO)
                .list();
        int l = arch.layers();
        for (int i = 1; i < l; i++) {
            list.layer(new DenseLayer.Builder().nIn(arch.cols(i)).nOut(arch.rows(i)).hasBias(false)
                    .activation(dl4jActivation(arch.activation())).build());
        }
        list.layer(new OutputLayer.Builder(new LossL2()).nIn(arch.cols(l)).nOut(arch.rows(l)).hasBias(false)
                .activation(new ActivationIdentity()).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    private static IActivation dl4jActivation(Activation a) {
        return switch (a.kind()) {
            case LEAKY_RELU -> new Dl4jLeakyRelu(a.slope());
            case RELU -> new ActivationReLU();
            case LINEAR -> new ActivationIdentity();
            case SIGMOID -> new ActivationSigmoid();
            case TANH -> new ActivationTanH();
        };
    }

    /** Copies {@code w} into the network: {@code W_i} goes to parameter {@code (i-1)_W} as {@code W_i^T}. */
    public static void setWeights(MultiLayerNetwork net, MlpParameters w) {
        MlpArchitecture arch = w.architecture();
        for (int i = 1; i <= arch.layers(); i++) {
            INDArray m = Nd4j.create(w.layer(i), new long[] {arch.rows(i), arch.cols(i)}, 'c');
            net.setParam((i - 1) + "_W", m.transpose().dup('c'));
        }
    }

    /** Reads the network's weights back as {@code (W_1, ..., W_l)}. */
    public static MlpParameters weights(MultiLayerNetwork net, MlpArchitecture arch) {
        double[][] layers = new double[arch.layers()][];
        for (int i = 1; i <= arch.layers(); i++) {
            layers[i - 1] = net.getParam((i - 1) + "_W").transpose().dup('c').data().asDouble();
        }
        return new MlpParameters(arch, layers);
    }

    private static DataSet dataSet(RegressionData d) {
        INDArray x = Nd4j.create(d.x(), new long[] {d.features(), d.samples()}, 'c').transpose().dup('c');
        INDArray y = Nd4j.create(d.y(), new long[] {d.outputs(), d.samples()}, 'c').transpose().dup('c');
        return new DataSet(x, y);
    }

    /** The network last used for a loss evaluation, reused while the architecture stays the same. */
    private MultiLayerNetwork scoring;
    private MlpArchitecture scoringArchitecture;

    @Override
    public double loss(MlpParameters w, RegressionData data) {
        if (!w.architecture().equals(scoringArchitecture)) {
            scoring = network(w.architecture(), 1.0);
            scoringArchitecture = w.architecture();
        }
        setWeights(scoring, w);
        return scoring.score(dataSet(data), false);
    }

    @Override
    public double lossAndGradient(MlpParameters w, RegressionData data, double[][] gradient) {
        MlpArchitecture arch = w.architecture();
        MultiLayerNetwork net = network(arch, 1.0);
        setWeights(net, w);
        DataSet ds = dataSet(data);
        net.setInput(ds.getFeatures());
        net.setLabels(ds.getLabels());
        net.computeGradientAndScore();
        Gradient g = net.gradient();
        for (int i = 1; i <= arch.layers(); i++) {
            double[] gi = g.getGradientFor((i - 1) + "_W").transpose().dup('c').data().asDouble();
            System.arraycopy(gi, 0, gradient[i - 1], 0, gi.length);
        }
        return net.score();
    }

    @Override
    public TrainingResult train(MlpParameters initial, RegressionData data, TrainingSettings settings) {
        long start = System.nanoTime();
        MlpArchitecture arch = initial.architecture();
        MultiLayerNetwork net = network(arch, settings.learningRate());
        setWeights(net, initial);
        DataSet ds = dataSet(data);
        long step = 0;
        double loss;
        TrainingStatus status;
        while (true) {
            if (step == settings.steps()) {
                loss = net.score(ds, false);
                status = !Double.isFinite(loss) ? TrainingStatus.DIVERGED
                        : loss < settings.lossTolerance() ? TrainingStatus.CONVERGED : TrainingStatus.NOT_CONVERGED;
                break;
            }
            // fit() scores the current weights, then applies one update: keep the weights it scored so
            // that stopping on the tolerance returns exactly them, as the dense engine does.
            INDArray before = net.params().dup();
            net.fit(ds);
            loss = net.score();
            if (!Double.isFinite(loss) || loss < settings.lossTolerance()) {
                net.setParams(before);
                status = Double.isFinite(loss) ? TrainingStatus.CONVERGED : TrainingStatus.DIVERGED;
                break;
            }
            step++;
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new TrainingResult(weights(net, arch), step, loss, status, seconds);
    }
}
