package io.symsweep.align;

import io.symsweep.mlp.MlpSymmetries;
import io.symsweep.params.AxisUse;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.Tensor;
import io.symsweep.params.UnitTransform;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Permutations with positive per-unit scaling, {@code T = P D} (the rescaling symmetry of ReLU networks, degree 1;
 * Proposition 5.3 of Zhao et al. 2025 shows the barrier it creates when ignored). Both models are first brought to
 * a canonical scale, site by site in order: each unit's incoming weights and bias scaled to norm 1 and the inverse
 * scale folded into the next layer ({@code N_X = D_X . X}). A permutation method aligns {@code N_B} to {@code N_A};
 * the scales are folded back: {@code T_l = D_A,l^-1 P_l D_B,l}, so {@code B' = T.B = D_A^-1 P N_B}, the same
 * function as B, and {@code B' = A} when B is a permuted and rescaled copy of A (its canonical form is then a
 * permutation of A's). A unit with no incoming weight keeps scale 1.
 */
final class ScalingAlignment extends AbstractAligner {

    private final Aligner permutations;

    ScalingAlignment(Aligner permutations) {
        super(SymmetryClass.PERMUTATION_SCALING, permutations.method());
        if (permutations.symmetryClass() != SymmetryClass.PERMUTATION) {
            throw new IllegalArgumentException("scaling wraps a permutation method");
        }
        this.permutations = permutations;
    }

    /** A model in canonical scale and the scale {@code d} applied at each site ({@code N = D . X}). */
    record Canonical(ParameterSet normalised, Map<String, double[]> scales) {
    }

    static Canonical canonical(SymmetryDeclaration decl, ParameterSet p) {
        Map<String, double[]> scales = new LinkedHashMap<>();
        ParameterSet current = p;
        for (Site s : decl.sites()) {
            int h = s.size();
            double[] sq = new double[h];
            for (AxisUse u : s.uses()) {
                if (u.variance() != AxisUse.Variance.OUTPUT) {
                    continue;
                }
                Tensor t = current.get(u.tensor());
                int rest = UnitVectors.rest(t, u);
                double[] v = UnitVectors.unfold(t, u, h);
                for (int i = 0; i < h; i++) {
                    for (int k = 0; k < rest; k++) {
                        sq[i] += v[i * rest + k] * v[i * rest + k];
                    }
                }
            }
            double[] d = new double[h];
            for (int i = 0; i < h; i++) {
                double norm = Math.sqrt(sq[i]);
                d[i] = norm > 0 && Double.isFinite(norm) ? 1 / norm : 1;
            }
            scales.put(s.name(), d);
            current = decl.apply(current, Map.of(s.name(), diagonal(d)));
        }
        return new Canonical(current, scales);
    }

    static UnitTransform diagonal(double[] d) {
        int h = d.length;
        double[][] f = new double[h][h];
        double[][] b = new double[h][h];
        for (int i = 0; i < h; i++) {
            f[i][i] = d[i];
            b[i][i] = 1 / d[i];
        }
        return new UnitTransform(SymmetryClass.PERMUTATION_SCALING, f, b);
    }

    @Override
    public Alignment align(AlignmentProblem p) {
        long start = System.nanoTime();
        SymmetryDeclaration decl = p.declarationB();
        Canonical ca = canonical(decl, p.a());
        Canonical cb = canonical(decl, p.b());
        if (!ca.normalised().isFinite() || !cb.normalised().isFinite()) {
            return Alignment.failed(symmetryClass(), method(), p, AlignmentStatus.NOT_FINITE,
                    "non-finite weights", start);
        }
        Alignment inner = permutations.align(new AlignmentProblem(p.specA(), ca.normalised(), p.specB(),
                cb.normalised(), p.train(), p.settings()));
        if (inner.status() == AlignmentStatus.SINGULAR || inner.status() == AlignmentStatus.NOT_FINITE) {
            return Alignment.failed(symmetryClass(), method(), p, inner.status(), inner.detail(), start);
        }
        Map<String, UnitTransform> t = new LinkedHashMap<>();
        for (Site s : decl.sites()) {
            double[] da = ca.scales().get(s.name());
            double[] db = cb.scales().get(s.name());
            double[][] perm = inner.transforms().get(s.name()).forward();
            int h = s.size();
            double[][] f = new double[h][h];
            double[][] b = new double[h][h];
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < h; j++) {
                    if (perm[i][j] != 0) {
                        // F = D_A^-1 P D_B; F^-1 = D_B^-1 P^T D_A
                        f[i][j] = db[j] / da[i];
                        b[j][i] = da[i] / db[j];
                    }
                }
            }
            t.put(s.name(), new UnitTransform(SymmetryClass.PERMUTATION_SCALING, f, b));
        }
        return new Alignment(symmetryClass(), method(), p.specB(), decl.apply(p.b(), t), t, inner.objective(),
                inner.iterations(), (System.nanoTime() - start) * 1e-9, inner.status(), inner.detail());
    }

    /** The site names of an MLP, for tests. */
    static String site(int l) {
        return MlpSymmetries.siteName(l);
    }
}
