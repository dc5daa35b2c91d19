package io.symsweep.transformer;

import io.symsweep.connectivity.InterpolationCurve;
import io.symsweep.connectivity.InterpolationProbe;
import io.symsweep.connectivity.ProbeSettings;
import io.symsweep.params.ParameterSet;

/**
 * Losses and accuracies along {@code (1 - l) A + l B'} for two transformers of one architecture, on a training and
 * a test set, through SameDiff: {@link InterpolationProbe}'s grid and refinement along the straight path, with the
 * points evaluated by one {@link TransformerGraph}, returned as its {@link InterpolationCurve}, whose methods give both
 * barrier definitions. Cost: one graph build, then one forward pass of both sets per point.
 */
public final class TransformerInterpolation {

    private TransformerInterpolation() {
    }

    /** The curve from {@code a} ({@code l = 0}) to {@code b} ({@code l = 1}). */
    public static InterpolationCurve probe(TransformerModel a, TransformerModel b, SequenceData train,
            SequenceData test, ProbeSettings settings) {
        if (!a.architecture().equals(b.architecture())) {
            throw new IllegalArgumentException("interpolate one architecture: " + a.architecture().label() + " vs "
                    + b.architecture().label());
        }
        TransformerGraph graph = new TransformerGraph(a);
        ParameterSet pa = a.parameters();
        ParameterSet pb = b.parameters();
        return InterpolationProbe.probe(l -> pa.interpolate(pb, l), p -> evaluate(graph, p, train, test), settings);
    }

    /** {train loss, test loss, train accuracy, test accuracy} at {@code p}. */
    private static double[] evaluate(TransformerGraph graph, ParameterSet p, SequenceData train, SequenceData test) {
        graph.load(p);
        TransformerGraph.Evaluation tr = graph.evaluate(train);
        TransformerGraph.Evaluation te = graph.evaluate(test);
        return new double[] {tr.loss(), te.loss(), tr.accuracy(), te.accuracy()};
    }
}
