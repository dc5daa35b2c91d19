package io.symsweep.mlp;

import io.symsweep.naming.SpecName;

/**
 * How an MLP is trained by DL4J: the updater, its learning rate and schedule, mini-batches, epochs, weight decay,
 * and the initialisation scale. The initial weights are {@code N(0, (initScale)^2 gain / n_{l-1})} ({@code gain}
 * 2 for ReLU, He et al. 2015; 1 otherwise, LeCun) and the biases 0, drawn from the seed; every epoch visits the
 * training samples in a fresh order drawn from the seed, in batches of {@code batchSize} (the last one smaller).
 *
 * @param optimizer    {@link Optimizer#ADAM} (DL4J's {@code Adam}, betas 0.9/0.999, eps 1e-8) or
 *                     {@link Optimizer#SGD} (DL4J's {@code Nesterovs}: SGD with Nesterov momentum)
 * @param learningRate the initial rate, {@code > 0}
 * @param momentum     Nesterov momentum for SGD, in {@code [0, 1)}; ignored by Adam
 * @param batchSize    samples per step, {@code >= 1}
 * @param epochs       passes over the training set, {@code >= 1}
 * @param weightDecay  DL4J's {@code weightDecay(c)} on the weights (not the biases), applied with the learning
 *                     rate; {@code >= 0}
 * @param schedule     the learning rate over the steps
 * @param initScale    multiplies the initial weights' standard deviation, {@code > 0}
 */
public record TrainingSpec(Optimizer optimizer, double learningRate, double momentum, int batchSize, int epochs,
        double weightDecay, Schedule schedule, double initScale) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The updater. */
    public enum Optimizer implements SpecName {
        ADAM, SGD;

        public static Optimizer fromSpecName(String name) {
            return SpecName.parse(Optimizer.class, name, "optimizer must be adam or sgd, found ");
        }
    }

    /** The learning rate over the {@code T} steps of a run (DL4J schedules, by iteration). */
    public enum Schedule implements SpecName {
        /** The initial rate throughout. */
        CONSTANT,
        /** {@code lr (1 - t/T)}: DL4J's {@code PolySchedule} with power 1. */
        LINEAR,
        /** {@code lr 0.01^(t/T)}: DL4J's {@code ExponentialSchedule}, down to 1% at the end. */
        EXPONENTIAL;

        public static Schedule fromSpecName(String name) {
            return SpecName.parse(Schedule.class, name, "schedule must be constant, linear or exponential, found ");
        }
    }

    public TrainingSpec {
        if (optimizer == null || schedule == null) {
            throw new IllegalArgumentException("training needs an optimizer and a schedule");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("training.learning_rate must be > 0, found " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("training.momentum must be in [0, 1), found " + momentum);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("training.batch_size must be >= 1, found " + batchSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("training.epochs must be >= 1, found " + epochs);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("training.weight_decay must be >= 0, found " + weightDecay);
        }
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("training.init_scale must be > 0, found " + initScale);
        }
    }

    /** Adam at {@code learningRate}, constant, no weight decay, init scale 1. */
    public static TrainingSpec adam(double learningRate, int batchSize, int epochs) {
        return new TrainingSpec(Optimizer.ADAM, learningRate, 0, batchSize, epochs, 0, Schedule.CONSTANT, 1);
    }

    /** This spec with another schedule. */
    public TrainingSpec withSchedule(Schedule s) {
        return new TrainingSpec(optimizer, learningRate, momentum, batchSize, epochs, weightDecay, s, initScale);
    }

    /** This spec with another number of epochs. */
    public TrainingSpec withEpochs(int e) {
        return new TrainingSpec(optimizer, learningRate, momentum, batchSize, e, weightDecay, schedule, initScale);
    }

    /** This spec with weight decay {@code c}. */
    public TrainingSpec withWeightDecay(double c) {
        return new TrainingSpec(optimizer, learningRate, momentum, batchSize, epochs, c, schedule, initScale);
    }

    /** Steps per epoch on {@code samples} training samples. */
    public int stepsPerEpoch(int samples) {
        return (samples + batchSize - 1) / batchSize;
    }
}
