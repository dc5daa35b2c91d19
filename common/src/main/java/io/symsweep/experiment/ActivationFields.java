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

    private ActivationFields() {
    }

    /** The two fields, with the activations this kind allows and its default. */
    static List<SpecField> fields(List<String> allowed, String defaultActivation, String doc) {
        return List.of(
                SpecField.choice("architecture.activation", allowed, doc).defaultsTo(defaultActivation),
                SpecField.number("architecture.slope", "negative slope of leaky_relu")
                        .defaultsTo(Activation.DEFAULT_SLOPE).checked(Check.inHalfOpen(0, 1)));
    }

    /** {@code c} without a slope unless its activation is leaky ReLU, so equal networks get equal ids. */
    static Configuration normalize(Configuration c) {
        return c.getString("architecture.activation").equals(LEAKY_RELU) ? c : c.with("architecture.slope", null);
    }

    /** The activation {@code c} describes. */
    static Activation activation(Configuration c) {
        String kind = c.getString("architecture.activation");
        return kind.equals(LEAKY_RELU) ? Activation.leakyRelu(c.getDouble("architecture.slope"))
                : new Activation(Activation.Kind.fromSpecName(kind), 0);
    }
}
