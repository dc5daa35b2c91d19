package io.symsweep.symmetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.linalg.MatrixFunctions;
import io.symsweep.linalg.MatrixLog;
import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.testing.Networks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/** Group elements, sampling, unit maps and sites: the pieces the contract test composes. */
class GroupElementsTest {

    private static final MlpArchitecture LINEAR = new MlpArchitecture(new int[] {3, 5, 2}, Activation.linear());
    private static final MlpArchitecture LEAKY = new MlpArchitecture(new int[] {3, 5, 2}, Activation.leakyRelu(0.01));

    @Test
    void generalLinearSamplesHaveTheRequestedLogNormAndSign() {
        GeneralLinearAction gl = GeneralLinearAction.on(LINEAR, 1);
        SplittableRandom rng = new SplittableRandom(1);
        for (double magnitude : new double[] {0.0, 0.1, 1.0, 2.5}) {
            DMatrixRMaj g = gl.sample(rng, magnitude, 1);
            assertEquals(1, MatrixFunctions.determinantSign(g));
            MatrixLog log = MatrixFunctions.log(g);
            assertEquals(MatrixLog.Status.OK, log.status());
            assertEquals(magnitude, NormOps_DDRM.normF(log.value()), 1e-12 * Math.max(1, magnitude));
            DMatrixRMaj reflected = gl.sample(rng, magnitude, -1);
            assertEquals(-1, MatrixFunctions.determinantSign(reflected));
            assertEquals(MatrixLog.Status.NO_REAL_LOGARITHM, MatrixFunctions.log(reflected).status());
        }
    }

    @Test
    void orthogonalSamplesAreOrthogonalWithTheRequestedSign() {
        OrthogonalAction o = OrthogonalAction.on(LINEAR, 1);
        SplittableRandom rng = new SplittableRandom(2);
        for (int sign : new int[] {1, -1}) {
            DMatrixRMaj q = o.sample(rng, 1.5, sign);
            assertTrue(MatrixFeatures_DDRM.isOrthogonal(q, 1e-14));
            assertEquals(sign, MatrixFunctions.determinantSign(q));
        }
        DMatrixRMaj notOrthogonal = CommonOps_DDRM.diag(2, 1, 1, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> o.act(notOrthogonal, Networks.random(LINEAR, 3)));
        assertTrue(e.getMessage().contains("not orthogonal"), e.getMessage());
    }

