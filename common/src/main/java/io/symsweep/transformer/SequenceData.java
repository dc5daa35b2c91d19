package io.symsweep.transformer;

import com.google.common.primitives.ImmutableDoubleArray;
import com.google.common.primitives.ImmutableIntArray;
import io.symsweep.data.LabelledData;
import java.util.Arrays;

/**
 * Samples as a transformer reads them: {@code samples x tokens x features} input numbers (row-major, flat) and
 * {@code samples x outputsPerSample} class targets, {@code -1} where an output carries no loss (the prompt of a
 * language-model sequence). The loss is the mean cross-entropy over the outputs with a target. Immutable.
 *
 * @param samples          number of samples
 * @param tokens           tokens per sample
 * @param features         numbers per token
 * @param inputs           {@code samples * tokens * features} values, sample-major
 * @param outputsPerSample 1 (a pooled ViT) or {@code tokens} (a language model)
 * @param targets          {@code samples * outputsPerSample} classes in {@code 0..classes-1}, or {@code -1}
 * @param classes          the number of classes
 */
public record SequenceData(int samples, int tokens, int features, ImmutableDoubleArray inputs, int outputsPerSample,
        ImmutableIntArray targets, int classes) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public SequenceData {
        if (samples < 1 || tokens < 1 || features < 1 || outputsPerSample < 1 || classes < 2) {
            throw new IllegalArgumentException("samples, tokens, features, outputs must be >= 1 and classes >= 2");
        }
        if (inputs.length() != (long) samples * tokens * features
                || targets.length() != (long) samples * outputsPerSample) {
            throw new IllegalArgumentException("inputs hold " + inputs.length() + " values and targets "
                    + targets.length()
                    + " for " + samples + " samples of " + tokens + "x" + features + " with " + outputsPerSample + " outputs");
        }
        int counted = 0;
        for (int i = 0; i < targets.length(); i++) {
            int t = targets.get(i);
            if (t < -1 || t >= classes) {
                throw new IllegalArgumentException("target " + t + " outside -1.." + (classes - 1));
            }
            if (t >= 0) {
                counted++;
            }
        }
        if (counted == 0) {
            throw new IllegalArgumentException("no output carries a target");
        }
    }

    /** Over copies of {@code inputs} and {@code targets}. */
    public static SequenceData of(int samples, int tokens, int features, double[] inputs, int outputsPerSample,
            int[] targets, int classes) {
        return new SequenceData(samples, tokens, features, ImmutableDoubleArray.copyOf(inputs), outputsPerSample,
                ImmutableIntArray.copyOf(targets), classes);
    }

    /** The outputs with a target. */
    public int targetCount() {
        int n = 0;
        for (int i = 0; i < targets.length(); i++) {
            if (targets.get(i) >= 0) {
                n++;
            }
        }
        return n;
    }

    /** The samples at {@code indices}, in that order. */
    public SequenceData subset(int[] indices) {
        int per = tokens * features;
        ImmutableDoubleArray.Builder x = ImmutableDoubleArray.builder(indices.length * per);
        ImmutableIntArray.Builder y = ImmutableIntArray.builder(indices.length * outputsPerSample);
        for (int i : indices) {
            x.addAll(inputs.subArray(i * per, (i + 1) * per));
            y.addAll(targets.subArray(i * outputsPerSample, (i + 1) * outputsPerSample));
        }
        return new SequenceData(indices.length, tokens, features, x.build(), outputsPerSample, y.build(), classes);
    }

    /** Samples {@code from .. to-1}. */
    public SequenceData range(int from, int to) {
        int[] idx = new int[to - from];
        Arrays.setAll(idx, i -> from + i);
        return subset(idx);
    }

    /** One sample's input value, without copying. */
    double input(int flatIndex) {
        return inputs.get(flatIndex);
    }

    /** One output's target, without copying. */
    int target(int flatIndex) {
        return targets.get(flatIndex);
    }

    /**
     * Square images cut into {@code patch x patch} patches, in raster order of the patches and of the pixels inside
     * each; with {@code classToken} a first token of zeros (its embedding is {@code pos_0}). One target per image.
     *
     * @param side pixels per image side ({@code side^2} features per image, row-major)
     */
    public static SequenceData ofPatches(LabelledData images, int side, int patch, boolean classToken) {
        if (images.dimension() != side * side) {
            throw new IllegalArgumentException("images have " + images.dimension() + " pixels, not " + side + "^2");
        }
        if (patch < 1 || side % patch != 0) {
            throw new IllegalArgumentException("patch: must divide the image side " + side + ", found " + patch);
        }
        int per = side / patch;
        int f = patch * patch;
        int t = per * per + (classToken ? 1 : 0);
        double[][] px = images.features();
        double[] x = new double[images.size() * t * f];
        for (int s = 0; s < images.size(); s++) {
            int base = s * t * f + (classToken ? f : 0);
            for (int pr = 0; pr < per; pr++) {
                for (int pc = 0; pc < per; pc++) {
                    int tok = pr * per + pc;
                    for (int r = 0; r < patch; r++) {
                        for (int c = 0; c < patch; c++) {
                            x[base + tok * f + r * patch + c] = px[s][(pr * patch + r) * side + pc * patch + c];
                        }
                    }
                }
            }
        }
        return of(images.size(), t, f, x, 1, images.labels(), images.classes());
    }

    /** Token sequences as one-hot inputs, a target at every position where the sequence names one. */
    public static SequenceData ofTokens(TokenSequences seqs) {
        int n = seqs.size();
        int t = seqs.length();
        int v = seqs.vocabulary();
        double[] x = new double[n * t * v];
        int[] y = new int[n * t];
        for (int s = 0; s < n; s++) {
            for (int p = 0; p < t; p++) {
                x[(s * t + p) * v + seqs.token(s, p)] = 1;
                y[s * t + p] = seqs.target(s, p);
            }
        }
        return of(n, t, v, x, t, y, v);
    }
}
