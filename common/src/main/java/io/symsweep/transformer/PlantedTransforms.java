package io.symsweep.transformer;

import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.UnitTransform;
import io.symsweep.symmetry.Permutation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Random group elements to plant into a model, each drawn from a seed: uniform permutations, Haar-distributed
 * orthogonal matrices (QR of a Gaussian matrix with the signs of {@code R}'s diagonal moved into {@code Q};
 * Mezzadri 2007) and well-conditioned invertible matrices ({@code Q_1 diag(s) Q_2}, {@code s} uniform in
 * {@code [1/2, 2]}, so the condition number is at most 4).
 */
public final class PlantedTransforms {

    private PlantedTransforms() {
    }

    /** A uniformly random permutation of {@code n} units. */
    public static UnitTransform permutation(int n, SplittableRandom rng) {
        return UnitTransform.permutation(Permutation.randomImages(rng, n));
    }

    /** A permutation times a positive diagonal with factors {@code exp(U(-1, 1))}. */
    public static UnitTransform permutationScaling(int n, SplittableRandom rng) {
        double[][] p = permutation(n, rng).forward();
        double[][] f = new double[n][n];
        double[][] b = new double[n][n];
        for (int j = 0; j < n; j++) {
            double s = Math.exp(2 * rng.nextDouble() - 1);
            for (int i = 0; i < n; i++) {
                if (p[i][j] == 1) {
                    f[i][j] = s;
                    b[j][i] = 1 / s;
                }
            }
        }
        return new UnitTransform(SymmetryClass.PERMUTATION_SCALING, f, b);
    }

    /** A Haar-random orthogonal {@code n x n} matrix; its inverse is its transpose. */
    public static UnitTransform orthogonal(int n, SplittableRandom rng) {
        double[][] q = haar(n, rng);
        return new UnitTransform(SymmetryClass.ORTHOGONAL, q, Dense.transpose(q));
    }

    /** {@code Q_1 diag(s) Q_2} with {@code s} in {@code [1/2, 2]}; the inverse {@code Q_2^T diag(1/s) Q_1^T}. */
    public static UnitTransform invertible(int n, SplittableRandom rng) {
        double[][] q1 = haar(n, rng);
        double[][] q2 = haar(n, rng);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.pow(2, 2 * rng.nextDouble() - 1);
        }
        return invertible(q1, s, q2);
    }

    /** {@code Q_1 diag(s) Q_2} for orthogonal {@code q1}, {@code q2}; the inverse {@code Q_2^T diag(1/s) Q_1^T}. */
    public static UnitTransform invertible(double[][] q1, double[] s, double[][] q2) {
        int n = s.length;
        double[][] f = new double[n][n];
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double fs = 0;
                double bs = 0;
                for (int k = 0; k < n; k++) {
                    fs += q1[i][k] * s[k] * q2[k][j];
                    bs += q2[k][i] / s[k] * q1[j][k];
                }
                f[i][j] = fs;
                b[i][j] = bs;
            }
        }
        return new UnitTransform(SymmetryClass.INVERTIBLE, f, b);
    }

    static double[][] haar(int n, SplittableRandom rng) {
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            g.data[i] = TransformerParameters.gaussian(rng);
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(g)) {
            throw new ArithmeticException("QR failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, false);
        double[][] out = Dense.array(q);
        for (int j = 0; j < n; j++) {
            if (r.get(j, j) < 0) {
                for (int i = 0; i < n; i++) {
                    out[i][j] = -out[i][j];
                }
            }
        }
        return out;
    }

    /**
     * A random transform at every site of {@code declaration} whose name passes {@code filter}, of the largest class
     * the site declares exact among {@code allowed} (for example permutations of the MLP units and heads, invertible
     * maps inside heads, an orthogonal residual map).
     */
    public static Map<String, UnitTransform> atEverySite(SymmetryDeclaration declaration,
            java.util.function.Predicate<String> filter, java.util.Set<SymmetryClass> allowed, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, UnitTransform> m = new LinkedHashMap<>();
        for (var site : declaration.sites()) {
            if (!filter.test(site.name())) {
                continue;
            }
            SymmetryClass best = null;
            for (SymmetryClass c : new SymmetryClass[] {SymmetryClass.INVERTIBLE, SymmetryClass.ORTHOGONAL,
                    SymmetryClass.PERMUTATION_SCALING, SymmetryClass.PERMUTATION}) {
                if (allowed.contains(c) && site.isExact(c)) {
                    best = c;
                    break;
                }
            }
            if (best == null) {
                continue;
            }
            int n = site.size();
            m.put(site.name(), switch (best) {
                case INVERTIBLE -> invertible(n, rng);
                case ORTHOGONAL -> orthogonal(n, rng);
                case PERMUTATION_SCALING -> permutationScaling(n, rng);
                default -> permutation(n, rng);
            });
        }
        return m;
    }
}
