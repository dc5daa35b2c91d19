package io.symsweep.transformer;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentStatus;
import io.symsweep.align.TransformJson;
import io.symsweep.connectivity.InterpolationCurve;
import io.symsweep.connectivity.ProbeSettings;

/**
 * The per-configuration computation a transformer family of the {@code alignment} kind calls: align transformer B
 * to A under one class set, method and head mode ({@link TransformerAligners}), then probe the segment from A to B'
 * ({@link TransformerInterpolation}). A pure function of its arguments (every random draw derives from
 * {@link TransformerAlignmentSettings#seed()}); numerical failure is the result's status.
 */
public final class TransformerPairProbe {

    private TransformerPairProbe() {
    }

    /**
     * Aligns {@code b} to {@code a} and probes {@code (1 - l) A + l B'} on {@code train} and {@code test}.
     *
     * @param train    the aligners' training data, and the probe's training curve
     * @param headMode {@code FACTORISED} or {@code CIRCUITS} with {@link TransformerClassSet#PERMUTATION_ORTHOGONAL_INVERTIBLE},
     *                 null otherwise
     * @throws IllegalArgumentException when the combination does not exist or the models cannot be aligned (a spec
     *                                  error)
     */
    public static TransformerAlignmentResult alignAndProbe(TransformerModel a, TransformerModel b, SequenceData train,
            SequenceData test, TransformerClassSet c, AlignmentMethod m, TransformerArchitecture.Attention headMode,
            ProbeSettings probe, TransformerAlignmentSettings settings) {
        return alignAndProbe(a, b, train, test, train, c, m, headMode, probe, settings);
    }

    /**
     * As {@link #alignAndProbe(TransformerModel, TransformerModel, SequenceData, SequenceData, TransformerClassSet,
     * AlignmentMethod, TransformerArchitecture.Attention, ProbeSettings, TransformerAlignmentSettings)}, the probe's
     * training curve measured on {@code probeTrain} (e.g. a subset of {@code train}) instead.
     */
    public static TransformerAlignmentResult alignAndProbe(TransformerModel a, TransformerModel b, SequenceData train,
            SequenceData test, SequenceData probeTrain, TransformerClassSet c, AlignmentMethod m,
            TransformerArchitecture.Attention headMode, ProbeSettings probe, TransformerAlignmentSettings settings) {
        long start = System.nanoTime();
        TransformerAligner aligner = TransformerAligners.of(c, m, headMode);
        TransformerGraph.requireFits(a.architecture(), test);
        TransformerAlignment al = aligner.align(new TransformerAlignmentProblem(a, b, train, settings));
        TransformerModel unmoved = TransformerAligners.parametrised(b, headMode);
        double before = al.reference().parameters().distance(unmoved.parameters());
        String json = TransformJson.write(al.transforms());
        String label = al.aligned().architecture().label();
        if (al.status() == AlignmentStatus.SINGULAR || al.status() == AlignmentStatus.NOT_FINITE) {
            double nan = Double.NaN;
            return new TransformerAlignmentResult(c, m, headMode, label, json, al.objective(), nan, before, nan, null,
                    nan, nan, nan, nan, nan, nan, new double[0], al.iterations(), al.seconds(),
                    (System.nanoTime() - start) * 1e-9, al.status(), al.detail());
        }
        double equivalence = maxRelativeError(new TransformerGraph(b).logits(test),
                new TransformerGraph(al.aligned()).logits(test));
        double after = al.reference().parameters().distance(al.aligned().parameters());
        InterpolationCurve curve = TransformerInterpolation.probe(al.reference(), al.aligned(), probeTrain, test, probe);
        AlignmentStatus status = al.status();
        if (!Double.isFinite(curve.testLossBarrier()) || !Double.isFinite(curve.trainLossBarrier())) {
            status = AlignmentStatus.NOT_FINITE;
        }
        double[] angles;
        try {
            angles = al.residualEigenAngles();
        } catch (ArithmeticException | IllegalArgumentException e) {
            angles = new double[0];
        }
        return new TransformerAlignmentResult(c, m, headMode, label, json, al.objective(), equivalence, before, after,
                curve, curve.trainLossBarrier(), curve.testLossBarrier(), curve.trainLossBarrierMean(),
                curve.testLossBarrierMean(), curve.trainAccuracyBarrier(), curve.testAccuracyBarrier(), angles,
                al.iterations(), al.seconds(), (System.nanoTime() - start) * 1e-9, status, al.detail());
    }

    /** {@code max |y - x| / max |x|} over all logits. */
    static double maxRelativeError(double[][] x, double[][] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows of logits against " + y.length);
        }
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                worst = Math.max(worst, Math.abs(y[i][j] - x[i][j]));
                scale = Math.max(scale, Math.abs(x[i][j]));
            }
        }
        return scale > 0 ? worst / scale : worst;
    }
}
