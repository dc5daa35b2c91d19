/**
 * Tiny transformers on DL4J SameDiff (float64) and their parameter-space symmetries, for the alignment experiments of
 * Theus et al. 2025 ("Generalized Linear Mode Connectivity for Transformers") at small scale.
 *
 * <p>{@link io.symsweep.transformer.TransformerArchitecture} describes a pre-norm ViT on image patches or a causal
 * (GPT-style) language model; {@link io.symsweep.transformer.TransformerParameters} names its weights
 * ({@code [in, out]} layout) for an {@link io.symsweep.params.ParameterSet}; {@link io.symsweep.transformer.TransformerGraph}
 * builds it in SameDiff with hand-written (causal) attention and composed RMSNorm/LayerNorm, loads and exports
 * parameter sets and evaluates them; {@link io.symsweep.transformer.TransformerTraining} trains it with SameDiff's Adam,
 * warm-up and cosine decay, every draw from one seed. {@link io.symsweep.transformer.SequenceData} feeds it digits
 * patches or the generated tasks of {@link io.symsweep.transformer.AlgorithmicTask}.
 *
 * <p>{@link io.symsweep.transformer.TransformerSymmetries} declares the four classes as data (MLP units, heads, per-head
 * invertible maps on the QK and OV circuits, an orthogonal map of the residual stream);
 * {@link io.symsweep.transformer.NormFolding} folds norm gains (and LayerNorm's centring and bias, Theus et al.
 * Appendix E) into the linear layers so the residual rotation is exact; {@link io.symsweep.transformer.CircuitMerging}
 * gives the circuit-mode architecture; {@link io.symsweep.transformer.HeadMaps} solves for the per-head maps of the
 * factorised mode; {@link io.symsweep.transformer.HeadAndResidualMatching} holds the matching costs and the residual
 * Procrustes step; {@link io.symsweep.transformer.OrthogonalSpectrum} the eigen-angles of an orthogonal map.
 * {@link io.symsweep.transformer.PlantedTransforms} draws the random group elements the tests plant, and
 * {@link io.symsweep.transformer.FunctionalEquivalence} measures, through SameDiff, how far a moved model's function is
 * from the original's.
 *
 * <p>Alignment: {@link io.symsweep.transformer.TransformerAligner} is the contract "align B to A under a
 * {@link io.symsweep.transformer.TransformerClassSet} with a method, in a head mode"; {@link
 * io.symsweep.transformer.TransformerAligners} holds every combination (no alignment, activation matching, weight
 * matching, learned matching by the straight-through estimator with SameDiff's gradient with respect to the
 * transforms, {@link io.symsweep.transformer.TransformGradient}). {@link io.symsweep.transformer.TransformerPairProbe}
 * aligns a pair and probes the segment ({@link io.symsweep.transformer.TransformerInterpolation}, over
 * {@code connectivity}'s curve and barrier arithmetic) into a {@link io.symsweep.transformer.TransformerAlignmentResult}:
 * the bench's per-pair function. {@link io.symsweep.transformer.TransformerFamily} is the {@code alignment} kind's
 * {@code vit} and {@code gpt} families: the same alignment, the kind probing the segment.
 */
package io.symsweep.transformer;
