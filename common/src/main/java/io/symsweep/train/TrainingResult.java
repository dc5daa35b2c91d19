package io.symsweep.train;

import io.symsweep.model.MlpParameters;

/**
 * The end of a training run.
 *
 * @param weights   the weights after {@code steps} updates, where the run stopped (possibly non-finite
 *                  when diverged)
 * @param steps     updates applied
 * @param finalLoss the loss at {@code weights}; NaN or infinite only when diverged
 * @param status    how the run ended
 * @param seconds   wall-clock time of the run
 */
public record TrainingResult(MlpParameters weights, long steps, double finalLoss, TrainingStatus status,
        double seconds) {

    public TrainingResult {
        if (weights == null || status == null) {
            throw new IllegalArgumentException("weights and status are required");
        }
    }
}
