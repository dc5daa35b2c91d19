package io.symsweep.align;

import io.symsweep.data.SupervisedData;
import io.symsweep.data.Task;
import io.symsweep.linalg.RandomMatrices;
import io.symsweep.mlp.HiddenActivation;
import io.symsweep.mlp.MlpForward;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.mlp.MlpSymmetries;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.UnitTransform;
import io.symsweep.symmetry.Permutation;
import io.symsweep.transformer.PlantedTransforms;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Random networks, data and planted transforms of every class, for the alignment tests. */
final class AlignmentFixtures {

    private AlignmentFixtures() {
    }

    /** The architecture a class is exact on: tanh for permutations (any activation), ReLU for scaling and semi-permutations, bias-free linear for O and GL. */
    static MlpSpec specFor(SymmetryClass c, int width) {
        return switch (c) {
            case NONE, PERMUTATION -> new MlpSpec(new int[] {6, width, width, 3}, HiddenActivation.TANH, true,
                    Task.CLASSIFICATION);
            case PERMUTATION_SCALING, SEMI_PERMUTATION -> new MlpSpec(new int[] {6, width, width, 3},
                    HiddenActivation.RELU, true, Task.CLASSIFICATION);
            case ORTHOGONAL, INVERTIBLE -> MlpSpec.deepLinear(new int[] {width, width, width, 4}, Task.REGRESSION);
        };
    }

    /** A random member of class {@code c} on {@code n} units (for semi-permutations: {@code wide x n}). */
    static UnitTransform plant(SymmetryClass c, int n, int wide, SplittableRandom rng) {
        switch (c) {
            case NONE:
                return UnitTransform.identity(n);
            case PERMUTATION:
                return UnitTransform.permutation(Permutation.randomImages(rng, n));
            case PERMUTATION_SCALING: {
                int[] images = Permutation.randomImages(rng, n);
                double[][] f = new double[n][n];
                double[][] b = new double[n][n];
                for (int j = 0; j < n; j++) {
                    double d = Math.pow(10, -2 + 4 * rng.nextDouble());   // factors from 1e-2 to 1e2
                    f[images[j]][j] = d;
                    b[j][images[j]] = 1 / d;
                }
                return new UnitTransform(c, f, b);
            }
            case SEMI_PERMUTATION: {
                int[] owner = new int[wide];
                int[] slots = Permutation.randomImages(rng, wide);
                for (int k = 0; k < wide; k++) {
                    owner[slots[k]] = k < n ? k : rng.nextInt(n);
                }
                double[][] f = new double[wide][n];
                double[] sum = new double[n];
                for (int i = 0; i < wide; i++) {
                    f[i][owner[i]] = 0.2 + rng.nextDouble();
                    sum[owner[i]] += f[i][owner[i]];
                }
                double[] gram = new double[n];
                for (int i = 0; i < wide; i++) {
                    f[i][owner[i]] /= sum[owner[i]];
                    gram[owner[i]] += f[i][owner[i]] * f[i][owner[i]];
                }
                double[][] b = new double[n][wide];
                for (int i = 0; i < wide; i++) {
                    b[owner[i]][i] = f[i][owner[i]] / gram[owner[i]];
                }
                return new UnitTransform(c, f, b);
            }
            case ORTHOGONAL: {
                double[][] g = RandomMatrices.gaussian(n, n, rng);
                return Projections.orthogonal(g);
            }
            case INVERTIBLE: {
                // Q1 diag(e^u) Q2 with u ~ U(-1, 1): condition number at most e^2
                double[][] q1 = Projections.orthogonal(RandomMatrices.gaussian(n, n, rng)).forward();
                double[][] q2 = Projections.orthogonal(RandomMatrices.gaussian(n, n, rng)).forward();
                double[] s = new double[n];
                for (int i = 0; i < n; i++) {
                    s[i] = Math.exp(2 * rng.nextDouble() - 1);
                }
                return PlantedTransforms.invertible(q1, s, q2);
            }
            default:
                throw new AssertionError(c);
        }
    }

    /** A transform of class {@code c} at every hidden site of {@code spec} (semi-permutations into {@code wide}). */
    static Map<String, UnitTransform> plants(SymmetryClass c, MlpSpec spec, MlpSpec wide, SplittableRandom rng) {
        Map<String, UnitTransform> t = new LinkedHashMap<>();
        for (Site s : MlpSymmetries.declare(spec).sites()) {
            int l = Integer.parseInt(s.name().substring("hidden".length()));
            t.put(s.name(), plant(c, s.size(), wide.width(l), rng));
        }
        return t;
    }

    /** {@code max |f_p(x) - f_q(x)| / max |f_q(x)|} over the outputs on {@code x}. */
    static double relativeOutputError(MlpSpec sp, ParameterSet p, MlpSpec sq, ParameterSet q, SupervisedData x) {
        double[] a = MlpForward.outputs(sp, p, x.featuresRowMajor(), x.size());
        double[] b = MlpForward.outputs(sq, q, x.featuresRowMajor(), x.size());
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return worst / scale;
    }
}
