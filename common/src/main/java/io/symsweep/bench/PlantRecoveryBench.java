package io.symsweep.bench;

import io.symsweep.align.Aligners;
import io.symsweep.align.Alignment;
import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentProblem;
import io.symsweep.align.AlignmentSettings;
import io.symsweep.data.Task;
import io.symsweep.mlp.HiddenActivation;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.mlp.MlpSymmetries;
import io.symsweep.mlp.MlpTrainer;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.UnitTransform;
import io.symsweep.symmetry.Permutation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How often weight matching recovers a planted permutation exactly (the question of Git Re-Basin's issue #8), on
 * random ReLU MLPs {@code 64-h-h-h-10} with biases: from the identity alone (Git Re-Basin's start) and with
 * symsweep's default starts (identity, incoming weights, one random). {@code main} prints one line per width.
 */
public final class PlantRecoveryBench {

    private PlantRecoveryBench() {
    }

    /** Exact recoveries out of {@code seeds} at width {@code h} with {@code restarts} starts. */
    public static int recoveries(int h, int seeds, int restarts) {
        MlpSpec spec = new MlpSpec(new int[] {64, h, h, h, 10}, HiddenActivation.RELU, true, Task.CLASSIFICATION);
        int ok = 0;
        for (int s = 0; s < seeds; s++) {
            SplittableRandom rng = new SplittableRandom(1000L * h + s);
            ParameterSet a = MlpTrainer.initialParameters(spec, 1, rng);
            Map<String, UnitTransform> planted = new LinkedHashMap<>();
            for (Site site : MlpSymmetries.declare(spec).sites()) {
                planted.put(site.name(), UnitTransform.permutation(Permutation.randomImages(rng, site.size())));
            }
            ParameterSet b = MlpSymmetries.declare(spec).apply(a, planted);
            Alignment r = Aligners.of(SymmetryClass.PERMUTATION, AlignmentMethod.WEIGHT_MATCHING).align(
                    AlignmentProblem.of(spec, a, b, null, AlignmentSettings.defaults(s).withRestarts(restarts)));
            if (r.aligned().distance(a) == 0) {
                ok++;
            }
        }
        return ok;
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        for (int h : new int[] {8, 16, 32, 64, 128, 256, 512}) {
            System.out.printf("h=%d identity-start %d/%d, default starts %d/%d%n", h, recoveries(h, seeds, 1), seeds,
                    recoveries(h, seeds, 3), seeds);
        }
    }
}
