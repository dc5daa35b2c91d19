package io.symsweep.data;

/**
 * A training set and a held-out test set of the same task, dimension and outputs.
 *
 * @param train what models are trained on
 * @param test  held out, for test losses and equivalence checks
 */
public record DataSplit(SupervisedData train, SupervisedData test) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public DataSplit {
        if (train == null || test == null) {
            throw new IllegalArgumentException("a split needs a train and a test set");
        }
        if (train.task() != test.task() || train.dimension() != test.dimension() || train.outputs() != test.outputs()) {
            throw new IllegalArgumentException("train and test differ: " + train.task() + "/" + train.dimension() + "/"
                    + train.outputs() + " vs " + test.task() + "/" + test.dimension() + "/" + test.outputs());
        }
    }

    /** The digits, split by {@link LabelledData#stratifiedSplit} (the default: 360 test samples). */
    public static DataSplit digits(int testSize, long seed) {
        LabelledData.Split s = Digits.load().stratifiedSplit(testSize, seed);
        return new DataSplit(SupervisedData.of(s.train()), SupervisedData.of(s.test()));
    }

    /** A seeded stratified split (classification) or a seeded uniform split (regression) of {@code all}. */
    public static DataSplit of(SupervisedData all, int testSize, long seed) {
        int[][] idx = splitIndices(all, testSize, seed);
        return new DataSplit(all.subset(idx[0]), all.subset(idx[1]));
    }

    /**
     * The rows of {@code all} in each half of {@link #of}: {@code {train, test}}, each in file order. Classification:
     * {@link LabelledData#stratifiedSplit}; regression: a Fisher-Yates shuffle of the row indices from
     * {@code SplittableRandom(seed)}, whose first {@code testSize} rows are the test set.
     */
    public static int[][] splitIndices(SupervisedData all, int testSize, long seed) {
        if (all.task() == Task.CLASSIFICATION) {
            LabelledData.Split s = new LabelledData(all.features(), all.labels(), all.outputs()).stratifiedSplit(testSize,
                    seed);
            return new int[][] {s.trainIndices(), s.testIndices()};
        }
        if (testSize < 1 || testSize >= all.size()) {
            throw new IllegalArgumentException("test size must be between 1 and " + (all.size() - 1) + ", found "
                    + testSize);
        }
        int n = all.size();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        boolean[] inTest = new boolean[n];
        for (int k = 0; k < testSize; k++) {
            inTest[idx[k]] = true;
        }
        int[] train = new int[n - testSize];
        int[] test = new int[testSize];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (inTest[i]) {
                test[b++] = i;
            } else {
                train[a++] = i;
            }
        }
        return new int[][] {train, test};
    }

    /**
     * The SHA-256 of the split's contents, in hex: the bytes of {@code "train"}, the training features row-major as
     * little-endian float64, its labels as little-endian int32 (classification) or targets row-major as float64
     * (regression), then {@code "test"} and the same of the test set. In numpy: {@code sha256(b"train" +
     * X.astype("<f8").tobytes() + y.astype("<i4").tobytes() + b"test" + ...)}.
     */
    public String contentHash() {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            digest(md, "train", train);
            digest(md, "test", test);
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static void digest(java.security.MessageDigest md, String tag, SupervisedData d) {
        md.update(tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * Math.max(d.dimension(), d.outputs()))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < d.size(); i++) {
            b.clear();
            for (double v : d.featureRow(i)) {
                b.putDouble(v);
            }
            md.update(b.array(), 0, b.position());
        }
        for (int i = 0; i < d.size(); i++) {
            b.clear();
            if (d.task() == Task.CLASSIFICATION) {
                b.putInt(d.label(i));
            } else {
                for (double v : d.target(i)) {
                    b.putDouble(v);
                }
            }
            md.update(b.array(), 0, b.position());
        }
    }
}
