package io.symsweep.transformer;

/**
 * Align transformer {@code b} to transformer {@code a}: two models of one architecture with factorised heads (either
 * norm; the aligners fold the norms themselves), and the training data that activation and learned matching read.
 *
 * @param a        the reference
 * @param b        the model moved
 * @param train    the training data (activations, the learned method's loss); it must fit the architecture
 * @param settings the methods' knobs
 */
public record TransformerAlignmentProblem(TransformerModel a, TransformerModel b, SequenceData train,
        TransformerAlignmentSettings settings) {

    public TransformerAlignmentProblem {
        if (a == null || b == null || train == null || settings == null) {
            throw new IllegalArgumentException("an alignment problem needs two models, training data and settings");
        }
        if (!a.architecture().equals(b.architecture())) {
            throw new IllegalArgumentException("cannot align " + b.architecture().label() + " to "
                    + a.architecture().label());
        }
        if (a.architecture().attention() != TransformerArchitecture.Attention.FACTORISED) {
            throw new IllegalArgumentException("align models with factorised heads (the circuit head mode merges them "
                    + "itself), found " + a.architecture().label());
        }
        TransformerGraph.requireFits(a.architecture(), train);
    }

    /** The same problem with other settings. */
    public TransformerAlignmentProblem withSettings(TransformerAlignmentSettings s) {
        return new TransformerAlignmentProblem(a, b, train, s);
    }

    /** The same problem with another model B. */
    public TransformerAlignmentProblem withB(TransformerModel other) {
        return new TransformerAlignmentProblem(a, other, train, settings);
    }
}
