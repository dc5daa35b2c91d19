package io.symsweep.engine;

import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingSettings;

/**
 * Loss, gradient and training of a bias-free MLP on {@code L(W) = ||Y - f(X)||_F^2} (a sum over every
 * output and sample, no averaging). Implementations agree with each other to rounding: the contract is
 * the mathematics, and tests hold every engine to DL4J.
 */
public interface Engine {

    /** The engine's name as written in specs and tables: {@code dense}, {@code dl4j}. */
    String name();

    /** {@code ||Y - f(X)||_F^2}. */
    double loss(MlpParameters w, RegressionData data);

    /**
     * The loss, and {@code dL/dW_i} written into {@code gradient[i-1]} (row-major, shaped like
     * {@code W_i}).
     */
    double lossAndGradient(MlpParameters w, RegressionData data, double[][] gradient);

    /**
     * Full-batch gradient descent from {@code initial}: at step {@code s} the loss at {@code W_s} is
     * computed; if it is below the tolerance the run stops with {@code W_s}, otherwise
     * {@code W_{s+1} = W_s - lr * grad}. NaN or infinity ends the run as {@code DIVERGED} and is never
     * thrown.
     */
    TrainingResult train(MlpParameters initial, RegressionData data, TrainingSettings settings);

    /** The engine named {@code name} in a spec. */
    static Engine named(String name) {
        return switch (name) {
            case DenseEngine.NAME -> new DenseEngine();
            case Dl4jEngine.NAME -> new Dl4jEngine();
            default -> throw new IllegalArgumentException("unknown engine " + name + "; allowed: dense, dl4j");
        };
    }
}
