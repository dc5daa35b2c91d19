/**
 * {@code symsweep reproduce}: every paper spec at one scale, run through the same code path as
 * {@code symsweep run}, then the claims report and the figures.
 *
 * <ul>
 *   <li>{@link io.symsweep.reproduce.PaperSpecs}: the paper specs ({@code paper/*.yaml}) at a scale, the size axes of
 *       {@code paper/scales/<scale>.yaml} applied to them;</li>
 *   <li>{@link io.symsweep.reproduce.SweepRunner}: the one adapter onto {@code SweepJob}/{@code ResultStore};</li>
 *   <li>{@link io.symsweep.reproduce.ResultTables}: the one data-reading layer (a view per table of a spec's
 *       results folder, as {@code symsweep sql --results} makes them, and queries on them);</li>
 *   <li>{@link io.symsweep.reproduce.PaperClaims} and {@link io.symsweep.reproduce.PaperFigures}: the claims and the
 *       figures, whose SQL text is the only place that names table columns;</li>
 *   <li>{@link io.symsweep.reproduce.AlignmentClaims} and {@link io.symsweep.reproduce.AlignmentFigures}: the same
 *       for the alignment specs ({@code paper/alignment-*.yaml}: tables {@code alignments}, {@code models});</li>
 *   <li>{@link io.symsweep.reproduce.Reproduction}: runs it all and writes {@code DIR/report/}.</li>
 * </ul>
 */
package io.symsweep.reproduce;
