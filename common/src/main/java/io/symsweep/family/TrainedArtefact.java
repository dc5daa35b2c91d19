package io.symsweep.family;

import io.symsweep.params.ParameterSet;

/**
 * One trained model, as a family hands it to the {@code models} table: its parameters and what describes them.
 *
 * @param architecture the family's label of the architecture, e.g. {@code mlp[64,32,32,10]/relu+bias/classification}
 * @param width        the widest hidden layer (an MLP's), or the family's width ({@code d_model})
 * @param engine       what trained it, e.g. {@code dl4j}
 * @param parameters   the trained parameters, in the family's order
 * @param evaluation   loss and accuracy on both halves of the split, at {@code parameters}
 * @param epochLosses  the mean training objective of each epoch, as the engine reported it
 * @param steps        updates applied
 * @param seconds      wall-clock training time
 * @param diverged     true when a loss or a weight became non-finite (training stopped there)
 */
public record TrainedArtefact(String architecture, int width, String engine, ParameterSet parameters,
        SplitEvaluation evaluation, double[] epochLosses, long steps, double seconds, boolean diverged) {

    public TrainedArtefact {
        epochLosses = epochLosses.clone();
    }

    @Override
    public double[] epochLosses() {
        return epochLosses.clone();
    }
}
