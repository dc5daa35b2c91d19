package io.symsweep.transformer;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Moments between two models' activations ({@code rows x units} matrices over the same inputs), via EJML. */
final class ActivationStatistics {

    private ActivationStatistics() {
    }

    /** {@code X^T Y}: {@code [i][j] = sum_rows x_i y_j}. */
    static double[][] crossMoments(double[][] x, double[][] y) {
        DMatrixRMaj out = new DMatrixRMaj(x[0].length, y[0].length);
        CommonOps_DDRM.multTransA(new DMatrixRMaj(x), new DMatrixRMaj(y), out);
        return Dense.array(out);
    }

    /**
     * The correlation of each unit of {@code x} with each unit of {@code y} over the rows (Li et al. 2015; Git
     * Re-Basin Sec. 3.1); a constant unit correlates 0 with everything.
     */
    static double[][] correlations(double[][] x, double[][] y) {
        double[][] c = crossMoments(standardised(x), standardised(y));
        int n = x.length;
        for (double[] row : c) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= n;
            }
        }
        return c;
    }

    /** Columns centred and scaled to unit standard deviation; a constant column becomes zero. */
    static double[][] standardised(double[][] x) {
        int n = x.length;
        int cols = x[0].length;
        double[][] z = new double[n][cols];
        for (int j = 0; j < cols; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j];
            }
            mean /= n;
            double var = 0;
            for (double[] row : x) {
                double d = row[j] - mean;
                var += d * d;
            }
            double sd = Math.sqrt(var / n);
            double scale = sd > 1e-300 && Double.isFinite(sd) ? 1 / sd : 0;
            for (int i = 0; i < n; i++) {
                z[i][j] = (x[i][j] - mean) * scale;
            }
        }
        return z;
    }

    /** The rows of every matrix in {@code parts}, in order (shared, not copied). */
    static double[][] stackRows(List<double[][]> parts) {
        int n = 0;
        for (double[][] p : parts) {
            n += p.length;
        }
        double[][] out = new double[n][];
        int k = 0;
        for (double[][] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    /** {@code X F^T}: each row {@code x} moved to {@code F x}. */
    static double[][] timesTransposed(double[][] x, double[][] f) {
        DMatrixRMaj out = new DMatrixRMaj(x.length, f.length);
        CommonOps_DDRM.multTransB(new DMatrixRMaj(x), new DMatrixRMaj(f), out);
        return Dense.array(out);
    }

    /** {@code ||X - Y||_F^2}. */
    static double squaredDistance(double[][] x, double[][] y) {
        return Dense.squaredDistance(x, y);
    }

    /** True when every entry is finite. */
    static boolean finite(double[][] x) {
        return Arrays.stream(x).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite);
    }
}
