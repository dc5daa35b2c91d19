package io.symsweep.experiment;

import io.symsweep.engine.Engine;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.WeightInit;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.ConfigIds;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SpecField;
import io.symsweep.train.TrainingSettings;
import java.util.List;
import java.util.Set;

/**
 * The {@code training} section shared by the kinds that train a network by full-batch gradient descent, declared
 * once: the engine, step size, budget, tolerance and initialisation, and how a configuration turns into initial
 * weights and {@link TrainingSettings}.
 */
final class TrainingFields {

    /** The config key of a kind's layer widths, when its spec gives them. */
    static final String WIDTHS_KEY = "architecture.widths";

    static final SpecField ENGINE = SpecField.choice("training.engine", List.of("dense", "dl4j"),
            "dense (fused Java kernel) or dl4j (the reference)").defaultsTo("dense");
    static final SpecField LEARNING_RATE = SpecField.number("training.learning_rate", "full-batch SGD step size")
            .required().checked(Check.greaterThan(0));
    static final SpecField STEPS = SpecField.integer("training.steps", "budget of SGD updates")
            .required().checked(Check.between(0, 1_000_000_000));
    static final SpecField LOSS_TOLERANCE = SpecField.number("training.loss_tolerance",
            "stop when the loss falls below this (0: never)").defaultsTo(0.0)
            .checked(Check.atLeast(0));
    static final SpecField INIT = SpecField.choice("training.init",
            List.of("lecun_normal", "he_normal", "xavier_normal"), "initial weight distribution")
            .defaultsTo("lecun_normal");
    static final SpecField INIT_SCALE = SpecField.number("training.init_scale",
            "multiplier of the initial standard deviation").defaultsTo(1.0)
            .checked(Check.greaterThan(0));

    /** Engine, learning rate, steps, tolerance, init and its scale, in README order. */
    static final List<SpecField> GRADIENT_DESCENT = List.of(ENGINE, LEARNING_RATE, STEPS, LOSS_TOLERANCE, INIT,
            INIT_SCALE);

    /** The keys the initial weights depend on; the engine and the optimiser settings are not among them. */
    private static final Set<String> INIT_KEYS =
            Set.of(Configuration.SEED, WIDTHS_KEY, INIT.configKey(), INIT_SCALE.configKey());

    private TrainingFields() {
    }

    /**
     * The initial weights of {@code arch} for {@code c}, drawn from the seed, the widths and the init
     * distribution only: every configuration with those in common starts from the same point, whatever its
     * engine, learning rate, step budget or activation, so a sweep over any of those compares runs from one
     * start (and the dense and DL4J engines can be held to the same minimum). Kinds that draw their widths
     * from the seed have no widths key; the seed then decides them.
     */
    static MlpParameters initial(Configuration c, MlpArchitecture arch) {
        String initId = c.project(INIT_KEYS::contains).id();
        return WeightInit.fromSpecName(c.text(INIT)).sample(arch, c.number(INIT_SCALE), ConfigIds.seed(initId, "init"));
    }

    /** Learning rate, steps and tolerance of {@code c}. */
    static TrainingSettings settings(Configuration c) {
        return new TrainingSettings(c.number(LEARNING_RATE), c.integer(STEPS), c.number(LOSS_TOLERANCE));
    }

    /** The engine {@code c} trains with. */
    static Engine engine(Configuration c) {
        return Engine.named(c.text(ENGINE));
    }
}
