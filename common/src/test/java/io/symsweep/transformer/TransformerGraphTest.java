package io.symsweep.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.params.ParameterSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The SameDiff graph against the plain-Java reference forward, and the parameter round trip. */
class TransformerGraphTest {

    static List<Fixtures.Case> cases() {
        return Fixtures.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theGraphComputesTheReferenceForward(Fixtures.Case c) {
        TransformerModel m = new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 3));
        double[][] graph = new TransformerGraph(m).logits(c.data());
        double[][] reference = ReferenceForward.logits(m, c.data());
        assertTrue(FunctionalEquivalence.relativeError(reference, graph) <= 1e-12,
                "relative logit error " + FunctionalEquivalence.relativeError(reference, graph));
        TransformerModel folded = NormFolding.fold(m);
        double[][] foldedReference = ReferenceForward.logits(folded, c.data());
        assertTrue(FunctionalEquivalence.relativeError(foldedReference, new TransformerGraph(folded).logits(c.data())) <= 1e-12);
    }

    @Test
    void parametersRoundTripThroughTheGraphAndTheHostLossAgreesWithTheGraphLoss() {
        Fixtures.Case c = Fixtures.cases().get(3);
        ParameterSet p = TransformerParameters.random(c.arch(), 4);
        TransformerGraph g = new TransformerGraph(new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 5)));
        g.load(p);
        ParameterSet back = g.export();
        assertEquals(0.0, p.distance(back), 0.0);
        SequenceData d = c.data();
        var arrays = TransformerGraph.lossArrays(d, 0, d.samples());
        double graphLoss = g.sameDiff().output(Map.of(TransformerGraph.INPUT, TransformerGraph.inputArray(d, 0, d.samples()),
                TransformerGraph.LABELS, arrays[0], TransformerGraph.WEIGHTS, arrays[1]), TransformerGraph.LOSS)
                .get(TransformerGraph.LOSS).getDouble(0);
        assertEquals(g.evaluate(d).loss(), graphLoss, 1e-12 * Math.abs(graphLoss));
        assertThrows(IllegalArgumentException.class,
                () -> g.load(TransformerParameters.random(Fixtures.cases().get(2).arch(), 1)));
    }
}
