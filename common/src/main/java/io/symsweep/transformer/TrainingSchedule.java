package io.symsweep.transformer;

/**
 * How a transformer is trained: Adam (Kingma and Ba 2015; SameDiff's updater, default betas and epsilon) on
 * mini-batches for a number of epochs, the learning rate ramped up linearly over {@code warmupSteps} and then
 * decayed along a cosine to 0 at the last step (Loshchilov and Hutter 2017, without restarts).
 *
 * @param epochs       passes over the training set
 * @param batchSize    samples per step (the last batch of an epoch may be smaller)
 * @param learningRate the peak learning rate
 * @param warmupSteps  steps of linear warm-up (0 for none)
 * @param weightDecay  decoupled weight decay per step, times the learning rate (0 for plain Adam)
 */
public record TrainingSchedule(int epochs, int batchSize, double learningRate, int warmupSteps, double weightDecay)
        implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public TrainingSchedule {
        FieldChecks.atLeast("epochs", epochs, 1);
        FieldChecks.atLeast("batch_size", batchSize, 1);
        FieldChecks.positive("learning_rate", learningRate);
        FieldChecks.atLeast("warmup_steps", warmupSteps, 0);
        FieldChecks.nonNegative("weight_decay", weightDecay);
    }

    /** Steps per epoch on {@code samples} training samples. */
    public int stepsPerEpoch(int samples) {
        return (samples + batchSize - 1) / batchSize;
    }

    /** All steps on {@code samples} training samples. */
    public long totalSteps(int samples) {
        return (long) epochs * stepsPerEpoch(samples);
    }

    /**
     * The learning rate of step {@code step} (from 0) of {@code total}: {@code lr (step+1)/warmup} during warm-up,
     * then {@code lr (1 + cos(pi (step - warmup) / (total - warmup))) / 2}.
     */
    public double learningRateAt(long step, long total) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        long decaySteps = Math.max(1, total - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
        return learningRate * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
