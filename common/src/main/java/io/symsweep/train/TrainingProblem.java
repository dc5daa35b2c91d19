package io.symsweep.train;

import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;

/**
 * One network to train: where it starts, what it fits, how it is trained. Networks with the same
 * architecture and sample count form batches ({@code Engine.trainAll}); everything else may differ.
 *
 * @param initial  the initial weights
 * @param data     the regression data, shaped for {@code initial}'s architecture
 * @param settings learning rate, step budget and loss tolerance
 */
public record TrainingProblem(MlpParameters initial, RegressionData data, TrainingSettings settings) {

    public TrainingProblem {
        if (initial == null || data == null || settings == null) {
            throw new IllegalArgumentException("initial weights, data and settings are required");
        }
    }
}
