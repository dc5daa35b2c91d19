package io.symsweep.transformer;

import io.symsweep.naming.SpecName;

/**
 * The shape of a tiny pre-norm transformer, as data: a Vision Transformer over image patches (bidirectional
 * attention, one pooled output per sample) or a causal (GPT-style) language model (a triangular mask, one output
 * per token). Every block is {@code x += Attn(Norm1(x)); x += MLP(Norm2(x))}, then a final norm and a linear head.
 *
 * <p>A sample is {@code tokens} vectors of {@code inputFeatures} numbers (the pixels of a patch, or a one-hot
 * token); the embedding is {@code x_t = f_t W_E + pos_t}. A class token is an extra first token whose features
 * are all zero, so its embedding is the learned row {@code pos_0} (a separate class vector would be redundant with
 * it). With {@link Attention#CIRCUITS} every head is held as its merged circuits {@code W_Q W_K^T} and
 * {@code W_V W_O} ({@link CircuitMerging}): a different architecture with the same function.
 *
 * @param task          the model family
 * @param inputFeatures numbers per input token: {@code patch^2} pixels, or the vocabulary size (one-hot)
 * @param tokens        sequence length the model sees, the class token included
 * @param outputs       classes of the head (digit classes, or the vocabulary)
 * @param dModel        width of the residual stream
 * @param layers        blocks {@code L}
 * @param heads         attention heads per block {@code H}
 * @param dHead         width of one head
 * @param dMlp          hidden units of each block's MLP
 * @param norm          the normalisation before attention, before the MLP and before the head
 * @param nonlinearity  the MLP's activation
 * @param pooling       how a ViT reduces its tokens to one vector; {@link Pooling#NONE} for a language model
 * @param attention     heads as factors or as merged circuits
 * @param normEpsilon   {@code eps} in {@code x / sqrt(mean(x^2) + eps)}, the same in every norm
 */
