package io.symsweep.experiment;

import io.symsweep.model.Activation;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SpecField;
import java.util.List;

/**
 * {@code architecture.activation} and {@code architecture.slope}, declared once for every kind that has a
 * hidden activation: the fields, the canonical form (a slope only where it matters), and the
 * {@link Activation} a configuration describes.
 */
final class ActivationFields {

    private static final String LEAKY_RELU = Activation.Kind.LEAKY_RELU.specName();

    static final SpecField SLOPE = SpecField.number("architecture.slope", "negative slope of leaky_relu")
            .defaultsTo(Activation.DEFAULT_SLOPE).checked(Check.inHalfOpen(0, 1));

    private final SpecField activation;

    private ActivationFields(SpecField activation) {
        this.activation = activation;
    }

    /** The fields with the activations a kind allows and its default. */
    static ActivationFields allowing(List<String> allowed, String defaultActivation, String doc) {
        return new ActivationFields(SpecField.choice("architecture.activation", allowed, doc)
                .defaultsTo(defaultActivation));
    }

    /** The two fields, in README order. */
    List<SpecField> fields() {
        return List.of(activation, SLOPE);
    }

    /** {@code c} without a slope unless its activation is leaky ReLU, so equal networks get equal ids. */
    Configuration normalize(Configuration c) {
        return c.text(activation).equals(LEAKY_RELU) ? c : c.with(SLOPE, null);
    }

    /** The activation {@code c} describes. */
    Activation parse(Configuration c) {
        String kind = c.text(activation);
        return kind.equals(LEAKY_RELU) ? Activation.leakyRelu(c.number(SLOPE))
                : new Activation(Activation.Kind.fromSpecName(kind), 0);
    }
}
