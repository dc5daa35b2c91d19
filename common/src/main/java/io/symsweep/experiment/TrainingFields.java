package io.symsweep.experiment;

import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.WeightInit;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.ConfigIds;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SpecField;
import io.symsweep.train.TrainingSettings;
import java.util.List;

/**
 * The {@code training} section shared by the kinds that train a network by full-batch gradient descent, declared
 * once: the engine, step size, budget, tolerance and initialisation, and how a configuration turns into initial
 * weights and {@link TrainingSettings}.
 */
final class TrainingFields {

    static final SpecField ENGINE = SpecField.choice("training.engine", List.of("dense", "dl4j"),
            "dense (fused Java kernel) or dl4j (the reference)").defaultsTo("dense");
    static final SpecField LEARNING_RATE = SpecField.number("training.learning_rate", "full-batch SGD step size")
            .required().checked(Check.greaterThan(0).and(Check.finite()));
    static final SpecField STEPS = SpecField.integer("training.steps", "budget of SGD updates")
            .required().checked(Check.between(0, 1_000_000_000));
    static final SpecField LOSS_TOLERANCE = SpecField.number("training.loss_tolerance",
            "stop when the loss falls below this (0: never)").defaultsTo(0.0)
            .checked(Check.atLeast(0).and(Check.finite()));
    static final SpecField INIT = SpecField.choice("training.init",
            List.of("lecun_normal", "he_normal", "xavier_normal"), "initial weight distribution")
            .defaultsTo("lecun_normal");
    static final SpecField INIT_SCALE = SpecField.number("training.init_scale",
            "multiplier of the initial standard deviation").defaultsTo(1.0)
            .checked(Check.greaterThan(0).and(Check.finite()));

    /** Engine, learning rate, steps, tolerance, init and its scale, in README order. */
    static final List<SpecField> GRADIENT_DESCENT = List.of(ENGINE, LEARNING_RATE, STEPS, LOSS_TOLERANCE, INIT,
            INIT_SCALE);

    private TrainingFields() {
    }

    /**
     * The seed of the initial weights: from the minimum's id with the engine left out, so the dense and DL4J
     * engines start from the same weights and can be compared.
     */
    static long initSeed(Configuration minimum) {
        return ConfigIds.seed(minimum.with("training.engine", null).id(), "init");
    }

    /** The initial weights of {@code arch} for the minimum {@code minimum}. */
    static MlpParameters initial(Configuration minimum, MlpArchitecture arch) {
        return WeightInit.fromSpecName(minimum.getString("training.init"))
                .sample(arch, minimum.getDouble("training.init_scale"), initSeed(minimum));
    }

    /** Learning rate, steps and tolerance of {@code c}. */
    static TrainingSettings settings(Configuration c) {
        return new TrainingSettings(c.getDouble("training.learning_rate"), c.getLong("training.steps"),
                c.getDouble("training.loss_tolerance"));
    }
}
