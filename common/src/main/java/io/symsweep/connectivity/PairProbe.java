package io.symsweep.connectivity;

import io.symsweep.align.Aligners;
import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentSettings;
import io.symsweep.align.AlignmentStatus;
import io.symsweep.data.DataSplit;
import io.symsweep.family.AlignmentRequest;
import io.symsweep.family.MlpFamily;
import io.symsweep.family.PairAlignment;
import io.symsweep.mlp.TrainedModel;
import io.symsweep.params.SymmetryClass;
import java.util.function.DoubleFunction;

/**
 * The probe of an aligned pair, for any model family: losses and accuracies along the segment from A to B' (or its
 * REPAIR'd path) on both halves of the split, with both barrier definitions ({@link InterpolationCurve}); and, for
 * MLPs, the whole per-configuration computation of the {@code alignment} kind in one call ({@link #alignAndProbe}).
 * Pure functions of their arguments (every random choice derives from {@link AlignmentSettings#seed()}); numerical
 * failure is the result's status.
 */
public final class PairProbe {

    private PairProbe() {
    }

    /**
     * The curve of {@code pair}: {@code (1-l) A + l B'}, or with {@code repair} the family's REPAIR'd network at each
     * interior {@code l}.
     *
     * @throws IllegalArgumentException when {@code repair} is asked of a family without REPAIR, or the pair failed
     */
    public static InterpolationCurve probe(PairAlignment pair, boolean repair, ProbeSettings settings) {
        if (!pair.probeable()) {
            throw new IllegalArgumentException("the alignment ended " + pair.status() + ": nothing to probe");
        }
        DoubleFunction<io.symsweep.params.ParameterSet> path;
        if (repair) {
            if (pair.repaired() == null) {
                throw new IllegalArgumentException("this model family has no REPAIR");
            }
            path = pair.repaired();
        } else {
            path = l -> pair.start().interpolate(pair.end(), l);
        }
        return InterpolationProbe.probe(path, p -> pair.evaluator().apply(p).toArray(), settings);
    }

    /**
     * Aligns MLP {@code b} to {@code a} ({@link MlpFamily#align}) and probes {@code (1-l) A + l B'}.
     *
     * @throws IllegalArgumentException when the class is not an exact symmetry of the models' activation, the method
     *                                  does not exist for it, or the models cannot be aligned (a spec error)
     */
    public static AlignmentResult alignAndProbe(TrainedModel a, TrainedModel b, DataSplit data, SymmetryClass c,
            AlignmentMethod m, boolean repair, ProbeSettings probe, AlignmentSettings settings) {
        long start = System.nanoTime();
        Aligners.check(a.spec(), c, m);
        MlpFamily family = new MlpFamily();
        MlpFamily.Model ma = new MlpFamily.Model(a.spec(), a.training());
        MlpFamily.Model mb = new MlpFamily.Model(b.spec(), b.training());
        PairAlignment pair = family.align(ma, a.parameters(), mb, b.parameters(), data,
                new AlignmentRequest(c.specName(), m.specName(), null, settings));
        double nan = Double.NaN;
        if (!pair.probeable()) {
            return new AlignmentResult(c, m, repair, pair.transform(), pair.objective(), nan, pair.distanceBefore(),
                    nan, null, nan, nan, nan, nan, nan, nan, pair.iterations(), pair.seconds(),
                    (System.nanoTime() - start) * 1e-9, AlignmentStatus.valueOf(pair.status()), pair.detail());
        }
        InterpolationCurve curve = probe(pair, repair, probe);
        AlignmentStatus status = AlignmentStatus.valueOf(pair.status());
        if (!Double.isFinite(curve.testLossBarrier()) || !Double.isFinite(curve.trainLossBarrier())) {
            status = AlignmentStatus.NOT_FINITE;
        }
        return new AlignmentResult(c, m, repair, pair.transform(), pair.objective(), pair.equivalenceError(),
                pair.distanceBefore(), pair.start().distance(pair.end()), curve, curve.trainLossBarrier(),
                curve.testLossBarrier(), curve.trainLossBarrierMean(), curve.testLossBarrierMean(),
                curve.trainAccuracyBarrier(), curve.testAccuracyBarrier(), pair.iterations(), pair.seconds(),
                (System.nanoTime() - start) * 1e-9, status, pair.detail());
    }
}
