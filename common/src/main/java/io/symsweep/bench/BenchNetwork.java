package io.symsweep.bench;

import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import java.util.List;
import java.util.Locale;

/**
 * A network to benchmark: its architecture, the number of samples it fits, and a learning rate at which
 * full-batch SGD from LeCun-normal weights runs stably.
 *
 * @param name         {@code figure4}, {@code wide100}, {@code deep-linear}, or the architecture label
 * @param architecture the network
 * @param samples      columns of X and Y
 * @param learningRate the SGD step size
 */
public record BenchNetwork(String name, MlpArchitecture architecture, int samples, double learningRate) {

    /** Figure 4 (Zhao et al. 2025): W1 16x8, W2 32x16, W3 16x32, W4 8x16, W5 4x8, leaky ReLU, 4 samples. */
    public static final BenchNetwork FIGURE4 = new BenchNetwork("figure4",
            new MlpArchitecture(new int[] {8, 16, 32, 16, 8, 4}, Activation.leakyRelu(0.01)), 4, 0.01);
    /** Two layers with 100 hidden units: W1 100x8, W2 4x100, leaky ReLU, 4 samples. */
    public static final BenchNetwork WIDE100 = new BenchNetwork("wide100",
            new MlpArchitecture(new int[] {8, 100, 4}, Activation.leakyRelu(0.01)), 4, 0.001);
    /** A deep linear network of four 4x4 matrices, 4 samples. */
    public static final BenchNetwork DEEP_LINEAR = new BenchNetwork("deep-linear",
            new MlpArchitecture(new int[] {4, 4, 4, 4, 4}, Activation.linear()), 4, 0.001);

    public static final List<BenchNetwork> PRESETS = List.of(FIGURE4, WIDE100, DEEP_LINEAR);

    public BenchNetwork {
        if (samples < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("samples must be >= 1 and the learning rate > 0");
        }
    }

    /** The same network with another learning rate. */
    public BenchNetwork withLearningRate(double rate) {
        return new BenchNetwork(name, architecture, samples, rate);
    }

    /**
     * A preset by name, or any architecture by its label ({@code mlp[8,100,4]/leaky_relu(0.01)}) with
     * {@code samples} samples and learning rate 0.01.
     */
    public static BenchNetwork parse(String text, int samples) {
        for (BenchNetwork n : PRESETS) {
            if (n.name.equals(text.toLowerCase(Locale.ROOT))) {
                return samples > 0 ? new BenchNetwork(n.name, n.architecture, samples, n.learningRate) : n;
            }
        }
        MlpArchitecture arch = MlpArchitecture.parseLabel(text);
        return new BenchNetwork(arch.label(), arch, samples > 0 ? samples : 4, 0.01);
    }
}
