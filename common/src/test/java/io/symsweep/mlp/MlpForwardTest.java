package io.symsweep.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.data.SupervisedData;
import io.symsweep.data.Task;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The plain-Java forward pass and loss against DL4J's {@code output} and {@code score}, to 1e-12 relative. */
class MlpForwardTest {

    static Stream<Arguments> specs() {
        List<Arguments> a = new ArrayList<>();
        for (HiddenActivation act : HiddenActivation.values()) {
            for (Task task : Task.values()) {
                a.add(Arguments.of(new MlpSpec(new int[] {7, 13, 9, 4}, act, true, task)));
            }
        }
        a.add(Arguments.of(MlpSpec.deepLinear(new int[] {5, 5, 5, 3}, Task.REGRESSION)));
        a.add(Arguments.of(new MlpSpec(new int[] {6, 3}, HiddenActivation.RELU, true, Task.CLASSIFICATION)));
        return a.stream();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void outputsAndLossEqualDl4j(MlpSpec spec) {
        SplittableRandom rng = new SplittableRandom(spec.label().hashCode());
        ParameterSet p = MlpFixtures.randomParameters(spec, rng);
        SupervisedData d = MlpFixtures.randomData(spec, 37, rng);   // 37: the blocked loop's remainder runs too
        MultiLayerNetwork net = Dl4jMlp.network(spec, null, 1);
        Dl4jMlp.setParameters(net, spec, p);
        assertEquals(0.0, p.distance(Dl4jMlp.parameters(net, spec)), 0.0, "the parameters round-trip exactly");

        double[] x = d.featuresRowMajor();
        double[] ours = MlpForward.outputs(spec, p, x, d.size());
        double[] theirs = Dl4jMlp.output(net, x, d.size(), spec.width(0));
        int k = spec.width(spec.layers());
        if (spec.task() == Task.CLASSIFICATION) {
            ours = softmaxRows(ours, k);
        }
        double difference = MlpForward.maxRelativeDifference(ours, theirs);
        assertTrue(difference <= 1e-12, spec.label() + ": outputs differ by " + difference + " of DL4J's largest");

        double loss = MlpForward.evaluate(spec, p, d).loss();
        double score = net.score(Dl4jMlp.dataSet(d), false);
        assertEquals(score, loss, 1e-12 * score, spec.label());
        assertTrue(loss > 0.01, "a random network has a visible loss");
    }

    /**
     * DL4J's backpropagated gradient, as {@link Dl4jMlp#lossAndGradient} maps it back to named tensors, against
     * central differences of the plain-Java loss (step 1e-5: agreement to about 1e-8 relative).
     */
    @ParameterizedTest
    @MethodSource("specs")
    void dl4jGradientsMatchCentralDifferencesOfThePlainLoss(MlpSpec spec) {
        SplittableRandom rng = new SplittableRandom(spec.label().hashCode() + 1);
        ParameterSet p = MlpFixtures.randomParameters(spec, rng);
        SupervisedData d = MlpFixtures.randomData(spec, 9, rng);
        MultiLayerNetwork net = Dl4jMlp.network(spec, null, 1);
        Dl4jMlp.LossGradient lg = Dl4jMlp.lossAndGradient(net, spec, p, Dl4jMlp.dataSet(d));
        assertEquals(MlpForward.evaluate(spec, p, d).loss(), lg.loss(), 1e-12 * lg.loss());
        double h = 1e-5;
        double worst = 0;
        double scale = 0;
        for (String name : p.names()) {
            Tensor t = p.get(name);
            Tensor g = lg.gradient().get(name);
            for (int i = 0; i < t.size(); i += Math.max(1, t.size() / 7)) {
                double[] plus = t.data();
                double[] minus = t.data();
                plus[i] += h;
                minus[i] -= h;
                double fd = (MlpForward.evaluate(spec, p.with(name, new Tensor(t.shape(), plus)), d).loss()
                        - MlpForward.evaluate(spec, p.with(name, new Tensor(t.shape(), minus)), d).loss()) / (2 * h);
                worst = Math.max(worst, Math.abs(fd - g.at(i)));
                scale = Math.max(scale, Math.abs(g.at(i)));
            }
        }
        // ReLU's kink can sit within h of a pre-activation; with 9 Gaussian samples that is rare but possible
        assertTrue(worst <= 1e-6 * scale, spec.label() + ": gradient differs by " + worst + " (scale " + scale + ")");
    }

    private static double[] softmaxRows(double[] z, int k) {
        double[] p = new double[z.length];
        for (int i = 0; i < z.length / k; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, z[i * k + j]);
            }
            double s = 0;
            for (int j = 0; j < k; j++) {
                p[i * k + j] = Math.exp(z[i * k + j] - max);
                s += p[i * k + j];
            }
            for (int j = 0; j < k; j++) {
                p[i * k + j] /= s;
            }
        }
        return p;
    }
}
