package io.symsweep.align;

import io.symsweep.mlp.MlpForward;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.params.ParameterSet;

/** Hidden activations {@code H_l} ({@code n x n_l}) of a model on the problem's sample of training inputs. */
final class Activations {

    private Activations() {
    }

    static MlpForward.Trace of(MlpSpec spec, ParameterSet p, AlignmentProblem problem) {
        return MlpForward.trace(spec, p, problem.sampleFeatures(), problem.sampleCount());
    }

    /** A's and B's activations on one sample. */
    record Traces(MlpForward.Trace a, MlpForward.Trace b) {
    }

    /** A's and B's activations on the problem's sample. */
    static Traces traces(AlignmentProblem problem) {
        return new Traces(of(problem.specA(), problem.a(), problem), of(problem.specB(), problem.b(), problem));
    }

    /** {@code X^T Y} for row-major {@code X} ({@code n x a}) and {@code Y} ({@code n x b}): {@code a x b}. */
    static double[][] crossMoments(double[] x, int a, double[] y, int b, int n) {
        return UnitVectors.timesTransposed(transposed(x, n, a), a, transposed(y, n, b), b, n);
    }

    /** The {@code cols x rows} transpose of a row-major {@code rows x cols} matrix. */
    static double[] transposed(double[] x, int rows, int cols) {
        double[] t = new double[x.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = x[i * cols + j];
            }
        }
        return t;
    }

    /** Columns centred and scaled to unit standard deviation; a constant column becomes zero. */
    static double[] standardised(double[] x, int n, int cols) {
        double[] z = new double[x.length];
        for (int j = 0; j < cols; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * cols + j];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double d = x[i * cols + j] - mean;
                var += d * d;
            }
            double sd = Math.sqrt(var / n);
            double scale = sd > 1e-300 && Double.isFinite(sd) ? 1 / sd : 0;
            for (int i = 0; i < n; i++) {
                z[i * cols + j] = (x[i * cols + j] - mean) * scale;
            }
        }
        return z;
    }
}
