package io.symsweep.mlp;

import io.symsweep.params.ParameterSet;

/**
 * One trained MLP: the artefact of the {@code models} table (everything but the ids the adapter adds). Losses are
 * the data losses of {@link MlpForward} on the final parameters (no weight-decay term); accuracies are NaN for
 * regression (null in the table).
 *
 * @param spec          the architecture
 * @param training      how it was trained
 * @param seed          the seed of its initialisation and mini-batch order
 * @param parameters    the final weights
 * @param trainLoss     loss on the training set
 * @param testLoss      loss on the test set
 * @param trainAccuracy accuracy on the training set
 * @param testAccuracy  accuracy on the test set
 * @param epochLosses   the mean DL4J mini-batch score of each epoch (includes the weight-decay term)
 * @param steps         updates applied
 * @param seconds       wall-clock training time
 * @param status        {@link Status#TRAINED} or {@link Status#DIVERGED}
 */
public record TrainedModel(MlpSpec spec, TrainingSpec training, long seed, ParameterSet parameters, double trainLoss,
        double testLoss, double trainAccuracy, double testAccuracy, double[] epochLosses, long steps, double seconds,
        Status status) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** How training ended. */
    public enum Status {
        /** All epochs ran and every score stayed finite. */
        TRAINED,
        /** A mini-batch score or a weight became non-finite; training stopped there. */
        DIVERGED
    }

    public TrainedModel {
        if (spec == null || parameters == null || status == null) {
            throw new IllegalArgumentException("a trained model needs a spec, parameters and a status");
        }
        spec.requireFits(parameters);
        epochLosses = epochLosses.clone();
    }

    @Override
    public double[] epochLosses() {
        return epochLosses.clone();
    }

    /** A model given directly by its parameters (planted or hand-built), with its losses on nothing: NaN. */
    public static TrainedModel of(MlpSpec spec, ParameterSet parameters) {
        return new TrainedModel(spec, null, 0, parameters, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                new double[0], 0, 0, Status.TRAINED);
    }
}