public record TransformerArchitecture(Task task, int inputFeatures, int tokens, int outputs, int dModel, int layers,
        int heads, int dHead, int dMlp, Norm norm, Nonlinearity nonlinearity, Pooling pooling, Attention attention,
        double normEpsilon) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The default {@code eps} of every norm. */
    public static final double DEFAULT_EPSILON = 1e-5;

    /** The model family. */
    public enum Task {
        /** Bidirectional attention over patches, one pooled output per sample. */
        VIT,
        /** Causal attention over tokens, a next-token output at every position. */
        CAUSAL_LM
    }

    /** The normalisation layers. */
    public enum Norm implements SpecName {
        /** {@code g * (x - mean x) / sqrt(var x + eps) + b}. */
        LAYER_NORM("layernorm"),
        /** {@code g * x / sqrt(mean(x^2) + eps)} (Zhang and Sennrich 2019). */
        RMS_NORM("rmsnorm"),
        /**
         * {@code x / sqrt(mean(x^2) + eps)} without a gain: the form {@link NormFolding} leaves after folding the
         * gains (and, for LayerNorm, the centring and the bias) into the adjacent linear layers. It commutes with
         * every orthogonal map of the residual stream.
         */
        FOLDED_RMS_NORM("rmsnorm-folded");

        private final String specName;

        Norm(String specName) {
            this.specName = specName;
        }

        /** {@code layernorm}, {@code rmsnorm}, {@code rmsnorm-folded}. */
        @Override
        public String specName() {
            return specName;
        }

        /** True when the norm has a gain vector. */
        public boolean hasGain() {
            return this != FOLDED_RMS_NORM;
        }

        /** True when the norm has a bias vector. */
        public boolean hasBias() {
            return this == LAYER_NORM;
        }
    }

    /** The MLP activation. */
    public enum Nonlinearity implements SpecName {
        /**
         * SameDiff's {@code gelu}: the sigmoid approximation {@code x sigmoid(1.702 x)} of Hendrycks and Gimpel 2016,
         * with 1.702 rounded to float ({@code 1.7020000219...}), as measured on M2.1.
         */
        GELU,
        /** {@code max(0, x)}: positively homogeneous, so positive unit scalings are exact too. */
        RELU
    }

    /** How a ViT reduces its final tokens to the head's input. */
    public enum Pooling {
        /** The mean over tokens of the final norm's output. */
        MEAN,
        /** The final norm's output at the class token (token 0). */
        CLASS_TOKEN,
        /** No pooling: the head reads every token (language models). */
        NONE
    }

    /** How the heads' parameters are held. */
    public enum Attention implements SpecName {
        /** {@code W_Q, W_K, W_V, W_O} with their biases. */
        FACTORISED("factorised"),
        /** Per head {@code W_Q W_K^T}, {@code W_K b_Q^T} and {@code W_V W_O}; Theus et al. 2025's circuit mode. */
        CIRCUITS("circuit");

        private final String specName;

        Attention(String specName) {
            this.specName = specName;
        }

        /** {@code factorised} or {@code circuit}, the {@code head_mode} of the tables. */
        @Override
        public String specName() {
            return specName;
        }

        /** The head mode spelled {@code name}; throws naming the allowed values otherwise. */
        public static Attention fromSpecName(String name) {
            return SpecName.parse(Attention.class, name, "head_mode must be one of factorised, circuit, found ");
        }
    }

    public TransformerArchitecture {
        if (task == null || norm == null || nonlinearity == null || pooling == null || attention == null) {
            throw new IllegalArgumentException("task, norm, nonlinearity, pooling and attention are required");
        }
        requirePositive("inputFeatures", inputFeatures);
        requirePositive("tokens", tokens);
        requirePositive("outputs", outputs);
        requirePositive("dModel", dModel);
        requirePositive("layers", layers);
        requirePositive("heads", heads);
        requirePositive("dHead", dHead);
        requirePositive("dMlp", dMlp);
        if ((task == Task.CAUSAL_LM) != (pooling == Pooling.NONE)) {
            throw new IllegalArgumentException("pooling: a language model has pooling NONE and a ViT MEAN or CLASS_TOKEN, found "
                    + task + " with " + pooling);
        }
        if (pooling == Pooling.CLASS_TOKEN && tokens < 2) {
            throw new IllegalArgumentException("tokens: a class token needs at least one more token, found " + tokens);
        }
        if (!(normEpsilon >= 0) || Double.isInfinite(normEpsilon)) {
            throw new IllegalArgumentException("normEpsilon: must be finite and >= 0, found " + normEpsilon);
        }
    }

    private static void requirePositive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + ": must be >= 1, found " + value);
        }
    }

    /**
     * A ViT on {@code side x side} single-channel images cut into {@code patch x patch} patches.
     *
     * @param classes the head's outputs
     */
    public static TransformerArchitecture vit(int side, int patch, int classes, int dModel, int layers, int heads,
            int dHead, int dMlp, Norm norm, Nonlinearity nonlinearity, Pooling pooling) {
        if (patch < 1 || side % patch != 0) {
            throw new IllegalArgumentException("patch: must divide the image side " + side + ", found " + patch);
        }
        if (pooling == Pooling.NONE) {
            throw new IllegalArgumentException("pooling: a ViT pools with MEAN or CLASS_TOKEN, found NONE");
        }
        int patches = (side / patch) * (side / patch);
        return new TransformerArchitecture(Task.VIT, patch * patch, patches + (pooling == Pooling.CLASS_TOKEN ? 1 : 0),
                classes, dModel, layers, heads, dHead, dMlp, norm, nonlinearity, pooling, Attention.FACTORISED,
                DEFAULT_EPSILON);
    }

    /** A causal language model over {@code vocabulary} tokens and sequences of {@code length}. */
    public static TransformerArchitecture causal(int vocabulary, int length, int dModel, int layers, int heads,
            int dHead, int dMlp, Norm norm, Nonlinearity nonlinearity) {
        return new TransformerArchitecture(Task.CAUSAL_LM, vocabulary, length, vocabulary, dModel, layers, heads, dHead,
                dMlp, norm, nonlinearity, Pooling.NONE, Attention.FACTORISED, DEFAULT_EPSILON);
    }

    /** This architecture with another norm (the parameter set changes with it: see {@link NormFolding}). */
    public TransformerArchitecture withNorm(Norm n) {
        return new TransformerArchitecture(task, inputFeatures, tokens, outputs, dModel, layers, heads, dHead, dMlp, n,
                nonlinearity, pooling, attention, normEpsilon);
    }

    /** This architecture with its heads held another way (see {@link CircuitMerging}). */
    public TransformerArchitecture withAttention(Attention a) {
        return new TransformerArchitecture(task, inputFeatures, tokens, outputs, dModel, layers, heads, dHead, dMlp, norm,
                nonlinearity, pooling, a, normEpsilon);
    }

    /** Width of the concatenated heads, {@code H * d_head}. */
    public int attentionWidth() {
        return heads * dHead;
    }

    /** Outputs (rows of logits) per sample: 1 for a ViT, {@code tokens} for a language model. */
    public int outputsPerSample() {
        return task == Task.VIT ? 1 : tokens;
    }

    /** True for causal attention. */
    public boolean causal() {
        return task == Task.CAUSAL_LM;
    }

    /**
     * The label of the tables' {@code architecture} column, e.g.
     * {@code vit[d=32,L=2,H=4,dh=8,mlp=64,p=2,mean,gelu]/rmsnorm} or
     * {@code gpt[d=32,L=2,H=4,dh=8,mlp=64,T=4,V=25,relu]/layernorm}; circuit-mode models end in {@code +circuit}.
     */
    public String label() {
        String sizes = "d=" + dModel + ",L=" + layers + ",H=" + heads + ",dh=" + dHead + ",mlp=" + dMlp;
        String body = task == Task.VIT
                ? "vit[" + sizes + ",p=" + Math.round(Math.sqrt(inputFeatures)) + ","
                        + (pooling == Pooling.MEAN ? "mean" : "cls") + "," + nonlinearity.specName() + "]"
                : "gpt[" + sizes + ",T=" + tokens + ",V=" + inputFeatures + "," + nonlinearity.specName() + "]";
        return body + "/" + norm.specName() + (attention == Attention.CIRCUITS ? "+circuit" : "");
    }
}
