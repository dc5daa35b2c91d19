package io.symsweep.train;

/** How a training run ended. */
public enum TrainingStatus {
    /** The loss fell below the tolerance. */
    CONVERGED,
    /** The step budget ran out with the loss still at or above the tolerance. */
    NOT_CONVERGED,
    /** The loss or a weight became NaN or infinite. */
    DIVERGED
}
