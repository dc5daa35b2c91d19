package io.symsweep.transformer;

import io.symsweep.params.ParameterSet;

/**
 * A transformer: its architecture and a parameter set that fits it.
 *
 * @param architecture the shape
 * @param parameters   named as {@link TransformerParameters} says
 */
public record TransformerModel(TransformerArchitecture architecture, ParameterSet parameters)
        implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public TransformerModel {
        TransformerParameters.requireFits(architecture, parameters);
    }
}
