package io.symsweep.connectivity;

import io.symsweep.align.Aligners;
import io.symsweep.align.Alignment;
import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentProblem;
import io.symsweep.align.AlignmentSettings;
import io.symsweep.align.AlignmentStatus;
import io.symsweep.align.TransformJson;
import io.symsweep.data.DataSplit;
import io.symsweep.mlp.MlpForward;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.mlp.TrainedModel;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.SymmetryClass;

/**
 * The per-configuration computation of the {@code alignment} kind: align model B to model A under one class and
 * method, then probe the segment from A to B'. A pure function of its arguments (every random choice derives from
 * {@link AlignmentSettings#seed()}); numerical failure is the result's status.
 */
public final class PairProbe {

    private PairProbe() {
    }

    /**
     * Aligns {@code b} to {@code a} and probes {@code (1-l) A + l B'}.
     *
     * @throws IllegalArgumentException when the class is not an exact symmetry of the models' activation, the method
     *                                  does not exist for it, or the models cannot be aligned (a spec error)
     */
    public static AlignmentResult alignAndProbe(TrainedModel a, TrainedModel b, DataSplit data, SymmetryClass c,
            AlignmentMethod m, boolean repair, ProbeSettings probe, AlignmentSettings settings) {
        long start = System.nanoTime();
        Aligners.check(a.spec(), c, m);
        AlignmentProblem problem = new AlignmentProblem(a.spec(), a.parameters(), b.spec(), b.parameters(),
                data.train(), settings);
        Alignment al = Aligners.of(c, m).align(problem);
        double before = a.spec().equals(b.spec()) ? a.parameters().distance(b.parameters()) : Double.NaN;
        String json = TransformJson.write(al.transforms());
        if (al.status() == AlignmentStatus.SINGULAR || al.status() == AlignmentStatus.NOT_FINITE
                || !al.alignedSpec().equals(a.spec())) {
            double nan = Double.NaN;
            return new AlignmentResult(c, m, repair, json, al.objective(), nan, before, nan, null, nan, nan, nan, nan,
                    nan, nan, al.iterations(), al.seconds(), (System.nanoTime() - start) * 1e-9,
                    al.status() == AlignmentStatus.OK ? AlignmentStatus.SINGULAR : al.status(),
                    al.alignedSpec().equals(a.spec()) ? al.detail() : "B' does not have A's widths");
        }
        double equivalence = equivalenceError(al.alignedSpec(), al.aligned(), b.spec(), b.parameters(), data);
        double after = a.parameters().distance(al.aligned());
        InterpolationCurve curve = InterpolationProbe.probe(a.spec(), a.parameters(), al.aligned(), data, repair, probe);
        AlignmentStatus status = al.status();
        if (!Double.isFinite(curve.testLossBarrier()) || !Double.isFinite(curve.trainLossBarrier())) {
            status = AlignmentStatus.NOT_FINITE;
        }
        return new AlignmentResult(c, m, repair, json, al.objective(), equivalence, before, after, curve,
                curve.trainLossBarrier(), curve.testLossBarrier(), curve.trainLossBarrierMean(),
                curve.testLossBarrierMean(), curve.trainAccuracyBarrier(), curve.testAccuracyBarrier(),
                al.iterations(), al.seconds(), (System.nanoTime() - start) * 1e-9, status, al.detail());
    }

    /** {@code max |f_p(x) - f_q(x)| / max |f_q(x)|} over the test inputs. */
    static double equivalenceError(MlpSpec sp, ParameterSet p, MlpSpec sq, ParameterSet q, DataSplit data) {
        double[] x = data.test().featuresRowMajor();
        int n = data.test().size();
        double[] fp = MlpForward.outputs(sp, p, x, n);
        double[] fq = MlpForward.outputs(sq, q, x, n);
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < fp.length; i++) {
            worst = Math.max(worst, Math.abs(fp[i] - fq[i]));
            scale = Math.max(scale, Math.abs(fq[i]));
        }
        return scale > 0 ? worst / scale : worst;
    }
}
