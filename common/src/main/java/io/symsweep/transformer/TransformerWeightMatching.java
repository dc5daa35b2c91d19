package io.symsweep.transformer;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentStatus;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.transformer.TransformerArchitecture.Attention;

/**
 * Weight matching of transformers (Theus et al. 2025, Sec. 4; Ainsworth et al. 2023, Alg. 1 for the permutations):
 * {@link HeadAndResidualMatching#match} on the folded models, or on the merged circuits in the circuit head mode.
 * Heads are matched by their QK and OV circuits, MLP units by their weights (one linear assignment per site), the
 * residual map over every residual-path weight (orthogonal Procrustes, or an assignment for permutations), and in the
 * factorised head mode the per-head maps by {@link HeadMaps}; alternated until {@code ||A - T.B||} stops falling or
 * {@link TransformerAlignmentSettings#maxRounds()} are spent ({@code NOT_CONVERGED}). Objective {@code ||A - B'||}.
 */
final class TransformerWeightMatching extends AbstractTransformerAligner {

    TransformerWeightMatching(TransformerClassSet c, Attention headMode) {
        super(c, AlignmentMethod.WEIGHT_MATCHING, headMode);
    }

    @Override
    TransformerAlignment fit(TransformerAlignmentProblem p, TransformerModel a, TransformerModel b, long start) {
        if (!a.parameters().isFinite() || !b.parameters().isFinite()) {
            return TransformerAlignment.failed(classSet, method(), headMode, a, b, AlignmentStatus.NOT_FINITE,
                    "non-finite weights", start);
        }
        HeadAndResidualMatching.Match match;
        try {
            match = match(a, b, classSet, headMode, p.settings().maxRounds());
        } catch (ArithmeticException e) {
            return TransformerAlignment.failed(classSet, method(), headMode, a, b, AlignmentStatus.SINGULAR,
                    e.getMessage(), start);
        }
        SymmetryDeclaration d = TransformerSymmetries.declaration(b.architecture());
        TransformerModel aligned = new TransformerModel(b.architecture(), d.apply(b.parameters(), match.transforms()));
        double[] distances = match.distances();
        return new TransformerAlignment(classSet, method(), headMode, a, aligned, match.transforms(),
                distances[distances.length - 1], match.rounds(), (System.nanoTime() - start) * 1e-9,
                match.converged() ? AlignmentStatus.OK : AlignmentStatus.NOT_CONVERGED,
                "||A - T.B|| by round " + java.util.Arrays.toString(distances));
    }

    /** The matching of {@code b} onto {@code a}, both already in the head mode's parametrisation. */
    static HeadAndResidualMatching.Match match(TransformerModel a, TransformerModel b, TransformerClassSet c,
            Attention headMode, int maxRounds) {
        boolean perHeadMaps = c.invertibleHeads() && headMode == Attention.FACTORISED;
        return HeadAndResidualMatching.match(a, b,
                new HeadAndResidualMatching.Options(perHeadMaps, c.residualClass(), maxRounds));
    }
}
