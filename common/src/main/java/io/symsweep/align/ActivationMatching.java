package io.symsweep.align;

import io.symsweep.mlp.MlpSymmetries;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.UnitTransform;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Activation matching of permutations and orthogonal maps (Git Re-Basin Sec. 3.1, Ainsworth et al. 2023; Li et
 * al. 2015): each hidden layer on its own, from A's and B's activations {@code H_A}, {@code H_B} on the training
 * inputs (B's activations do not depend on B's other sites). Permutations maximise {@code sum_i C[i][sigma(i)]}
 * for {@code C} the correlation matrix of A's and B's units (constant units correlate 0) or the inner products
 * {@code E[a_i b_j]}; orthogonal maps solve Procrustes, {@code max <H_A^T H_B, O>}, i.e. minimise
 * {@code ||H_A - H_B O^T||}. Cost per layer: {@code O(n h^2)} for the moments, then one assignment or SVD.
 */
final class ActivationMatching extends AbstractAligner {

    /** The cost between units. */
    enum Cost {
        CORRELATION, INNER_PRODUCT
    }

    private final Cost cost;

    ActivationMatching(SymmetryClass c, Cost cost) {
        super(requireOneOf(c, "activation matching here takes permutation or orthogonal", SymmetryClass.PERMUTATION,
                SymmetryClass.ORTHOGONAL), cost == Cost.CORRELATION ? AlignmentMethod.ACTIVATION_MATCHING
                        : AlignmentMethod.ACTIVATION_INNER_PRODUCT);
        this.cost = cost;
    }

    @Override
    public Alignment align(AlignmentProblem p) {
        long start = System.nanoTime();
        SymmetryDeclaration decl = p.declarationB();
        Activations.Traces traces = Activations.traces(p);
        int n = p.sampleCount();
        Map<String, UnitTransform> t = new LinkedHashMap<>();
        double objective = 0;
        double residual = 0;
        double norm = 0;
        int units = 0;
        for (int l = 1; l < p.specB().layers(); l++) {
            int h = p.specB().width(l);
            double[] ha = traces.a().post(l);
            double[] hb = traces.b().post(l);
            double[][] m;
            if (symmetryClass() == SymmetryClass.PERMUTATION && cost == Cost.CORRELATION) {
                m = Activations.crossMoments(Activations.standardised(ha, n, h), h,
                        Activations.standardised(hb, n, h), h, n);
            } else {
                m = Activations.crossMoments(ha, h, hb, h, n);
            }
            for (double[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    row[j] /= n;
                }
            }
            if (!UnitVectors.finite(m)) {
                return Alignment.failed(symmetryClass(), method(), p, AlignmentStatus.NOT_FINITE,
                        "non-finite activations at layer " + l, start);
            }
            UnitTransform u = Projections.best(symmetryClass(), m);
            t.put(MlpSymmetries.siteName(l), u);
            objective += UnitVectors.inner(m, u);
            units += h;
            if (symmetryClass() == SymmetryClass.ORTHOGONAL) {
                double[][] f = u.forward();
                for (int s = 0; s < n; s++) {
                    for (int i = 0; i < h; i++) {
                        double v = 0;
                        for (int j = 0; j < h; j++) {
                            v += hb[s * h + j] * f[i][j];
                        }
                        double d = ha[s * h + i] - v;
                        residual += d * d;
                        norm += ha[s * h + i] * ha[s * h + i];
                    }
                }
            }
        }
        double reported = symmetryClass() == SymmetryClass.ORTHOGONAL ? residual / norm : objective / Math.max(1, units);
        return new Alignment(symmetryClass(), method(), p.specB(), decl.apply(p.b(), t), t, reported,
                p.specB().layers() - 1, (System.nanoTime() - start) * 1e-9, AlignmentStatus.OK, "");
    }
}
