/**
 * Linear mode connectivity after alignment: the per-configuration functions of the {@code alignment} kind.
 * {@link io.symsweep.connectivity.PairProbe#alignAndProbe} aligns one pair and probes the segment between them
 * ({@link io.symsweep.connectivity.InterpolationProbe}: losses and accuracies on train and test, both barrier
 * definitions, REPAIR optional) into an {@link io.symsweep.connectivity.AlignmentResult};
 * {@link io.symsweep.connectivity.ModelMerging#merge} aligns three or more models to a common reference into a
 * {@link io.symsweep.connectivity.MergeResult}.
 */
package io.symsweep.connectivity;
