package io.symsweep.testing;

import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.model.WeightInit;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Small networks and data for tests. */
public final class Networks {

    private Networks() {
    }

    /** LeCun-normal weights of {@code arch} from {@code seed}. */
    public static MlpParameters random(MlpArchitecture arch, long seed) {
        return WeightInit.LECUN_NORMAL.sample(arch, 1.0, seed);
    }

    /** Gaussian X and Y for {@code arch}. */
    public static RegressionData gaussianData(MlpArchitecture arch, int samples, long seed) {
        return RegressionData.gaussian(arch.inputs(), arch.outputs(), samples, seed);
    }

    /**
     * Gaussian X and {@code Y = f_w(X)}: {@code w} is then a zero-loss minimum (up to rounding), the setting of
     * Propositions 5.3 and 5.4.
     */
    public static RegressionData teacherData(MlpParameters w, int samples, long seed) {
        MlpArchitecture arch = w.architecture();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[arch.inputs() * samples];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        DMatrixRMaj a = new DMatrixRMaj(arch.inputs(), samples, true, x);
        for (int i = 1; i <= arch.layers(); i++) {
            a = CommonOps_DDRM.mult(w.matrix(i), a, null);
            if (i < arch.layers()) {
                for (int j = 0; j < a.data.length; j++) {
                    a.data[j] = arch.activation().apply(a.data[j]);
                }
            }
        }
        double[] y = Arrays.copyOf(a.data, arch.outputs() * samples);
        return new RegressionData(arch.inputs(), arch.outputs(), samples, x, y);
    }

    /** {@code ||a - b|| / ||b||} over all weights. */
    public static double relativeDistance(MlpParameters a, MlpParameters b) {
        return a.distance(b) / b.norm();
    }

    /** {@code |a - b| / |b|}. */
    public static double relativeDifference(double a, double b) {
        return Math.abs(a - b) / Math.abs(b);
    }
}
