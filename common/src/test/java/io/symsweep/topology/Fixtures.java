package io.symsweep.topology;

import io.symsweep.linalg.MatrixFunctions;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/** Hand-built data and minima for the topology tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** Square Gaussian data, redrawn until both smallest singular values exceed 0.5. */
    static RegressionData data(int h, long seed) {
        for (long s = seed; ; s++) {
            RegressionData d = RegressionData.gaussian(h, h, h, s);
            if (MinimumHomeomorphism.smallestSingularValue(new DMatrixRMaj(h, h, true, d.x())) > 0.5
                    && MinimumHomeomorphism.smallestSingularValue(new DMatrixRMaj(h, h, true, d.y())) > 0.5) {
                return d;
            }
        }
    }

    /** Data from explicit row-major X and Y. */
    static RegressionData data(int h, double[] x, double[] y) {
        return new RegressionData(h, h, h, x, y);
    }

    /**
     * A random element of GL_h with determinant of sign {@code sign}, conditioned like a trained minimum's
     * weights: {@code U diag(s) V^T} with Haar-like orthogonal {@code U}, {@code V} (QR of Gaussian matrices)
     * and singular values {@code s} in [1/2, 2], the first row flipped if needed. (Gaussian matrices can have
     * condition numbers of 1e5; then even an exact point of the minimum has loss (u cond)^2 ||Y||^2 in
     * floating point, above the tolerances stated here. Trained minima are far better conditioned.)
     */
    static DMatrixRMaj groupElement(int h, int sign, SplittableRandom rng) {
        DMatrixRMaj d = new DMatrixRMaj(h, h);
        for (int i = 0; i < h; i++) {
            d.set(i, i, Math.pow(2, 2 * rng.nextDouble() - 1));
        }
        DMatrixRMaj g = CommonOps_DDRM.mult(CommonOps_DDRM.mult(orthogonal(h, rng), d, null), orthogonal(h, rng), null);
        if (MatrixFunctions.determinantSign(g) != sign) {
            for (int c = 0; c < h; c++) {
                g.set(0, c, -g.get(0, c));
            }
        }
        return g;
    }

    private static DMatrixRMaj orthogonal(int h, SplittableRandom rng) {
        DMatrixRMaj a = new DMatrixRMaj(h, h);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = rng.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(h, h);
        qr.decompose(a);
        return qr.getQ(null, false);
    }

    /** {@code f(g)} for random group coordinates with the signs of {@code pattern}: a minimum of that class. */
    static MlpParameters minimum(MinimumHomeomorphism f, SignPattern pattern, SplittableRandom rng) {
        List<DMatrixRMaj> g = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            g.add(groupElement(f.width(), pattern.sign(i), rng));
        }
        return f.toMinimum(g);
    }

    /**
     * One minimum of each class of {@code f}, in the order of {@link #allPatterns} for its {@code l - 1} signs, drawn
     * in turn from {@code rng}.
     */
    static List<MlpParameters> oneMinimumPerClass(MinimumHomeomorphism f, SplittableRandom rng) {
        List<MlpParameters> out = new ArrayList<>();
        for (SignPattern p : allPatterns(f.layers() - 1)) {
            out.add(minimum(f, p, rng));
        }
        return out;
    }

    /** Every sign pattern of length {@code n}, in index order. */
    static List<SignPattern> allPatterns(int n) {
        List<SignPattern> out = new ArrayList<>();
        for (int index = 0; index < SignPattern.count(n); index++) {
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                s[i] = (index >> i & 1) == 1 ? -1 : 1;
            }
            out.add(new SignPattern(s));
        }
        return out;
    }

    /** A converged training result holding {@code w}. */
    static TrainingResult converged(MinimumHomeomorphism f, MlpParameters w) {
        return new TrainingResult(w, 0, f.loss(w), TrainingStatus.CONVERGED, 0);
    }
}
