package io.symsweep.transformer;

import io.symsweep.params.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Small dense-matrix plumbing between {@link Tensor}s, {@code double[][]} and EJML for this package. */
final class Dense {

    private Dense() {
    }

    /** A rank-2 tensor as rows. */
    static double[][] rows(Tensor t) {
        if (t.rank() != 2) {
            throw new IllegalArgumentException("expected a matrix, found rank " + t.rank());
        }
        int r = t.dim(0);
        int c = t.dim(1);
        double[][] m = new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                m[i][j] = t.at(i * c + j);
            }
        }
        return m;
    }

    /** Slice {@code k} of a rank-3 tensor {@code [K, r, c]}, as rows. */
    static double[][] slice(Tensor t, int k) {
        int r = t.dim(1);
        int c = t.dim(2);
        double[][] m = new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                m[i][j] = t.at((k * r + i) * c + j);
            }
        }
        return m;
    }

    /** Row {@code k} of a rank-2 tensor. */
    static double[] row(Tensor t, int k) {
        int c = t.dim(1);
        double[] v = new double[c];
        for (int j = 0; j < c; j++) {
            v[j] = t.at(k * c + j);
        }
        return v;
    }

    static Tensor matrix(double[][] m) {
        int r = m.length;
        int c = m[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(m[i], 0, d, i * c, c);
        }
        return Tensor.matrix(r, c, d);
    }

    static Tensor stack(double[][][] slices) {
        int k = slices.length;
        int r = slices[0].length;
        int c = slices[0][0].length;
        double[] d = new double[k * r * c];
        for (int s = 0; s < k; s++) {
            for (int i = 0; i < r; i++) {
                System.arraycopy(slices[s][i], 0, d, (s * r + i) * c, c);
            }
        }
        return new Tensor(new int[] {k, r, c}, d);
    }

    /** Columns {@code from..from+n-1} of {@code m}. */
    static double[][] columns(double[][] m, int from, int n) {
        double[][] out = new double[m.length][n];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], from, out[i], 0, n);
        }
        return out;
    }

    /** Rows {@code from..from+n-1} of {@code m}. */
    static double[][] rowRange(double[][] m, int from, int n) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = m[from + i].clone();
        }
        return out;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a[i][p];
                if (aip == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    c[i][j] += aip * b[p][j];
                }
            }
        }
        return c;
    }

    /** {@code a b^T}. */
    static double[][] multiplyTransposed(double[][] a, double[][] b) {
        int n = a.length;
        int m = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < a[i].length; p++) {
                    s += a[i][p] * b[j][p];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    static double[][] transpose(double[][] a) {
        return array(CommonOps_DDRM.transpose(ejml(a), null));
    }

    /** {@code v M} for a row vector {@code v}. */
    static double[] rowTimes(double[] v, double[][] m) {
        double[] out = new double[m[0].length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += v[i] * m[i][j];
            }
        }
        return out;
    }

    static double[][] identity(int n) {
        double[][] e = new double[n][n];
        for (int i = 0; i < n; i++) {
            e[i][i] = 1;
        }
        return e;
    }

    static DMatrixRMaj ejml(double[][] m) {
        return new DMatrixRMaj(m);
    }

    static double[][] array(DMatrixRMaj m) {
        return m.get2DData();
    }

    /** The inverse by LU with partial pivoting (EJML); throws on a singular matrix. */
    static double[][] inverse(double[][] m) {
        DMatrixRMaj a = ejml(m);
        if (!CommonOps_DDRM.invert(a)) {
            throw new ArithmeticException("singular matrix");
        }
        return array(a);
    }

    /** {@code ||a - b||_F^2}. */
    static double squaredDistance(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double d = a[i][j] - b[i][j];
                s += d * d;
            }
        }
        return s;
    }

    static double squaredNorm(double[][] a) {
        double s = 0;
        for (double[] r : a) {
            for (double x : r) {
                s += x * x;
            }
        }
        return s;
    }

    /** {@code m} with row {@code extra} appended. */
    static double[][] withRow(double[][] m, double[] extra) {
        double[][] out = java.util.Arrays.copyOf(m, m.length + 1);
        out[m.length] = extra.clone();
        return out;
    }
}
