package io.symsweep.align;

import io.symsweep.data.SupervisedData;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.mlp.MlpSymmetries;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.SymmetryDeclaration;

/**
 * Align model {@code b} to model {@code a}: both MLPs of one activation, task, input and output width; their
 * hidden widths equal, or (semi-permutations) {@code b}'s no wider than {@code a}'s at every layer.
 *
 * @param specA    {@code a}'s architecture
 * @param a        the reference
 * @param specB    {@code b}'s architecture
 * @param b        the model moved
 * @param train    the training data (activation statistics, least squares, the learned method's loss)
 * @param settings the methods' knobs
 */
public record AlignmentProblem(MlpSpec specA, ParameterSet a, MlpSpec specB, ParameterSet b, SupervisedData train,
        AlignmentSettings settings) {

    public AlignmentProblem {
        specA.requireFits(a);
        specB.requireFits(b);
        if (specA.layers() != specB.layers() || specA.activation() != specB.activation()
                || specA.bias() != specB.bias() || specA.task() != specB.task()
                || specA.width(0) != specB.width(0) || specA.width(specA.layers()) != specB.width(specB.layers())) {
            throw new IllegalArgumentException("cannot align " + specB.label() + " to " + specA.label());
        }
        for (int l = 1; l < specA.layers(); l++) {
            if (specB.width(l) > specA.width(l)) {
                throw new IllegalArgumentException("model B's hidden layer " + l + " (" + specB.width(l)
                        + " units) is wider than model A's (" + specA.width(l) + ")");
            }
        }
        if (train != null && train.dimension() != specA.width(0)) {
            throw new IllegalArgumentException("training data has " + train.dimension() + " features, the models "
                    + specA.width(0) + " inputs");
        }
    }

    /** A same-shape problem. */
    public static AlignmentProblem of(MlpSpec spec, ParameterSet a, ParameterSet b, SupervisedData train,
            AlignmentSettings settings) {
        return new AlignmentProblem(spec, a, spec, b, train, settings);
    }

    /** True when every hidden layer of both models has the same width. */
    public boolean sameShape() {
        return specA.equals(specB);
    }

    /** {@code b}'s symmetry sites. */
    public SymmetryDeclaration declarationB() {
        return MlpSymmetries.declare(specB);
    }

    /** The same problem with another model B (same architecture). */
    public AlignmentProblem withB(ParameterSet other) {
        return new AlignmentProblem(specA, a, specB, other, train, settings);
    }

    /** The training features, at most {@link AlignmentSettings#activationSamples()} rows, row-major. */
    public double[] sampleFeatures() {
        return features(train, settings.activationSamples());
    }

    /** The number of rows of {@link #sampleFeatures()}. */
    public int sampleCount() {
        return Math.min(train.size(), settings.activationSamples());
    }

    static double[] features(SupervisedData d, int cap) {
        int n = Math.min(d.size(), cap);
        int dim = d.dimension();
        double[] x = new double[n * dim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(d.featureRow(i), 0, x, i * dim, dim);
        }
        return x;
    }
}
