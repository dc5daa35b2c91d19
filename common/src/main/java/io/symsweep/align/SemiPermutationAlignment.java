package io.symsweep.align;

import io.symsweep.assignment.LinearAssignment;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.UnitTransform;

/**
 * A narrower model B into a wider A by semi-permutations (Theus et al. 2025, Sec. 3: an {@code m x n} matrix
 * {@code S}, {@code m >= n}, with non-negative columns summing to 1 and at most one positive entry per row): B's
 * unit {@code j} is split over the A units assigned to it with shares {@code s_ij}, {@code S z} in and
 * {@code (S^T S)^-1 S^T} out, which keeps a ReLU or linear network's function exactly
 * ({@code relu(s z) = s relu(z)} for {@code s >= 0}).
 *
 * <p>Per hidden layer, in order: a similarity {@code C[i][j]} between A's unit {@code i} and B's unit {@code j}
 * (weights: the cosine of their incoming weights and biases, B's read through the earlier layers' maps;
 * activations: the correlation of their activations on the training inputs). Every B unit gets a distinct A unit
 * by one rectangular linear assignment maximising {@code C}; every A unit left over joins the B unit it is most
 * similar to. The shares are the least-squares scale of A's unit on B's, {@code <a_i, b_j> / ||b_j||^2} (of the
 * incoming vectors, or of the activations), clipped at 0 and normalised to sum 1 per column (equal shares when all
 * are 0). For A a split copy of B both are exact, so a planted {@code S} is recovered and {@code B' = A}. With
 * equal widths it is a permutation method.
 */
final class SemiPermutationAlignment extends SiteBySiteAligner {

    SemiPermutationAlignment(AlignmentMethod method) {
        super(SymmetryClass.SEMI_PERMUTATION, method, "semi-permutations");
    }

    @Override
    Fit fit(AlignmentProblem p, boolean fromActivations) {
        return new Fit() {
            double similarity;
            int wideUnits;

            @Override
            public UnitTransform site(Site s, int l, SiteVectors sv) {
                int narrow = s.size();
                int wide = p.specA().width(l);
                double[] va = sv.a();
                double[] vb = sv.b();
                int len = sv.length();
                double[][] dots = UnitVectors.timesTransposed(va, wide, vb, narrow, len);
                double[][] sim = fromActivations
                        ? UnitVectors.timesTransposed(centredUnit(va, wide, len), wide, centredUnit(vb, narrow, len),
                                narrow, len)
                        : cosine(dots, va, vb, wide, narrow, len);
                double[] normB = new double[narrow];
                for (int j = 0; j < narrow; j++) {
                    for (int k = 0; k < len; k++) {
                        normB[j] += vb[j * len + k] * vb[j * len + k];
                    }
                }
                // each B unit to a distinct A unit, then every other A unit to its most similar B unit
                int[] owner = new int[wide];
                java.util.Arrays.fill(owner, -1);
                int[] first = LinearAssignment.maximise(UnitVectors.transpose(sim));
                for (int j = 0; j < narrow; j++) {
                    owner[first[j]] = j;
                }
                for (int i = 0; i < wide; i++) {
                    if (owner[i] < 0) {
                        int best = 0;
                        for (int j = 1; j < narrow; j++) {
                            if (sim[i][j] > sim[i][best]) {
                                best = j;
                            }
                        }
                        owner[i] = best;
                    }
                    similarity += sim[i][owner[i]];
                }
                wideUnits += wide;
                double[][] f = new double[wide][narrow];
                double[] colSum = new double[narrow];
                int[] count = new int[narrow];
                for (int i = 0; i < wide; i++) {
                    int j = owner[i];
                    double share = normB[j] > 0 ? dots[i][j] / normB[j] : 0;
                    f[i][j] = share > 0 && Double.isFinite(share) ? share : 0;
                    colSum[j] += f[i][j];
                    count[j]++;
                }
                double[] gram = new double[narrow];
                for (int i = 0; i < wide; i++) {
                    int j = owner[i];
                    f[i][j] = colSum[j] > 0 ? f[i][j] / colSum[j] : 1.0 / count[j];
                    gram[j] += f[i][j] * f[i][j];
                }
                double[][] b = new double[narrow][wide];
                for (int i = 0; i < wide; i++) {
                    int j = owner[i];
                    b[j][i] = f[i][j] / gram[j];
                }
                return new UnitTransform(SymmetryClass.SEMI_PERMUTATION, f, b);
            }

            @Override
            public double objective() {
                return similarity / Math.max(1, wideUnits);
            }
        };
    }

    /** B' has A's widths. */
    @Override
    MlpSpec alignedSpec(AlignmentProblem p) {
        return p.specA();
    }

    private static double[][] cosine(double[][] dots, double[] va, double[] vb, int wide, int narrow, int len) {
        double[] na = norms(va, wide, len);
        double[] nb = norms(vb, narrow, len);
        double[][] c = new double[wide][narrow];
        for (int i = 0; i < wide; i++) {
            for (int j = 0; j < narrow; j++) {
                c[i][j] = na[i] > 0 && nb[j] > 0 ? dots[i][j] / (na[i] * nb[j]) : 0;
            }
        }
        return c;
    }

    private static double[] norms(double[] v, int units, int len) {
        double[] n = new double[units];
        for (int i = 0; i < units; i++) {
            double s = 0;
            for (int k = 0; k < len; k++) {
                s += v[i * len + k] * v[i * len + k];
            }
            n[i] = Math.sqrt(s);
        }
        return n;
    }

    /** Rows centred and scaled to unit norm (so their products are correlations); constant rows become zero. */
    private static double[] centredUnit(double[] v, int units, int len) {
        double[] out = new double[v.length];
        for (int i = 0; i < units; i++) {
            double mean = 0;
            for (int k = 0; k < len; k++) {
                mean += v[i * len + k];
            }
            mean /= len;
            double s = 0;
            for (int k = 0; k < len; k++) {
                double d = v[i * len + k] - mean;
                s += d * d;
            }
            double scale = s > 1e-300 ? 1 / Math.sqrt(s) : 0;
            for (int k = 0; k < len; k++) {
                out[i * len + k] = (v[i * len + k] - mean) * scale;
            }
        }
        return out;
    }
}
