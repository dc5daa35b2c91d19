package io.symsweep.family;

/**
 * A parameter set's loss and accuracy on both halves of a split; accuracies are NaN for regression, losses NaN when
 * an output is not finite.
 */
public record SplitEvaluation(double trainLoss, double testLoss, double trainAccuracy, double testAccuracy)
        implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** {@code {trainLoss, testLoss, trainAccuracy, testAccuracy}}. */
    public double[] toArray() {
        return new double[] {trainLoss, testLoss, trainAccuracy, testAccuracy};
    }
}
