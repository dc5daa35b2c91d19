package io.symsweep.train;

/**
 * Full-batch gradient descent {@code W <- W - lr * dL/dW} on {@code L = ||Y - f(X)||_F^2}.
 *
 * @param learningRate  step size, {@code > 0}
 * @param steps         the budget of updates, {@code >= 0}
 * @param lossTolerance stop as soon as the loss at the current weights is below this; 0 never stops early
 */
public record TrainingSettings(double learningRate, long steps, double lossTolerance) {

    public TrainingSettings {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, found " + learningRate);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, found " + steps);
        }
        if (!(lossTolerance >= 0)) {
            throw new IllegalArgumentException("loss tolerance must be >= 0, found " + lossTolerance);
        }
    }
}
