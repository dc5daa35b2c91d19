package io.symsweep.experiment;

import io.symsweep.engine.Engine;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.sweep.ConfigIds;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SpecField;
import io.symsweep.train.TrainingProblem;
import io.symsweep.train.TrainingSettings;

/**
 * A minimum to train, parsed once from its configuration (a kind's configuration without its probe settings): the
 * bias-free MLP, the Gaussian data it fits and how gradient descent trains it. Shared by the kinds that train a
 * minimum and probe it ({@code rescaling-barrier}, {@code symmetry-curve}).
 *
 * @param configuration the minimum's configuration (its id keys the {@code minima} row)
 * @param kind          the kind that trains it
 * @param architecture  the network
 * @param samples       columns of X and Y
 * @param engine        the engine that trains it and evaluates its losses
 * @param training      learning rate, step budget, tolerance
 */
record MinimumSettings(Configuration configuration, String kind, MlpArchitecture architecture, int samples,
        Engine engine, TrainingSettings training) {

    /** Parses {@code c} with the kind's widths, samples and activation fields. */
    static MinimumSettings parse(Configuration c, String kind, SpecField widths, SpecField samples,
            ActivationFields activation) {
        return new MinimumSettings(c, kind, new MlpArchitecture(c.integers(widths), activation.parse(c)),
                c.smallInteger(samples), TrainingFields.engine(c), TrainingFields.settings(c));
    }

    /**
     * X and Y, i.i.d. N(0, 1), from the seed and the data's shape only: every configuration with the same seed and
     * shape fits the same data, whatever its training or probe settings.
     */
    RegressionData data() {
        String dataId = "gaussian/" + configuration.seed() + "/" + architecture.inputs() + "x" + samples + "->"
                + architecture.outputs();
        return RegressionData.gaussian(architecture.inputs(), architecture.outputs(), samples,
                ConfigIds.seed(dataId, "data"));
    }

    /** The initial weights ({@link TrainingFields#initial}: from the seed, the widths and the init settings). */
    MlpParameters initialWeights() {
        return TrainingFields.initial(configuration, architecture);
    }

    /** What the engine trains. */
    TrainingProblem problem() {
        return new TrainingProblem(initialWeights(), data(), training);
    }
}
