package io.symsweep.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.data.SupervisedData;
import io.symsweep.mlp.MlpFixtures;
import io.symsweep.mlp.MlpForward;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.UnitTransform;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** REPAIR's statistics, and the transform JSON's round trip. */
class RepairAndJsonTest {

    @Test
    void repairSetsEveryHiddenUnitToTheInterpolatedStatistics() {
        SplittableRandom rng = new SplittableRandom(5);
        MlpSpec spec = AlignmentFixtures.specFor(SymmetryClass.PERMUTATION_SCALING, 20);
        ParameterSet a = MlpFixtures.randomParameters(spec, rng);
        ParameterSet b = MlpFixtures.randomParameters(spec, rng);
        SupervisedData d = MlpFixtures.randomData(spec, 300, rng);
        double[] x = d.featuresRowMajor();
        Repair r = Repair.prepare(spec, a, b, x, d.size());
        assertSame(a, r.at(0));
        assertSame(b, r.at(1));
        double lambda = 0.3;
        MlpForward.Trace ta = MlpForward.trace(spec, a, x, d.size());
        MlpForward.Trace tb = MlpForward.trace(spec, b, x, d.size());
        MlpForward.Trace tr = MlpForward.trace(spec, r.at(lambda), x, d.size());
        MlpForward.Trace plain = MlpForward.trace(spec, a.interpolate(b, lambda), x, d.size());
        double plainGap = 0;
        for (int l = 1; l < spec.layers(); l++) {
            int h = spec.width(l);
            double[][] sa = Repair.moments(ta.pre(l), d.size(), h);
            double[][] sb = Repair.moments(tb.pre(l), d.size(), h);
            double[][] sr = Repair.moments(tr.pre(l), d.size(), h);
            double[][] sp = Repair.moments(plain.pre(l), d.size(), h);
            for (int i = 0; i < h; i++) {
                double mean = (1 - lambda) * sa[0][i] + lambda * sb[0][i];
                double sd = (1 - lambda) * sa[1][i] + lambda * sb[1][i];
                assertEquals(mean, sr[0][i], 1e-10 * (1 + Math.abs(mean)), "layer " + l + " unit " + i);
                assertEquals(sd, sr[1][i], 1e-10 * sd, "layer " + l + " unit " + i);
                plainGap = Math.max(plainGap, Math.abs(sp[1][i] - sd) / sd);
            }
        }
        assertTrue(plainGap > 0.05, "without REPAIR the interpolated statistics differ (variance collapse): " + plainGap);
    }

    @Test
    void repairOfIdenticalEndpointsIsTheEndpoint() {
        SplittableRandom rng = new SplittableRandom(6);
        MlpSpec spec = AlignmentFixtures.specFor(SymmetryClass.PERMUTATION_SCALING, 12);
        ParameterSet a = MlpFixtures.randomParameters(spec, rng);
        SupervisedData d = MlpFixtures.randomData(spec, 100, rng);
        ParameterSet mid = Repair.prepare(spec, a, a, d.featuresRowMajor(), d.size()).at(0.5);
        assertTrue(a.distance(mid) <= 1e-12 * AlignerContractTest.norm(a));
    }

    @Test
    void transformsRoundTripThroughJson() {
        SplittableRandom rng = new SplittableRandom(7);
        Map<String, UnitTransform> t = new LinkedHashMap<>();
        t.put("hidden1", AlignmentFixtures.plant(SymmetryClass.PERMUTATION, 6, 6, rng));
        t.put("hidden2", AlignmentFixtures.plant(SymmetryClass.PERMUTATION_SCALING, 5, 5, rng));
        t.put("hidden3", AlignmentFixtures.plant(SymmetryClass.INVERTIBLE, 4, 4, rng));
        t.put("hidden4", AlignmentFixtures.plant(SymmetryClass.SEMI_PERMUTATION, 3, 5, rng));
        String json = TransformJson.write(t);
        assertTrue(json.startsWith("{\"hidden1\":{\"class\":\"permutation\",\"images\":["), json);
        assertTrue(!json.substring(0, json.indexOf("hidden2")).contains("scales"), "a permutation has no scales");
        Map<String, UnitTransform> back = TransformJson.read(json);
        assertEquals(t.keySet(), back.keySet());
        for (String k : t.keySet()) {
            assertEquals(t.get(k).symmetryClass(), back.get(k).symmetryClass());
            double[][] f = t.get(k).forward();
            double[][] g = back.get(k).forward();
            for (int i = 0; i < f.length; i++) {
                assertArrayEquals(f[i], g[i], 0.0, k);
            }
            double[][] b = t.get(k).backward();
            double[][] c = back.get(k).backward();
            for (int i = 0; i < b.length; i++) {
                assertArrayEquals(b[i], c[i], Math.ulp(10.0) * 4, k);
            }
        }
    }
}
