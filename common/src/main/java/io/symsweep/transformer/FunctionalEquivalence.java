package io.symsweep.transformer;

/**
 * How far apart two transformers' functions are on a data set, both evaluated through SameDiff (each through the
 * graph of its own architecture, so a folded or circuit-merged model is compared with the original):
 * {@code ||Z_b - Z_a||_F / ||Z_a||_F} over the logits {@code Z} of every output. 0 for an exact symmetry up to
 * rounding (about {@code 1e-14} in float64 at these sizes).
 */
public final class FunctionalEquivalence {

    private FunctionalEquivalence() {
    }

    /** The relative logit change from {@code a} to {@code b} on {@code data}. */
    public static double relativeError(TransformerModel a, TransformerModel b, SequenceData data) {
        return relativeError(new TransformerGraph(a).logits(data), new TransformerGraph(b).logits(data));
    }

    /** {@code ||b - a||_F / ||a||_F}. */
    public static double relativeError(double[][] a, double[][] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " rows of logits against " + b.length);
        }
        return Math.sqrt(Dense.squaredDistance(a, b) / Dense.squaredNorm(a));
    }
}
