package io.symsweep.table;

import java.io.Serializable;

/**
 * One trained model of the {@code alignment} kind: a row of {@link #TABLE}.
 */
@Columns("""
        family: model family: mlp (transformer families write the same table)
        dataset: the data: digits, teacher or file:PATH
        data_hash: SHA-256 of the train/test split the model was trained and evaluated on (DataSplit.contentHash: each
            half's features as little-endian float64, then its labels as int32 or targets as float64)
        data_recipe: how to rebuild the split from what this row holds (with config)
        train_indices?: rows of the source data in the training half, in order (digits: of the bundled 1797 images;
            file: of the file); null for generated data
        test_indices?: rows of the source data in the test half; null for generated data
        train_x?: generated data (teacher) small enough to store: training features, samples x features row-major; null
            otherwise
        train_y?: its labels (as numbers) or targets (samples x outputs row-major)
        test_x?: test features, as train_x
        test_y?: test labels or targets, as train_y
        architecture: the network, e.g. mlp[64,32,32,10]/relu+bias/classification
        width: widest hidden layer
        engine: what trained it: dl4j
        parameter_layout: names and shapes of the parameters in order, e.g. layer1.weight[32,64],layer1.bias[32],...
            (layer l computes W_l h + b_l, W_l of shape [n_l, n_(l-1)])
        weights: the trained parameters: element i is tensor i of parameter_layout, row-major
        train_loss: loss on the training half (softmax cross-entropy, or mean squared error over samples and outputs)
        test_loss: loss on the test half
        train_accuracy: accuracy on the training half (null for regression)
        test_accuracy: accuracy on the test half (null for regression)
        epoch_losses: DL4J's mean mini-batch score of each epoch (with the weight-decay term)
        steps: optimiser updates applied
        train_seconds: wall-clock training time (the only non-reproducible column)
        status: TRAINED or DIVERGED (a score or a weight became non-finite; training stopped there)
        """)
public record ModelRow(Provenance provenance, String family, String dataset, String dataHash, String dataRecipe,
        int[] trainIndices, int[] testIndices, double[] trainX, double[] trainY, double[] testX, double[] testY,
        String architecture, int width, String engine, String parameterLayout, double[][] weights, double trainLoss,
        double testLoss, Double trainAccuracy, Double testAccuracy, double[] epochLosses, long steps,
        double trainSeconds, Status status) implements Serializable {

    /** The table of these rows. */
    public static final Table<ModelRow> TABLE = RecordTable.of("models", 1,
            "one row per trained model of the alignment kind; each is trained once and shared by its pairs and merges",
            ModelRow.class);

    /** How training ended. */
    public enum Status {
        TRAINED, DIVERGED
    }
}
