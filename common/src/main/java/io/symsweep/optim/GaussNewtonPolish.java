package io.symsweep.optim;

import io.symsweep.engine.DenseEngine;
import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Gauss-Newton polishing of a linear network near a minimum of {@code ||Y - W_l ... W_1 X||_F^2}: each step
 * is the minimum-norm solution {@code d = J^T (J J^T)^-1 r} of the linearised residual {@code J d = r}, where
 * {@code r = vec(Y - W_l ... W_1 X)} and {@code J = [kron(A_1, B_1^T) ... kron(A_l, B_l^T)]} with
 * {@code A_i = W_l ... W_{i+1}}, {@code B_i = W_{i-1} ... W_1 X} (row-major {@code vec}). When the weights are
 * invertible the output map is a submersion ({@code J} has full row rank), so the steps converge
 * quadratically to a point of the minimum at distance {@code O(sqrt(loss))} (Nocedal and Wright, Thm 10.1);
 * gradient descent's linear rate, set by the smallest non-zero curvature, is what they replace. Cost per step:
 * the {@code m x P} Jacobian ({@code m = n_l N} residuals, {@code P} weights) and one {@code m x m} solve.
 */
public final class GaussNewtonPolish {

    private GaussNewtonPolish() {
    }

    /** The end of a polish: the weights, their loss and the steps taken. */
    public record Result(MlpParameters weights, double loss, int steps) {
    }

    /**
     * Polishes {@code w} until its loss is below {@code tolerance} or {@code maxSteps} steps were taken; stops
     * early, keeping the best weights, when a step does not lower the loss or {@code J J^T} is singular.
     */
    public static Result polish(MlpParameters w, RegressionData data, double tolerance, int maxSteps) {
        MlpArchitecture arch = w.architecture();
        if (arch.activation().kind() != Activation.Kind.LINEAR) {
            throw new IllegalArgumentException("Gauss-Newton polishing is for linear networks, found "
                    + arch.label());
        }
        DenseEngine engine = new DenseEngine();
        double loss = engine.loss(w, data);
        int steps = 0;
        while (steps < maxSteps && loss >= tolerance && Double.isFinite(loss)) {
            MlpParameters next = step(w, data);
            if (next == null) {
                break;
            }
            double nextLoss = engine.loss(next, data);
            steps++;
            if (!(nextLoss < loss)) {
                break;
            }
            w = next;
            loss = nextLoss;
        }
        return new Result(w, loss, steps);
    }

    /** One minimum-norm Gauss-Newton step, or {@code null} when {@code J J^T} is singular. */
    static MlpParameters step(MlpParameters w, RegressionData data) {
        MlpArchitecture arch = w.architecture();
        int l = arch.layers();
        int samples = data.samples();
        DMatrixRMaj x = new DMatrixRMaj(data.features(), samples, true, data.x());
        DMatrixRMaj[] below = new DMatrixRMaj[l + 1]; // below[i] = W_i ... W_1 X, below[0] = X
        below[0] = x;
        for (int i = 1; i <= l; i++) {
            below[i] = CommonOps_DDRM.mult(w.matrix(i), below[i - 1], null);
        }
        DMatrixRMaj residual = new DMatrixRMaj(arch.outputs(), samples, true, data.y());
        CommonOps_DDRM.subtractEquals(residual, below[l]);
        int m = arch.outputs() * samples;
        DMatrixRMaj jacobian = new DMatrixRMaj(m, arch.parameterCount());
        DMatrixRMaj above = CommonOps_DDRM.identity(arch.outputs()); // A_i = W_l ... W_{i+1}
        int[] offset = new int[l + 1];
        for (int i = 1; i <= l; i++) {
            offset[i] = offset[i - 1] + (i == 1 ? 0 : arch.rows(i - 1) * arch.cols(i - 1));
        }
        for (int i = l; i >= 1; i--) {
            DMatrixRMaj b = below[i - 1]; // n_{i-1} x N
            int rows = arch.rows(i);
            int cols = arch.cols(i);
            // d vec(A dW B) / d vec(dW) = kron(A, B^T): entry ((p, s), (q, c)) = A[p][q] B[c][s].
            for (int p = 0; p < above.numRows; p++) {
                for (int s = 0; s < samples; s++) {
                    int r = p * samples + s;
                    for (int q = 0; q < rows; q++) {
                        double apq = above.get(p, q);
                        if (apq == 0) {
                            continue;
                        }
                        for (int c = 0; c < cols; c++) {
                            jacobian.set(r, offset[i] + q * cols + c, apq * b.get(c, s));
                        }
                    }
                }
            }
            above = CommonOps_DDRM.mult(above, w.matrix(i), null);
        }
        DMatrixRMaj jjt = CommonOps_DDRM.multTransB(jacobian, jacobian, null);
        DMatrixRMaj r = new DMatrixRMaj(m, 1, true, residual.data);
        DMatrixRMaj z = new DMatrixRMaj(m, 1);
        if (!CommonOps_DDRM.solve(jjt, r, z)) {
            return null;
        }
        DMatrixRMaj d = CommonOps_DDRM.multTransA(jacobian, z, null);
        double[] flat = w.flatten();
        for (int k = 0; k < flat.length; k++) {
            flat[k] += d.get(k, 0);
        }
        MlpParameters next = MlpParameters.unflatten(arch, flat);
        return next.isFinite() ? next : null;
    }
}
