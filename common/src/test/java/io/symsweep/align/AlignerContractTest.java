package io.symsweep.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.data.SupervisedData;
import io.symsweep.mlp.MlpFixtures;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.mlp.MlpSymmetries;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.UnitTransform;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link Aligner} contract over every (class, method) of {@link Aligners#all()}, at width 24 on 3 seeds
 * ({@code AlignerContractIT} runs widths up to 512): B' computes B's function; the transforms are of the class; a
 * planted transform is recovered and {@code B' = A}; A aligned to itself is the identity.
 */
class AlignerContractTest {

    static final int[] SEEDS = {1, 2, 3};

    static Stream<Named<Aligner>> aligners() {
        return Aligners.all().stream().map(a -> Named.of(a.symmetryClass().specName() + "/" + a.method().specName(), a));
    }

    /** 25 sweeps: plants converge in a few; independent pairs may end NOT_CONVERGED (orthogonal maps), allowed. */
    static AlignmentSettings settings(long seed) {
        return AlignmentSettings.defaults(seed).withLearnedSteps(5).withMaxSweeps(25);
    }

    /** The narrower model of a semi-permutation problem: about 2/3 of A's hidden width. */
    static MlpSpec narrow(MlpSpec wide) {
        return wide.withHidden(wide.width(1) * 2 / 3, wide.width(2) * 2 / 3);
    }

    @ParameterizedTest
    @MethodSource("aligners")
    void keepsTheFunctionAndStaysInTheClass(Aligner aligner) {
        check(aligner, 24, SEEDS);
    }

    /** Every check of the contract at one width, on the given seeds. */
    static void check(Aligner aligner, int width, int[] seeds) {
        check(aligner, width, seeds, 25);
    }

    /**
     * Every check of the contract at one width, on the given seeds, the independent pair aligned with at most
     * {@code independentSweeps} sweeps (its checks, B' = B's function and a transform of the class, hold after any
     * number of sweeps; plants and self-alignments keep 25, as they converge in a few).
     */
    static void check(Aligner aligner, int width, int[] seeds, int independentSweeps) {
        SymmetryClass c = aligner.symmetryClass();
        for (int seed : seeds) {
            SplittableRandom rng = new SplittableRandom(seed * 1000L + width);
            MlpSpec specA = AlignmentFixtures.specFor(c, width);
            MlpSpec specB = c == SymmetryClass.SEMI_PERMUTATION ? narrow(specA) : specA;
            SupervisedData train = MlpFixtures.randomData(specA, Math.max(256, 3 * width), rng);
            SupervisedData heldOut = MlpFixtures.randomData(specA, 64, rng);
            String what = aligner.symmetryClass().specName() + "/" + aligner.method().specName() + " width " + width
                    + " seed " + seed;

            // 1. two independent networks: B' is B's function, and its transforms are of the class
            ParameterSet a = MlpFixtures.randomParameters(specA, rng);
            ParameterSet b = MlpFixtures.randomParameters(specB, rng);
            Alignment r = aligner.align(new AlignmentProblem(specA, a, specB, b, train,
                    settings(seed).withMaxSweeps(independentSweeps)));
            assertTrue(r.status() == AlignmentStatus.OK || r.status() == AlignmentStatus.NOT_CONVERGED,
                    what + ": " + r.status() + " " + r.detail());
            double err = AlignmentFixtures.relativeOutputError(r.alignedSpec(), r.aligned(), specB, b, heldOut);
            // float64 rounding is amplified by the transforms' condition number kappa (1 for P, O and
            // semi-permutations; GL maps fitted between independent random networks reach 1e5 at width 24 and 2e10 at
            // width 256): the error model is 4 eps sqrt(h) kappa, which is below 1e-10 only for kappa up to ~1e4
            double kappa = c == SymmetryClass.INVERTIBLE ? worstCondition(r) : 1;
            double bound = Math.max(1e-10, roundingBound(width, kappa));
            assertTrue(err <= bound, what + ": B' differs from B by " + err + " (cond " + kappa + ")");
            r.transforms().values().forEach(t -> assertInClass(c, t, what));
            if (c != SymmetryClass.NONE && specA.equals(specB)) {
                assertTrue(r.aligned().distance(b) > 1e-3, what + ": independent networks need a non-trivial move");
            }

            // 2. a planted transform is recovered and B' = A
            SymmetryDeclaration decl = MlpSymmetries.declare(specB);
            ParameterSet base = MlpFixtures.randomParameters(specB, rng);
            Map<String, UnitTransform> planted = AlignmentFixtures.plants(c, specB, specA, rng);
            ParameterSet target = decl.apply(base, planted);   // A: the planted copy (wider for semi-permutations)
            MlpSpec targetSpec = specB.shapeOf(target);
            Alignment rec;
            // Activations cannot tell apart units that are constant on the training sample (dead ReLUs): any map of
            // them keeps the function. Activation methods are checked on the other units, and B' = A only without any.
            // (the columns of a found map are the moved model's units: B's plain copy for semi-permutations, the
            // planted copy otherwise)
            Map<String, boolean[]> constant = !activationBased(aligner) ? Map.of()
                    : constantUnits(specB, c == SymmetryClass.SEMI_PERMUTATION ? base : target, train);
            boolean anyConstant = constant.values().stream().anyMatch(AlignerContractTest::any);
            if (c == SymmetryClass.SEMI_PERMUTATION) {
                rec = aligner.align(new AlignmentProblem(targetSpec, target, specB, base, train, settings(seed)));
                assertRecovered(c, planted, rec.transforms(), what, false, constant);
                assertTrue(anyConstant || target.distance(rec.aligned()) <= 1e-8 * norm(target), what + ": B' != A");
            } else if (c != SymmetryClass.NONE) {
                // B = T0 . A, so aligning B to A must find T0^-1. The straight-through estimator minimises the loss
                // at the interpolated point, not the distance: at a random (untrained) A that loss has a non-zero
                // gradient, so with a continuous class (O, P D) its steps move the projection off the plant by design.
                // Its plant check is therefore its start (weight matching), with no steps; learned permutations keep
                // the plant through their steps (the projection is locally constant) and are checked with them.
                AlignmentSettings s = aligner.method() == AlignmentMethod.LEARNED && c != SymmetryClass.PERMUTATION
                        ? settings(seed).withLearnedSteps(0) : settings(seed);
                rec = aligner.align(AlignmentProblem.of(specB, base, target, train, s));
                assertEquals(AlignmentStatus.OK, rec.status(), what + ": " + rec.detail());
                assertRecovered(c, planted, rec.transforms(), what, true, constant);
                double d = base.distance(rec.aligned());
                assertTrue(anyConstant || d <= 1e-8 * norm(base), what + ": ||A - B'|| = " + d
                        + " after recovering a plant");
            }

            // 3. A aligned to itself: the identity
            AlignmentSettings selfSettings = aligner.method() == AlignmentMethod.LEARNED && c != SymmetryClass.PERMUTATION
                    ? settings(seed).withLearnedSteps(0) : settings(seed);   // as for plants, above
            Alignment self = aligner.align(AlignmentProblem.of(specA, a, a, train, selfSettings));
            assertEquals(AlignmentStatus.OK, self.status(), what + ": " + self.detail());
            for (Map.Entry<String, UnitTransform> e : self.transforms().entrySet()) {
                double[][] f = e.getValue().forward();
                double[][] id = UnitTransform.identity(f.length).forward();
                double tol = c == SymmetryClass.PERMUTATION || c == SymmetryClass.NONE ? 0 : 1e-8;
                assertTrue(MatrixDifference.maxDifference(f, id) <= tol, what + ": self-alignment at " + e.getKey()
                        + " is not the identity");
            }
            assertTrue(a.distance(self.aligned()) <= 1e-8 * norm(a), what);
        }
    }

    /** {@code 4 eps sqrt(h) kappa}: float64 rounding of products with {@code h} terms through a map of condition {@code kappa}. */
    static double roundingBound(int h, double kappa) {
        return 4 * Math.ulp(1.0) * Math.sqrt(h) * kappa;
    }

    /** The largest {@code sigma_max / sigma_min} of the alignment's transforms. */
    static double worstCondition(Alignment r) {
        double worst = 1;
        for (UnitTransform t : r.transforms().values()) {
            worst = Math.max(worst, 1 / InvertibleLeastSquares.reciprocalCondition(new org.ejml.data.DMatrixRMaj(t.forward())));
        }
        return worst;
    }

    static double norm(ParameterSet p) {
        double s = 0;
        for (String name : p.names()) {
            double[] d = p.get(name).data();
            for (double v : d) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    /**
     * {@code found} is the inverse of {@code planted} ({@code inverse}; B = T0 . A) or equal to it (semi-permutations,
     * A = S0 . B): permutations entry for entry, real entries to 1e-8 relative to the largest.
     */
    static void assertRecovered(SymmetryClass c, Map<String, UnitTransform> planted, Map<String, UnitTransform> found,
            String what, boolean inverse, Map<String, boolean[]> constant) {
        for (Map.Entry<String, UnitTransform> e : planted.entrySet()) {
            double[][] expected = inverse ? e.getValue().backward() : e.getValue().forward();
            double[][] got = found.get(e.getKey()).forward();
            boolean[] skip = constant.get(e.getKey());
            if (skip != null && any(skip)) {
                // compare only the columns of units that are not constant on the data (B's units: the columns)
                expected = withoutColumns(expected, skip);
                got = withoutColumns(got, skip);
            }
            if (c == SymmetryClass.PERMUTATION) {
                for (int i = 0; i < expected.length; i++) {
                    assertArrayEquals(expected[i], got[i], 0.0, what + ": site " + e.getKey() + " row " + i);
                }
            } else {
                double scale = 0;
                for (double[] row : expected) {
                    for (double v : row) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                }
                double diff = MatrixDifference.maxDifference(expected, got);
                assertTrue(diff <= 1e-8 * scale, what + ": site " + e.getKey() + " recovered to " + diff);
                if (c == SymmetryClass.PERMUTATION_SCALING || c == SymmetryClass.SEMI_PERMUTATION) {
                    for (int i = 0; i < expected.length; i++) {
                        for (int j = 0; j < expected[i].length; j++) {
                            assertEquals(expected[i][j] == 0, got[i][j] == 0, what + ": pattern at " + i + "," + j);
                        }
                    }
                }
            }
        }
    }

    static boolean activationBased(Aligner a) {
        return a.method() == AlignmentMethod.ACTIVATION_MATCHING || a.method() == AlignmentMethod.ACTIVATION_INNER_PRODUCT;
    }

    static boolean any(boolean[] v) {
        for (boolean b : v) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /** Per hidden site, the units of {@code p} whose activation is the same on every training input. */
    static Map<String, boolean[]> constantUnits(MlpSpec spec, ParameterSet p, SupervisedData train) {
        io.symsweep.mlp.MlpForward.Trace t = io.symsweep.mlp.MlpForward.trace(spec, p, train.featuresRowMajor(),
                train.size());
        Map<String, boolean[]> out = new java.util.LinkedHashMap<>();
        for (int l = 1; l < spec.layers(); l++) {
            int h = spec.width(l);
            double[] a = t.post(l);
            boolean[] c = new boolean[h];
            for (int i = 0; i < h; i++) {
                c[i] = true;
                for (int r = 1; r < train.size() && c[i]; r++) {
                    c[i] = a[r * h + i] == a[i];
                }
            }
            out.put(MlpSymmetries.siteName(l), c);
        }
        return out;
    }

    /** {@code m} without the columns marked in {@code skip}. */
    static double[][] withoutColumns(double[][] m, boolean[] skip) {
        int keep = 0;
        for (boolean b : skip) {
            keep += b ? 0 : 1;
        }
        double[][] out = new double[m.length][keep];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0, k = 0; j < skip.length; j++) {
                if (!skip[j]) {
                    out[i][k++] = m[i][j];
                }
            }
        }
        return out;
    }

    /** The transform is a member of its class, checked from its matrices. */
    static void assertInClass(SymmetryClass c, UnitTransform t, String what) {
        double[][] f = t.forward();
        double[][] b = t.backward();
        int m = f.length;
        int n = f[0].length;
        // B F = I always; an inverse computed in float64 is accurate to about eps cond(F) (see roundingBound)
        double tol = c == SymmetryClass.INVERTIBLE ? Math.max(1e-9, roundingBound(n,
                1 / InvertibleLeastSquares.reciprocalCondition(new org.ejml.data.DMatrixRMaj(f)))) : 1e-9;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += b[i][k] * f[k][j];
                }
                assertEquals(i == j ? 1.0 : 0.0, s, tol, what + ": backward is not a left inverse");
            }
        }
        switch (c) {
            case NONE -> assertEquals(0.0, MatrixDifference.maxDifference(f, UnitTransform.identity(n).forward()));
            case PERMUTATION, PERMUTATION_SCALING -> {
                assertEquals(m, n);
                for (int i = 0; i < n; i++) {
                    int rowNonzero = 0;
                    int colNonzero = 0;
                    for (int j = 0; j < n; j++) {
                        if (f[i][j] != 0) {
                            rowNonzero++;
                            assertTrue(c == SymmetryClass.PERMUTATION ? f[i][j] == 1 : f[i][j] > 0, what);
                        }
                        if (f[j][i] != 0) {
                            colNonzero++;
                        }
                    }
                    assertEquals(1, rowNonzero, what);
                    assertEquals(1, colNonzero, what);
                }
            }
            case SEMI_PERMUTATION -> {
                assertTrue(m >= n, what);
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int i = 0; i < m; i++) {
                        assertTrue(f[i][j] >= 0, what);
                        sum += f[i][j];
                    }
                    assertEquals(1.0, sum, 1e-12, what + ": column " + j + " sums to " + sum);
                }
                for (int i = 0; i < m; i++) {
                    int positive = 0;
                    for (int j = 0; j < n; j++) {
                        if (f[i][j] > 0) {
                            positive++;
                        }
                    }
                    assertTrue(positive <= 1, what);
                }
            }
            case ORTHOGONAL -> {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int k = 0; k < n; k++) {
                            s += f[i][k] * f[j][k];
                        }
                        assertEquals(i == j ? 1.0 : 0.0, s, 1e-10, what + ": not orthogonal");
                    }
                }
            }
            case INVERTIBLE -> assertEquals(m, n);
        }
    }
}
