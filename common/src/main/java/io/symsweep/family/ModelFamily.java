package io.symsweep.family;

import io.symsweep.data.DataSplit;
import io.symsweep.data.Task;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SpecField;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One family of networks the {@code alignment} kind trains once, aligns in pairs and merges: everything the kind
 * needs that depends on the architecture, behind one interface, so that MLPs ({@link MlpFamily}) and transformers
 * write the same {@code models}, {@code alignments} and {@code merges} tables.
 *
 * <p>The algebra:
 * <ul>
 *   <li>{@link #settings} is a pure function of a model's configuration, parsed once; {@link #train} a pure function
 *       of the settings, the data and the seed (bitwise, on one thread), every random draw from the seed.</li>
 *   <li>{@link #evaluate} of the trained parameters equals the evaluation in the {@link TrainedArtefact}.</li>
 *   <li>For every class the family accepts ({@link #checkAlignment}) that is exact for its declaration, B' of
 *       {@link #align} computes B's function ({@link PairAlignment#equivalenceError()} at rounding level), and
 *       aligning A to itself gives {@code end = start}.</li>
 *   <li>Numerical failure (divergence, a singular map) is a status, never an exception; a setting or a combination
 *       the family cannot run throws {@link IllegalArgumentException} with a one-line message, which the kind reports
 *       as a spec error before any Spark job.</li>
 * </ul>
 *
 * @param <S> the family's typed settings of one model (architecture and training)
 * @param <D> the family's view of a data split
 */
public interface ModelFamily<S extends Serializable, D> extends Serializable {

    /** The name in {@code model.family}: {@code mlp}. */
    String name();

    /**
     * The spec fields only this family reads ({@code model.*} and its {@code training.*}), declared without spec
     * defaults: the family applies its defaults ({@link #defaults}) in {@link #settings}, so that fields of another
     * family can be told apart from defaults and refused.
     */
    List<SpecField> fields();

    /** Config key to the value a missing field takes. */
    Map<String, Object> defaults();

    /**
     * {@code c} without the values of this family's fields that cannot matter: a value equal to its default (so that
     * writing a default does not change an id), a setting the chosen options do not read. This default drops the
     * values equal to their {@link #defaults()}; a family whose options leave settings unread overrides it and adds
     * its own rules.
     */
    default Configuration normalize(Configuration c) {
        for (Map.Entry<String, Object> d : defaults().entrySet()) {
            if (d.getValue().equals(c.values().get(d.getKey()))) {
                c = c.with(d.getKey(), null);
            }
        }
        return c;
    }

    /** The typed settings of a model configuration (its {@code model}, {@code training} and data sections). */
    S settings(Configuration model);

    /** What a model of {@code settings} predicts: the task its data must be for. */
    Task task(S settings);

    /** True when the family's evaluations give accuracies (classification; a language model's next tokens). */
    default boolean hasAccuracy(S settings) {
        return task(settings) == Task.CLASSIFICATION;
    }

    /** Throws unless a model of {@code settings} fits data of this shape (inputs, outputs, task). */
    void checkFits(S settings, int features, int outputs, Task task);

    /** The family's view of {@code split} (for an MLP, the split itself). */
    D data(S settings, DataSplit split);

    /** Trains one model from {@code seed} (its initialisation and mini-batch order). */
    TrainedArtefact train(S settings, D data, long seed);

    /** Loss and accuracy of {@code p}, of architecture {@code settings}, on both halves. */
    SplitEvaluation evaluate(S settings, ParameterSet p, D data);

    /** The symmetry sites of the architecture, as data. */
    SymmetryDeclaration declaration(S settings);

    /**
     * Throws a one-line {@link IllegalArgumentException} unless the family can align a model of {@code b} to one of
     * {@code a} as {@code request} asks: a class exact for the architecture, a method that exists for it, a head mode
     * only where there are heads, different widths only for a class that maps a narrower model into a wider one.
     * The message names the value at fault and what is allowed.
     */
    void checkAlignment(S a, S b, AlignmentRequest request);

    /** Aligns {@code pb} (of {@code b}) to {@code pa} (of {@code a}), ready to probe. */
    PairAlignment align(S a, ParameterSet pa, S b, ParameterSet pb, D data, AlignmentRequest request);

    /** Aligns {@code member} (of {@code settings}) to {@code reference} (same architecture), for a merge. */
    MemberAlignment alignTo(S settings, ParameterSet reference, ParameterSet member, D data, AlignmentRequest request);
}
