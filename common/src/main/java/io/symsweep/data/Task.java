package io.symsweep.data;

import java.util.Locale;

/** What a model predicts: a class label (softmax cross-entropy, accuracy) or real targets (mean squared error). */
public enum Task {
    /** Labels {@code 0..classes-1}; loss: softmax cross-entropy averaged over samples. */
    CLASSIFICATION,
    /** Real targets; loss: squared error averaged over samples and outputs (DL4J's {@code LossMSE}). */
    REGRESSION;

    /** {@code classification} or {@code regression}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The task spelled {@code name} in a spec; throws naming the allowed values otherwise. */
    public static Task fromSpecName(String name) {
        for (Task t : values()) {
            if (t.specName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("task must be classification or regression, found " + name);
    }
}