    @Test
    void rescalingSamplesHaveTheRequestedLogMagnitudeAndNoNegativeSign() {
        RescalingAction r = RescalingAction.on(LEAKY, 1);
        SplittableRandom rng = new SplittableRandom(3);
        Set<Boolean> sides = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            double c = r.sample(rng, 0.8, 1);
            assertEquals(0.8, Math.abs(Math.log(c)), 1e-15);
            sides.add(c > 1);
        }
        assertEquals(Set.of(true, false), sides, "both c > 1 and c < 1 should be drawn");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.sample(rng, 1, -1));
        assertTrue(e.getMessage().contains("R+ has no element of sign -1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.act(-2.0, Networks.random(LEAKY, 1)));
    }

    @Test
    void permutationSamplesHaveTheRequestedSign() {
        PermutationAction p = PermutationAction.on(LEAKY, 1);
        SplittableRandom rng = new SplittableRandom(4);
        for (int sign : new int[] {1, -1}) {
            for (int i = 0; i < 10; i++) {
                assertEquals(sign, p.sample(rng, 0, sign).sign());
            }
        }
    }

    @Test
    void samplingRejectsBadArguments() {
        GeneralLinearAction gl = GeneralLinearAction.on(LINEAR, 1);
        SplittableRandom rng = new SplittableRandom(5);
        assertThrows(IllegalArgumentException.class, () -> gl.sample(rng, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> gl.sample(rng, Double.NaN, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gl.sample(rng, 1, 0));
        assertEquals("determinantSign must be +1 or -1, found 0", e.getMessage());
    }

    @Test
    void actionsRefuseNetworksThatAreNotSymmetricUnderThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeneralLinearAction.on(LEAKY, 1));
        assertTrue(e.getMessage().contains("linear activation"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OrthogonalAction.on(LEAKY, 1));
        MlpArchitecture sigmoid = new MlpArchitecture(new int[] {3, 5, 2}, Activation.sigmoid());
        assertThrows(IllegalStateException.class, () -> RescalingAction.on(sigmoid, 1));
        e = assertThrows(IllegalArgumentException.class, () -> PermutationAction.on(LEAKY, 2));
        assertEquals("layer: must be a hidden layer, between 1 and 1 for mlp[3,5,2]/leaky_relu(0.01), found 2",
                e.getMessage());
        MlpArchitecture other = new MlpArchitecture(new int[] {3, 4, 2}, Activation.linear());
        e = assertThrows(IllegalArgumentException.class,
                () -> GeneralLinearAction.on(LINEAR, 1).act(CommonOps_DDRM.identity(5), Networks.random(other, 1)));
        assertTrue(e.getMessage().contains("has 4 units, the action expects 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GeneralLinearAction.on(LINEAR, 1).act(new DMatrixRMaj(5, 5), Networks.random(LINEAR, 1)));
    }

    @Test
    void permutedUnitMapsAgreeWithPermutationMatrices() {
        Permutation p = Permutation.of(2, 0, 3, 1);
        DMatrixRMaj matrix = new DMatrixRMaj(4, 4);
        for (int j = 0; j < 4; j++) {
            matrix.set(p.image(j), j, 1); // P e_j = e_{p(j)}
        }
        SplittableRandom rng = new SplittableRandom(6);
        DMatrixRMaj rowsIndexed = new DMatrixRMaj(4, 3);
        DMatrixRMaj colsIndexed = new DMatrixRMaj(2, 4);
        for (int i = 0; i < 12; i++) {
            rowsIndexed.data[i] = rng.nextGaussian();
        }
        for (int i = 0; i < 8; i++) {
            colsIndexed.data[i] = rng.nextGaussian();
        }
        UnitMap permuted = new UnitMap.Permuted(p);
        UnitMap dense = new UnitMap.Dense(matrix);
        assertArrayEquals(dense.leftMultiply(rowsIndexed).data, permuted.leftMultiply(rowsIndexed).data, 0);
        assertArrayEquals(dense.rightMultiply(colsIndexed).data, permuted.rightMultiply(colsIndexed).data, 0);
    }

    @Test
    void permutationAlgebra() {
        Permutation p = Permutation.of(1, 2, 0);
        Permutation q = Permutation.of(0, 2, 1);
        assertEquals(Permutation.of(1, 0, 2), p.compose(q)); // p(q(j))
        assertTrue(p.compose(p.inverse()).isIdentity());
        assertEquals(1, p.sign());
        assertEquals(-1, q.sign());
        List<Permutation> all = Permutation.all(4);
        assertEquals(24, all.size());
        assertEquals(24, new HashSet<>(all).size());
        assertTrue(all.get(0).isIdentity());
        assertEquals(0, all.stream().mapToInt(Permutation::sign).sum());
        assertThrows(IllegalArgumentException.class, () -> Permutation.of(0, 0, 1));
    }

    @Test
    void siteListsTheAxesItsUnitsIndex() {
        HiddenUnits site = HiddenUnits.of(new MlpArchitecture(new int[] {3, 5, 4, 2}, Activation.relu()), 2);
        assertEquals(new HiddenUnits(2, 4), site);
        assertEquals(List.of(new WeightAxis(2, WeightAxis.Axis.ROWS), new WeightAxis(3, WeightAxis.Axis.COLUMNS)),
                site.axes());
    }

    @Test
    void rescalingActionKeepsItsFactorSemantics() {
        // The call RescalingBarrier makes: W_i times m, W_{i+1} times m^-k, nothing else touched.
        MlpArchitecture arch = new MlpArchitecture(new int[] {3, 5, 4, 2}, Activation.leakyRelu(0.01));
        MlpParameters w = Networks.random(arch, 7);
        MlpParameters moved = RescalingAction.on(arch, 2).act(8.0, w);
        assertEquals(w.scaleLayer(2, 8.0).scaleLayer(3, 1.0 / 8.0), moved);
    }
}
