package io.symsweep.engine;

import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingSettings;
import io.symsweep.train.TrainingStatus;

/**
 * The fused Java engine for small dense networks: one {@link DenseKernel} per call, no allocation inside
 * the training loop. About two orders of magnitude faster than DL4J on the papers' networks
 * (../shared/STACK.md), and held equal to it by {@code EngineEquivalenceTest}.
 */
public final class DenseEngine implements Engine {

    public static final String NAME = "dense";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double loss(MlpParameters w, RegressionData data) {
        return kernel(w, data).forward(w.layers());
    }

    @Override
    public double lossAndGradient(MlpParameters w, RegressionData data, double[][] gradient) {
        return kernel(w, data).lossAndGradient(w.layers(), gradient);
    }

    @Override
    public TrainingResult train(MlpParameters initial, RegressionData data, TrainingSettings settings) {
        long start = System.nanoTime();
        DenseKernel kernel = kernel(initial, data);
        double[][] w = initial.layers();
        double[][] grad = initial.layers();
        double lr = settings.learningRate();
        long step = 0;
        double loss;
        TrainingStatus status;
        while (true) {
            loss = kernel.lossAndGradient(w, grad);
            if (!Double.isFinite(loss)) {
                status = TrainingStatus.DIVERGED;
                break;
            }
            if (loss < settings.lossTolerance()) {
                status = TrainingStatus.CONVERGED;
                break;
            }
            if (step == settings.steps()) {
                status = TrainingStatus.NOT_CONVERGED;
                break;
            }
            for (int l = 0; l < w.length; l++) {
                double[] wl = w[l];
                double[] gl = grad[l];
                for (int j = 0; j < wl.length; j++) {
                    wl[j] -= lr * gl[j];
                }
            }
            step++;
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new TrainingResult(new MlpParameters(initial.architecture(), w), step, loss, status, seconds);
    }

    private static DenseKernel kernel(MlpParameters w, RegressionData data) {
        var arch = w.architecture();
        if (data.features() != arch.inputs() || data.outputs() != arch.outputs()) {
            throw new IllegalArgumentException("data is " + data.features() + " -> " + data.outputs()
                    + " but the network is " + arch.label());
        }
        return new DenseKernel(arch, data.x(), data.y(), data.samples());
    }
}
