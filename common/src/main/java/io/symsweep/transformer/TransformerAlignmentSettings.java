package io.symsweep.transformer;

/**
 * The knobs of the transformer alignment methods.
 *
 * @param maxRounds         weight matching's alternations at most (heads and units, per-head maps, residual map),
 *                          {@code >= 1}; it stops earlier when a round no longer lowers {@code ||A - T.B||}
 * @param activationSamples at most this many training samples (the first ones) for activation matching, {@code >= 2}
 * @param learnedSteps      Adam steps of learned matching, {@code >= 0}
 * @param learnedRate       its Adam learning rate on the latent transforms, {@code > 0}
 * @param learnedBatch      its mini-batch size (samples drawn with replacement), {@code >= 1}
 * @param seed              the seed of every random draw (learned matching's lambdas and batches)
 */
public record TransformerAlignmentSettings(int maxRounds, int activationSamples, int learnedSteps, double learnedRate,
        int learnedBatch, long seed) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public TransformerAlignmentSettings {
        FieldChecks.atLeast("max_rounds", maxRounds, 1);
        FieldChecks.atLeast("activation_samples", activationSamples, 2);
        FieldChecks.atLeast("learned_steps", learnedSteps, 0);
        FieldChecks.positive("learned_rate", learnedRate);
        FieldChecks.atLeast("learned_batch", learnedBatch, 1);
    }

    /**
     * 10 rounds (Theus et al. report ~5 to converge; it stops when a round no longer improves), 512 activation
     * samples, 100 learned steps at {@code 3e-2} in batches of 64. The learned rate and steps, from
     * {@code TransformerAlignmentBench tune vit 32 4 20} on one pair of digits ViTs (test-loss barrier of
     * permutation+orthogonal matching; weight matching 2.32): rate 1e-3 gave 1.52 after 50 steps and 1.04 after
     * 200; 3e-3 1.01 and 0.59; 1e-2 1.15 and 0.38; 3e-2 0.71 and 0.37. 100 steps at 3e-2 halves the cost of 200.
     */
    public static TransformerAlignmentSettings defaults(long seed) {
        return new TransformerAlignmentSettings(10, 512, 100, 3e-2, 64, seed);
    }

    public TransformerAlignmentSettings withLearnedSteps(int steps) {
        return new TransformerAlignmentSettings(maxRounds, activationSamples, steps, learnedRate, learnedBatch, seed);
    }

    public TransformerAlignmentSettings withLearnedRate(double rate) {
        return new TransformerAlignmentSettings(maxRounds, activationSamples, learnedSteps, rate, learnedBatch, seed);
    }

    public TransformerAlignmentSettings withSeed(long s) {
        return new TransformerAlignmentSettings(maxRounds, activationSamples, learnedSteps, learnedRate, learnedBatch, s);
    }
}
