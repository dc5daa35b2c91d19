/**
 * Model families: what the {@code alignment} kind needs from one kind of network, behind one interface
 * ({@link io.symsweep.family.ModelFamily}): its spec fields and their typed, validated settings, its view of the
 * data, training into a {@link io.symsweep.family.TrainedArtefact} (a {@link io.symsweep.params.ParameterSet} and
 * its metrics), the loss and accuracy of any parameter set on both halves of a split, its
 * {@link io.symsweep.params.SymmetryDeclaration}, and its aligners, which give the two endpoints of a segment to
 * probe ({@link io.symsweep.family.PairAlignment}) and the members of a merge. {@link io.symsweep.family.MlpFamily}
 * is the MLPs of {@code io.symsweep.mlp} with the aligners of {@code io.symsweep.align}; the transformer families
 * are {@code io.symsweep.transformer.TransformerFamily} (in that package: {@code connectivity} reads families and
 * {@code transformer} reads {@code connectivity}).
 */
package io.symsweep.family;
