package io.symsweep.mlp;

import io.symsweep.data.DataSplit;
import io.symsweep.data.SupervisedData;
import io.symsweep.data.Task;
import io.symsweep.params.ParameterSet;
import java.util.SplittableRandom;

/**
 * The teacher-student task: inputs {@code x ~ N(0, I_{n_0})}, targets the outputs of a random teacher MLP
 * (regression), or the index of its largest output (classification). The teacher's weights are
 * {@code N(0, gain / fan_in)} as in {@link MlpTrainer#initialParameters}, its biases {@code N(0, biasScale^2)};
 * train and test inputs are drawn separately. From {@code SplittableRandom(seed)}: the first split draws the
 * teacher, the second the training inputs, the third the test inputs, the fourth the target noise.
 *
 * @param teacher      the teacher's architecture (its task sets the data's task)
 * @param seed         the task's seed
 * @param trainSamples training samples, {@code >= 1}
 * @param testSamples  test samples, {@code >= 1}
 * @param biasScale    standard deviation of the teacher's biases (ignored without biases), {@code >= 0}
 * @param noise        standard deviation of Gaussian noise added to regression targets, {@code >= 0}
 */
public record TeacherTask(MlpSpec teacher, long seed, int trainSamples, int testSamples, double biasScale,
        double noise) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public TeacherTask {
        if (teacher == null || trainSamples < 1 || testSamples < 1 || !(biasScale >= 0) || !(noise >= 0)) {
            throw new IllegalArgumentException("a teacher task needs a teacher, >= 1 train and test samples and "
                    + "non-negative bias scale and noise");
        }
        if (teacher.task() == Task.CLASSIFICATION && noise != 0) {
            throw new IllegalArgumentException("noise applies to regression targets only");
        }
    }

    /** The teacher's parameters. */
    public ParameterSet teacherParameters() {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom rng = root.split();
        ParameterSet p = MlpTrainer.initialParameters(teacher, 1.0, rng);
        if (teacher.bias() && biasScale > 0) {
            for (int l = 1; l <= teacher.layers(); l++) {
                double[] b = new double[teacher.width(l)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = biasScale * rng.nextGaussian();
                }
                p = p.with(MlpSpec.biasName(l), io.symsweep.params.Tensor.vector(b));
            }
        }
        return p;
    }

    /** Train and test sets. */
    public DataSplit generate() {
        SplittableRandom root = new SplittableRandom(seed);
        root.split();
        SplittableRandom trainRng = root.split();
        SplittableRandom testRng = root.split();
        SplittableRandom noiseRng = root.split();
        ParameterSet p = teacherParameters();
        return new DataSplit(draw(p, trainSamples, trainRng, noiseRng), draw(p, testSamples, testRng, noiseRng));
    }

    private SupervisedData draw(ParameterSet p, int n, SplittableRandom rng, SplittableRandom noiseRng) {
        int d = teacher.width(0);
        int k = teacher.width(teacher.layers());
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        double[] out = MlpForward.outputs(teacher, p, x, n);
        double[][] features = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, features[i], 0, d);
        }
        if (teacher.task() == Task.CLASSIFICATION) {
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                int arg = 0;
                for (int j = 1; j < k; j++) {
                    if (out[i * k + j] > out[i * k + arg]) {
                        arg = j;
                    }
                }
                y[i] = arg;
            }
            return SupervisedData.classification(features, y, k);
        }
        double[][] t = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                t[i][j] = out[i * k + j] + (noise > 0 ? noise * noiseRng.nextGaussian() : 0);
            }
        }
        return SupervisedData.regression(features, t);
    }
}
