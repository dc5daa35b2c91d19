package io.symsweep.align;

import io.symsweep.params.AxisUse;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Site;
import io.symsweep.params.Tensor;
import io.symsweep.params.UnitTransform;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The parameters a site's units own, as one vector per unit, and the cross products of two models' unit vectors
 * that every weight-based matching reads. For a use of a site on axis {@code k} of a tensor, unit {@code u}'s
 * vector is every entry whose index along {@code k} lies in {@code u}'s block, in row-major order of the other
 * axes; for an output use that is the unit's row of incoming weights (or its bias), for an input use its column of
 * outgoing weights.
 */
final class UnitVectors {

    static {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    private UnitVectors() {
    }

    /** The {@code units x rest} row-major matrix of unit vectors of {@code t} at {@code use}. */
    static double[] unfold(Tensor t, AxisUse use, int units) {
        int[] shape = t.shape();
        int axis = use.axis();
        int outer = t.sizeBefore(axis);
        int inner = t.sizeAfter(axis);
        int len = shape[axis];
        int block = use.block();
        int rest = outer * block * inner;
        double[] out = new double[units * rest];
        for (int o = 0; o < outer; o++) {
            for (int u = 0; u < units; u++) {
                for (int r = 0; r < block; r++) {
                    int a = use.offset() + u * block + r;
                    int src = (o * len + a) * inner;
                    int dst = u * rest + (o * block + r) * inner;
                    for (int k = 0; k < inner; k++) {
                        out[dst + k] = t.at(src + k);
                    }
                }
            }
        }
        return out;
    }

    /** The number of entries per unit of {@code t} at {@code use}. */
    static int rest(Tensor t, AxisUse use) {
        return t.size() / t.dim(use.axis()) * use.block();
    }

    /** {@code X Y^T} for row-major {@code X} ({@code m x k}) and {@code Y} ({@code n x k}), by ND4J's BLAS. */
    static double[][] timesTransposed(double[] x, int m, double[] y, int n, int k) {
        INDArray a = Nd4j.create(x, new long[] {m, k}, 'c');
        INDArray b = Nd4j.create(y, new long[] {n, k}, 'c');
        double[] c = a.mmul(b.transpose()).dup('c').data().asDouble();
        double[][] out = new double[m][n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(c, i * n, out[i], 0, n);
        }
        return out;
    }

    /**
     * {@code M = sum over the site's uses of U_A U_B^T}: {@code M[i][j]} is the inner product of A's unit
     * {@code i} and B's unit {@code j} over the parameters they own (output uses only, when {@code outputsOnly}).
     * Maximising {@code <M, T>} over the site's transforms maximises {@code <A, T.B>} on those parameters.
     */
    static double[][] crossProducts(Site site, ParameterSet a, ParameterSet b, boolean outputsOnly) {
        int n = site.size();
        double[][] m = new double[n][n];
        for (AxisUse use : site.uses()) {
            if (outputsOnly && use.variance() != AxisUse.Variance.OUTPUT) {
                continue;
            }
            Tensor ta = a.get(use.tensor());
            Tensor tb = b.get(use.tensor());
            int rest = rest(ta, use);
            double[][] c = timesTransposed(unfold(ta, use, n), n, unfold(tb, use, n), n, rest);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m[i][j] += c[i][j];
                }
            }
        }
        return m;
    }

    /** {@code <M, F>} for a transform's forward matrix {@code F}. */
    static double inner(double[][] m, UnitTransform t) {
        double[][] f = t.forward();
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            for (int j = 0; j < f[i].length; j++) {
                if (f[i][j] != 0) {
                    s += m[i][j] * f[i][j];
                }
            }
        }
        return s;
    }

    /** {@code <A, B>} over every parameter. */
    static double inner(ParameterSet a, ParameterSet b) {
        a.requireComparable(b);
        double s = 0;
        for (String name : a.names()) {
            Tensor x = a.get(name);
            Tensor y = b.get(name);
            for (int i = 0; i < x.size(); i++) {
                s += x.at(i) * y.at(i);
            }
        }
        return s;
    }

    static boolean finite(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite);
    }

    static DMatrixRMaj matrix(double[][] m) {
        return new DMatrixRMaj(m);
    }

    static double[][] array(DMatrixRMaj m) {
        return m.get2DData();
    }

    static double[][] transpose(double[][] m) {
        return array(CommonOps_DDRM.transpose(matrix(m), null));
    }
}
