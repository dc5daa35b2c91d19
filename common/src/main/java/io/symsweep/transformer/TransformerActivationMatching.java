package io.symsweep.transformer;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentStatus;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.UnitTransform;
import io.symsweep.transformer.TransformerArchitecture.Attention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Activation matching of transformers (Git Re-Basin Sec. 3.1 and Li et al. 2015 for the units; Theus et al. 2025,
 * Sec. 4, for the residual and head maps), from the folded models' activations on the first
 * {@link TransformerAlignmentSettings#activationSamples()} training samples, computed by SameDiff (every token a
 * row). Each site is solved once, in this order:
 * <ol>
 *   <li>the residual map, from the residual stream after the embedding and after every attention and MLP block
 *       ({@code X_A}, {@code X_B}, stacked): orthogonal Procrustes on {@code X_A^T X_B}, or (permutations) the
 *       assignment maximising the summed correlation of matched coordinates;</li>
 *   <li>each block's MLP units: the assignment maximising the summed correlation of matched hidden units (after the
 *       activation);</li>
 *   <li>each block's heads: per head its output in the residual stream, {@code o_h = mix_h W_O^h}, which the per-head
 *       maps leave unchanged; cost {@code ||O_A^i - O_B^j R^T||^2} with B's outputs moved into A's residual basis;
 *       the assignment minimising it;</li>
 *   <li>(factorised head mode) per matched head the QK map from the queries and keys,
 *       {@code min_M ||Q_B M - Q_A||^2 + ||K_B M^-T - K_A||^2} ({@link HeadMaps#solve}), and the OV map as the
 *       least-squares fit of the values, {@code V_B N ~ V_A} (the head's output is invariant under {@code N}).</li>
 * </ol>
 * Every activation used is intrinsic to B (no site's activation depends on another site's transform), so one pass
 * suffices. In the circuit head mode the permutations and residual map are applied to the merged circuits. Objective:
 * the residual-stream mismatch {@code sum ||X_A - X_B R^T||^2 / sum ||X_A||^2}.
 */
final class TransformerActivationMatching extends AbstractTransformerAligner {

    TransformerActivationMatching(TransformerClassSet c, Attention headMode) {
        super(c, AlignmentMethod.ACTIVATION_MATCHING, headMode);
    }

    /** The folded factorised models: activations are read from the factors, circuits merged after the fit. */
    @Override
    Attention parametrisation() {
        return null;
    }

    @Override
    TransformerAlignment fit(TransformerAlignmentProblem p, TransformerModel a, TransformerModel b, long start) {
        TransformerModel reference = headMode == Attention.CIRCUITS ? CircuitMerging.merge(a) : a;
        TransformerModel unmoved = headMode == Attention.CIRCUITS ? CircuitMerging.merge(b) : b;
        TransformerArchitecture arch = a.architecture();
        boolean perHeadMaps = classSet.invertibleHeads() && headMode == Attention.FACTORISED;
        List<String> names = new ArrayList<>();
        for (int k = 0; k <= 2 * arch.layers(); k++) {
            names.add(TransformerForward.residual(k));
        }
        for (int l = 0; l < arch.layers(); l++) {
            names.add(TransformerForward.mlpHidden(l));
            names.add(TransformerForward.mixed(l));
            if (perHeadMaps) {
                for (char w : new char[] {'q', 'k', 'v'}) {
                    names.add(TransformerForward.projection(l, w));
                }
            }
        }
        int n = p.settings().activationSamples();
        Map<String, double[][]> xa = new TransformerGraph(a).activations(p.train(), n, names);
        Map<String, double[][]> xb = new TransformerGraph(b).activations(p.train(), n, names);
        for (String name : names) {
            if (!ActivationStatistics.finite(xa.get(name)) || !ActivationStatistics.finite(xb.get(name))) {
                return TransformerAlignment.failed(classSet, method(), headMode, reference, unmoved,
                        AlignmentStatus.NOT_FINITE, "non-finite activation " + name, start);
            }
        }
        try {
            Map<String, UnitTransform> t = new LinkedHashMap<>();
            List<double[][]> residualA = new ArrayList<>();
            List<double[][]> residualB = new ArrayList<>();
            for (int k = 0; k <= 2 * arch.layers(); k++) {
                residualA.add(xa.get(TransformerForward.residual(k)));
                residualB.add(xb.get(TransformerForward.residual(k)));
            }
            double[][] stackedA = ActivationStatistics.stackRows(residualA);
            double[][] stackedB = ActivationStatistics.stackRows(residualB);
            SymmetryClass rc = classSet.residualClass();
            UnitTransform r = HeadAndResidualMatching.residualMap(rc == SymmetryClass.PERMUTATION
                    ? ActivationStatistics.correlations(stackedA, stackedB)
                    : ActivationStatistics.crossMoments(stackedA, stackedB), rc);
            double[][] rf = r.forward();
            for (int l = 0; l < arch.layers(); l++) {
                String hidden = TransformerForward.mlpHidden(l);
                t.put(TransformerSymmetries.mlp(l), HeadAndResidualMatching.residualMap(
                        ActivationStatistics.correlations(xa.get(hidden), xb.get(hidden)), SymmetryClass.PERMUTATION));
                double[][][] oa = headOutputs(a, l, xa.get(TransformerForward.mixed(l)));
                double[][][] ob = headOutputs(b, l, xb.get(TransformerForward.mixed(l)));
                double[][] cost = new double[arch.heads()][arch.heads()];
                for (int j = 0; j < arch.heads(); j++) {
                    double[][] moved = ActivationStatistics.timesTransposed(ob[j], rf);
                    for (int i = 0; i < arch.heads(); i++) {
                        cost[i][j] = ActivationStatistics.squaredDistance(oa[i], moved);
                    }
                }
                UnitTransform heads = HeadAndResidualMatching.permutationOf(cost);
                t.put(TransformerSymmetries.heads(l), heads);
                if (perHeadMaps) {
                    int[] images = HeadAndResidualMatching.imagesOf(heads);
                    for (int j = 0; j < arch.heads(); j++) {
                        int i = images[j];
                        t.put(TransformerSymmetries.queryKey(l, j), HeadMaps.solve(
                                headColumns(xa, l, 'q', i, arch), headColumns(xa, l, 'k', i, arch),
                                headColumns(xb, l, 'q', j, arch), headColumns(xb, l, 'k', j, arch)).siteTransform());
                        double[][] fit = HeadMaps.leastSquares(headColumns(xb, l, 'v', j, arch),
                                headColumns(xa, l, 'v', i, arch));
                        if (fit == null) {
                            throw new ArithmeticException("the values of block " + l + " head " + j
                                    + " are rank-deficient on the sample");
                        }
                        t.put(TransformerSymmetries.valueOutput(l, j), new UnitTransform(SymmetryClass.INVERTIBLE,
                                Dense.transpose(fit), Dense.transpose(Dense.inverse(fit))));
                    }
                }
            }
            if (rc == SymmetryClass.ORTHOGONAL) {
                // a direction no residual activation spans (the constant one of a folded LayerNorm model) leaves
                // Procrustes free there: the weights of B, moved by the other sites, decide it
                double[][] weights = HeadAndResidualMatching.residualScores(TransformerSymmetries.declaration(arch),
                        TransformerSymmetries.RESIDUAL, a.parameters(),
                        TransformerSymmetries.declaration(arch).apply(b.parameters(), t), name -> true, null);
                r = procrustesOnSpan(ActivationStatistics.crossMoments(stackedA, stackedB), weights);
                rf = r.forward();
            }
            t.put(TransformerSymmetries.RESIDUAL, r);
            double mismatch = 0;
            double norm = 0;
            for (int k = 0; k < residualA.size(); k++) {
                mismatch += ActivationStatistics.squaredDistance(residualA.get(k),
                        ActivationStatistics.timesTransposed(residualB.get(k), rf));
                norm += Dense.squaredNorm(residualA.get(k));
            }
            SymmetryDeclaration d = TransformerSymmetries.declaration(unmoved.architecture());
            TransformerModel aligned = new TransformerModel(unmoved.architecture(), d.apply(unmoved.parameters(), t));
            return new TransformerAlignment(classSet, method(), headMode, reference, aligned, t, mismatch / norm, 1,
                    (System.nanoTime() - start) * 1e-9, AlignmentStatus.OK, "");
        } catch (ArithmeticException e) {
            return TransformerAlignment.failed(classSet, method(), headMode, reference, unmoved, AlignmentStatus.SINGULAR,
                    e.getMessage(), start);
        }
    }

    /**
     * The orthogonal {@code R} maximising {@code <R, M>} for activation scores {@code M = U S V^T}, where the
     * directions with {@code s_i <= 1e-10 s_max} (which the activations do not span) are mapped onto each other by the
     * orthogonal factor of the weight scores restricted to them: {@code R = U_+ V_+^T + U_0 Q V_0^T} with
     * {@code Q = polar(U_0^T W V_0)}. With full-rank {@code M} it is the plain Procrustes solution.
     */
    static UnitTransform procrustesOnSpan(double[][] m, double[][] weights) {
        int n = m.length;
        org.ejml.interfaces.decomposition.SingularValueDecomposition_F64<org.ejml.data.DMatrixRMaj> svd =
                org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(n, n, true, true, false);
        if (!svd.decompose(Dense.ejml(m))) {
            throw new ArithmeticException("SVD failed");
        }
        double[][] u = Dense.array(svd.getU(null, false));
        double[][] v = Dense.array(svd.getV(null, false));
        double[] s = svd.getSingularValues();
        double max = 0;
        for (double x : s) {
            max = Math.max(max, x);
        }
        List<Integer> null0 = new ArrayList<>();
        double[][] r = new double[n][n];
        for (int k = 0; k < n; k++) {
            if (s[k] <= 1e-10 * max) {
                null0.add(k);
                continue;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    r[i][j] += u[i][k] * v[j][k];
                }
            }
        }
        if (!null0.isEmpty()) {
            int z = null0.size();
            double[][] restricted = new double[z][z];
            for (int p = 0; p < z; p++) {
                for (int q = 0; q < z; q++) {
                    double acc = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            acc += u[i][null0.get(p)] * weights[i][j] * v[j][null0.get(q)];
                        }
                    }
                    restricted[p][q] = acc;
                }
            }
            double[][] q = HeadAndResidualMatching.procrustes(restricted).forward();
            for (int p = 0; p < z; p++) {
                for (int pp = 0; pp < z; pp++) {
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            r[i][j] += u[i][null0.get(p)] * q[p][pp] * v[j][null0.get(pp)];
                        }
                    }
                }
            }
        }
        return new UnitTransform(SymmetryClass.ORTHOGONAL, r, Dense.transpose(r));
    }

    /** Per head {@code h} of block {@code l}: its output in the residual stream, {@code mix_h W_O^h}, {@code rows x d}. */
    static double[][][] headOutputs(TransformerModel m, int l, double[][] mixed) {
        TransformerArchitecture arch = m.architecture();
        double[][] wo = Dense.rows(m.parameters().get(TransformerParameters.attnWeight(l, 'o')));
        double[][][] out = new double[arch.heads()][][];
        for (int h = 0; h < arch.heads(); h++) {
            double[][] mix = Dense.columns(mixed, h * arch.dHead(), arch.dHead());
            double[][] woh = Dense.rowRange(wo, h * arch.dHead(), arch.dHead());
            out[h] = ActivationStatistics.timesTransposed(mix, Dense.transpose(woh));
        }
        return out;
    }

    private static double[][] headColumns(Map<String, double[][]> x, int l, char which, int head,
            TransformerArchitecture arch) {
        return Dense.columns(x.get(TransformerForward.projection(l, which)), head * arch.dHead(), arch.dHead());
    }
}
