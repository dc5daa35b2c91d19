package io.symsweep.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.UnitTransform;
import io.symsweep.transformer.TransformerArchitecture.Attention;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The learned method's SameDiff graph of the loss at {@code (1 - l) A + l T.B}, held to the host: its loss equals
 * the loss of the host-built {@code SymmetryDeclaration.apply} interpolation evaluated by {@link TransformerGraph},
 * and its gradient with respect to every site's transform (permutation and orthogonal sites as dense matrices,
 * per-head invertible maps through their inverse) equals central differences of that host loss.
 */
class TransformGradientTest {

    @ParameterizedTest
    @EnumSource(Attention.class)
    void lossAndTransformGradientsAgreeWithTheHost(Attention mode) {
        TransformerAlignerContractTest.Case c = TransformerAlignerContractTest.gpt(12, 3);
        TransformerModel a = TransformerAligners.parametrised(
                new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 61)), mode);
        TransformerModel b = TransformerAligners.parametrised(
                new TransformerModel(c.arch(), TransformerParameters.random(c.arch(), 62)), mode);
        TransformerArchitecture arch = a.architecture();
        Map<String, SymmetryClass> sites = TransformerLearnedMatching.learnedSites(arch,
                TransformerClassSet.PERMUTATION_ORTHOGONAL_INVERTIBLE, mode);
        assertEquals(mode == Attention.FACTORISED, sites.containsValue(SymmetryClass.INVERTIBLE));
        // generic dense matrices near the group elements, so that no entry's derivative is special
        SplittableRandom rng = new SplittableRandom(63);
        Map<String, double[][]> t = new LinkedHashMap<>();
        sites.forEach((site, k) -> {
            int n = TransformerSymmetries.declaration(arch).site(site).size();
            double[][] f = (k == SymmetryClass.INVERTIBLE ? PlantedTransforms.invertible(n, rng)
                    : k == SymmetryClass.ORTHOGONAL ? PlantedTransforms.orthogonal(n, rng)
                    : PlantedTransforms.permutation(n, rng)).forward();
            for (double[] row : f) {
                for (int j = 0; j < n; j++) {
                    row[j] += 0.05 * TransformerParameters.gaussian(rng);
                }
            }
            t.put(site, f);
        });
        double lambda = 0.45;
        TransformGradient graph = new TransformGradient(a, b, sites);
        TransformGradient.Result r = graph.lossAndGradient(t, c.train(), lambda);
        assertEquals(hostLoss(a, b, sites, t, lambda, c.train()), r.loss(), 1e-12 * r.loss());
        double h = 1e-6;
        for (Map.Entry<String, SymmetryClass> e : sites.entrySet()) {
            double[][] f = t.get(e.getKey());
            for (int trial = 0; trial < 2; trial++) {
                int i = rng.nextInt(f.length);
                int j = rng.nextInt(f.length);
                double keep = f[i][j];
                f[i][j] = keep + h;
                double plus = hostLoss(a, b, sites, t, lambda, c.train());
                f[i][j] = keep - h;
                double minus = hostLoss(a, b, sites, t, lambda, c.train());
                f[i][j] = keep;
                double numeric = (plus - minus) / (2 * h);
                double analytic = r.gradient().get(e.getKey())[i][j];
                assertEquals(numeric, analytic, 1e-7 + 1e-5 * Math.abs(numeric), e.getKey() + "[" + i + "][" + j + "]");
            }
        }
        assertTrue(graph.opCount() > 0);
    }

    /**
     * The same loss on the host: B moved by {@code SymmetryDeclaration.apply} with each matrix as a transform whose
     * input-side matrix is {@code F} (permutation and orthogonal sites, {@code backward = F^T}) or {@code F^-T}.
     */
    static double hostLoss(TransformerModel a, TransformerModel b, Map<String, SymmetryClass> sites,
            Map<String, double[][]> t, double lambda, SequenceData data) {
        SymmetryDeclaration d = TransformerSymmetries.declaration(b.architecture());
        Map<String, UnitTransform> u = new LinkedHashMap<>();
        sites.forEach((site, k) -> {
            double[][] f = t.get(site);
            u.put(site, new UnitTransform(k, f, k == SymmetryClass.INVERTIBLE ? Dense.inverse(f) : Dense.transpose(f)));
        });
        return new TransformerGraph(a).evaluate(a.parameters().interpolate(d.apply(b.parameters(), u), lambda), data)
                .loss();
    }
}
