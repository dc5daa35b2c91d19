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
        if (all.task() == Task.CLASSIFICATION) {
            LabelledData.Split s = new LabelledData(all.features(), all.labels(), all.outputs()).stratifiedSplit(testSize,
                    seed);
            return new DataSplit(all.subset(s.trainIndices()), all.subset(s.testIndices()));
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
        return new DataSplit(all.subset(train), all.subset(test));
    }
}
