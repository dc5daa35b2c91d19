package io.symsweep.engine;

import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.train.TrainingProblem;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingSettings;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Trains every problem, as {@link #train} would one by one, and returns the results in order.
     * Engines may batch networks of the same shape; the results must not depend on how, nor on
     * {@code batch}, except for {@link TrainingResult#seconds()}.
     *
     * @param batch networks trained at once, a hint; 0 lets the engine choose
     */
    default List<TrainingResult> trainAll(List<TrainingProblem> problems, int batch) {
        List<TrainingResult> out = new ArrayList<>(problems.size());
        for (TrainingProblem p : problems) {
            out.add(train(p.initial(), p.data(), p.settings()));
        }
        return out;
    }

    /**
     * The loss along the straight line from {@code w} to each of {@code ends}: {@code out[f][i]} is the
     * loss at {@code (1 - a) w + a ends_f} for {@code a = alphas[i]}, computed by
     * {@link MlpParameters#interpolate}, and at {@code w} and {@code ends_f} themselves where {@code a} is
     * 0 and 1. Engines may batch the evaluations; the values must not depend on it.
     *
     * @param batch networks evaluated at once, a hint; 0 lets the engine choose
     */
    default double[][] lineLosses(MlpParameters w, List<MlpParameters> ends, double[] alphas, RegressionData data,
            int batch) {
        double[][] out = new double[ends.size()][alphas.length];
        for (int f = 0; f < out.length; f++) {
            MlpParameters end = ends.get(f);
            for (int i = 0; i < alphas.length; i++) {
                double a = alphas[i];
                out[f][i] = loss(a == 0 ? w : a == 1 ? end : w.interpolate(end, a), data);
            }
        }
        return out;
    }

    /** The engine named {@code name} in a spec. */
    static Engine named(String name) {
        return switch (name) {
            case DenseEngine.NAME -> new DenseEngine();
            case Dl4jEngine.NAME -> new Dl4jEngine();
            default -> throw new IllegalArgumentException("unknown engine " + name + "; allowed: dense, dl4j");
        };
    }
}
