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

    /** One case per family, covering both norms, both activations, both poolings. */
    static List<Fixtures.Case> gradientCases() {
        List<Fixtures.Case> all = Fixtures.cases();
        return List.of(all.get(0), all.get(3), all.get(5), all.get(6));
    }

    @ParameterizedTest
    @MethodSource("gradientCases")
    void samediffGradientsAgreeWithCentralDifferencesOfTheHostLoss(Fixtures.Case c) {
        ParameterSet p = TransformerParameters.random(c.arch(), 6);
        TransformerGraph g = new TransformerGraph(new TransformerModel(c.arch(), p));
        TransformerGraph.LossGradient lg = g.lossAndGradient(c.data());
        assertEquals(g.evaluate(c.data()).loss(), lg.loss(), 1e-12 * lg.loss());
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        double h = 1e-5;
        for (String name : p.names()) {
            io.symsweep.params.Tensor t = p.get(name);
            int k = rng.nextInt(t.size());
            double[] plus = t.data();
            double[] minus = t.data();
            plus[k] += h;
            minus[k] -= h;
            double lp = g.evaluate(p.with(name, new io.symsweep.params.Tensor(t.shape(), plus)), c.data()).loss();
            double lm = g.evaluate(p.with(name, new io.symsweep.params.Tensor(t.shape(), minus)), c.data()).loss();
            double numeric = (lp - lm) / (2 * h);
            double analytic = lg.gradient().get(name).at(k);
            assertEquals(numeric, analytic, 1e-7 + 1e-5 * Math.abs(numeric), name + "[" + k + "]");
        }
    }
}
