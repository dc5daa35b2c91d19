package io.symsweep.mlp;

import io.symsweep.data.SupervisedData;
import io.symsweep.data.Task;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Tensor;
import java.util.LinkedHashMap;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * An {@link MlpSpec} as a DL4J {@code MultiLayerNetwork} in float64: {@code DenseLayer}s with the hidden activation,
 * then an {@code OutputLayer} (softmax with {@code LossMCXENT} for classification, identity with {@code LossMSE}
 * for regression); and the copy of parameters between a {@link ParameterSet} and the network. DL4J holds samples
 * as rows and stores layer {@code l}'s weight as {@code W_l^T} ({@code [n_{l-1}, n_l]}) under {@code (l-1)_W},
 * its bias as {@code [1, n_l]} under {@code (l-1)_b}. With mini-batches DL4J averages the score over the batch,
 * so its score is {@link MlpForward#evaluate}'s loss (plus the weight-decay term when there is one).
 */
public final class Dl4jMlp {

    static {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    private Dl4jMlp() {
    }

    /** The network for {@code spec} trained as {@code training} for {@code totalSteps} (null: plain SGD, rate 1, for scoring and gradients). */
    public static MultiLayerNetwork network(MlpSpec spec, TrainingSpec training, long totalSteps) {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE)
                .seed(0)
                .weightInit(WeightInit.ZERO)
                .updater(training == null ? new Sgd(1.0) : updater(training, totalSteps));
        if (training != null && training.weightDecay() > 0) {
            b.weightDecay(training.weightDecay());
        }
        var list = b.list();
        int layers = spec.layers();
        for (int l = 1; l < layers; l++) {
            list.layer(new DenseLayer.Builder().nIn(spec.width(l - 1)).nOut(spec.width(l)).hasBias(spec.bias())
                    .activation(activation(spec.activation())).build());
        }
        OutputLayer.Builder out = spec.task() == Task.CLASSIFICATION
                ? new OutputLayer.Builder(new LossMCXENT()).activation(new ActivationSoftmax())
                : new OutputLayer.Builder(new LossMSE()).activation(new ActivationIdentity());
        list.layer(out.nIn(spec.width(layers - 1)).nOut(spec.width(layers)).hasBias(spec.bias()).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    static IActivation activation(HiddenActivation a) {
        return switch (a) {
            case RELU -> new ActivationReLU();
            case GELU -> new ActivationGELU(false);
            case TANH -> new ActivationTanH();
            case LINEAR -> new ActivationIdentity();
        };
    }

    static IUpdater updater(TrainingSpec t, long totalSteps) {
        ISchedule schedule = switch (t.schedule()) {
            case CONSTANT -> null;
            case LINEAR -> new PolySchedule(ScheduleType.ITERATION, t.learningRate(), 1.0,
                    (int) Math.max(1, Math.min(Integer.MAX_VALUE, totalSteps)));
            case EXPONENTIAL -> new ExponentialSchedule(ScheduleType.ITERATION, t.learningRate(),
                    Math.pow(0.01, 1.0 / Math.max(1, totalSteps)));
        };
        return switch (t.optimizer()) {
            case ADAM -> schedule == null ? new Adam(t.learningRate()) : new Adam(schedule);
            case SGD -> schedule == null ? new Nesterovs(t.learningRate(), t.momentum())
                    : new Nesterovs(schedule, t.momentum());
        };
    }

    /** Copies {@code p} into {@code net}. */
    public static void setParameters(MultiLayerNetwork net, MlpSpec spec, ParameterSet p) {
        spec.requireFits(p);
        for (int l = 1; l <= spec.layers(); l++) {
            Tensor w = p.get(MlpSpec.weightName(l));
            INDArray m = Nd4j.create(w.data(), new long[] {spec.width(l), spec.width(l - 1)}, 'c');
            net.setParam((l - 1) + "_W", m.transpose().dup('c'));
            if (spec.bias()) {
                net.setParam((l - 1) + "_b", Nd4j.create(p.get(MlpSpec.biasName(l)).data(), new long[] {1, spec.width(l)},
                        'c'));
            }
        }
    }

    /** The network's parameters. */
    public static ParameterSet parameters(MultiLayerNetwork net, MlpSpec spec) {
        LinkedHashMap<String, Tensor> m = new LinkedHashMap<>();
        for (int l = 1; l <= spec.layers(); l++) {
            double[] w = net.getParam((l - 1) + "_W").transpose().dup('c').data().asDouble();
            m.put(MlpSpec.weightName(l), Tensor.matrix(spec.width(l), spec.width(l - 1), w));
            if (spec.bias()) {
                m.put(MlpSpec.biasName(l), Tensor.vector(net.getParam((l - 1) + "_b").dup('c').data().asDouble()));
            }
        }
        return new ParameterSet(m);
    }

    /** The features (and labels one-hot, or targets) of {@code d}'s samples {@code indices} as a DL4J data set. */
    public static DataSet dataSet(SupervisedData d, int[] indices) {
        int n = indices.length;
        int in = d.dimension();
        int k = d.outputs();
        double[] x = new double[n * in];
        double[] y = new double[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(d.featureRow(indices[i]), 0, x, i * in, in);
            if (d.task() == Task.CLASSIFICATION) {
                y[i * k + d.label(indices[i])] = 1;
            } else {
                System.arraycopy(d.target(indices[i]), 0, y, i * k, k);
            }
        }
        return new DataSet(Nd4j.create(x, new long[] {n, in}, 'c'), Nd4j.create(y, new long[] {n, k}, 'c'));
    }

    /** All of {@code d} as a DL4J data set. */
    public static DataSet dataSet(SupervisedData d) {
        int[] all = new int[d.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return dataSet(d, all);
    }

    /** DL4J's outputs (after softmax for a classifier) on {@code x} ({@code n x n_0} row-major), row-major. */
    public static double[] output(MultiLayerNetwork net, double[] x, int n, int inputs) {
        return net.output(Nd4j.create(x, new long[] {n, inputs}, 'c'), false).dup('c').data().asDouble();
    }

    /** A loss and its gradient with respect to every parameter, by DL4J's backpropagation. */
    public record LossGradient(double loss, ParameterSet gradient) {
    }

    private static double[] scaled(double[] v, double c) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= c;
        }
        return v;
    }

    /**
     * DL4J's score and gradient at {@code p} on {@code batch}: the mean loss over the batch (no regularisation) and
     * its gradient (DL4J's backpropagated gradient of the batch's summed loss, divided by the batch size as DL4J's
     * updater does):
     * {@code computeGradientAndScore} on {@code net}, which must have been built by {@link #network} for
     * {@code spec} without a training spec.
     */
    public static LossGradient lossAndGradient(MultiLayerNetwork net, MlpSpec spec, ParameterSet p, DataSet batch) {
        setParameters(net, spec, p);
        net.setInput(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.computeGradientAndScore();
        Gradient g = net.gradient();
        // computeGradientAndScore leaves the gradient of the batch's sum; the updater divides it by the batch size
        double perSample = 1.0 / batch.numExamples();
        LinkedHashMap<String, Tensor> m = new LinkedHashMap<>();
        for (int l = 1; l <= spec.layers(); l++) {
            double[] gw = scaled(g.getGradientFor((l - 1) + "_W").transpose().dup('c').data().asDouble(), perSample);
            m.put(MlpSpec.weightName(l), Tensor.matrix(spec.width(l), spec.width(l - 1), gw));
            if (spec.bias()) {
                m.put(MlpSpec.biasName(l), Tensor.vector(scaled(g.getGradientFor((l - 1) + "_b").dup('c').data()
                        .asDouble(), perSample)));
            }
        }
        return new LossGradient(net.score(), new ParameterSet(m));
    }
}
