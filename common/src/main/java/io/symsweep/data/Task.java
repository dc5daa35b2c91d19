package io.symsweep.data;

import io.symsweep.naming.SpecName;

/** What a model predicts: a class label (softmax cross-entropy, accuracy) or real targets (mean squared error). */
public enum Task implements SpecName {
    /** Labels {@code 0..classes-1}; loss: softmax cross-entropy averaged over samples. */
    CLASSIFICATION,
    /** Real targets; loss: squared error averaged over samples and outputs (DL4J's {@code LossMSE}). */
    REGRESSION;

    /** The task spelled {@code name} in a spec; throws naming the allowed values otherwise. */
    public static Task fromSpecName(String name) {
        return SpecName.parse(Task.class, name, "task must be classification or regression, found ");
    }
}
