package io.symsweep.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.experiment.LinearComponentCount;
import io.symsweep.experiment.Experiments;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.sweep.Configuration;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The count by pulled-back paths and union-find, on minima trained as {@code components} trains them (real
 * gradient descent and polishing from seeded initialisations). Proposition 4.1's sign patterns are the oracle
 * here only: the count must equal {@code 2^(l-1)}, and no component may hold two sign patterns.
 */
class PathComponentCountTest {

    static final String SPEC = """
            name: t
            kind: components
            architecture: {type: linear, layers: %d, width: %d}
            sampling: {samples: %d}
            seeds: 0
            """;

    @ParameterizedTest(name = "l = {0}, h = {1}, {2} samples")
    @CsvSource({"2,1,40", "2,2,40", "3,1,60", "3,2,80", "4,1,100", "3,3,80"})
    void findsTwoToTheLMinusOneComponentsAndNeverJoinsTwoSignClasses(int l, int h, int samples) {
        Configuration c = Experiments.reader().parse(SPEC.formatted(l, h, samples)).configurations().get(0);
        LinearComponentCount.Settings settings = LinearComponentCount.Settings.parse(c);
        RegressionData data = LinearComponentCount.data(settings);
        MinimumHomeomorphism oracle = new MinimumHomeomorphism(data, l);
        List<MlpParameters> minima = new ArrayList<>();
        for (int k = 0; k < samples; k++) {
            TrainingResult r = LinearComponentCount.train(settings, oracle.architecture(), data, k).result();
            if (r.status() == TrainingStatus.CONVERGED) {
                minima.add(r.weights());
            }
        }
        assertTrue(minima.size() >= samples * 9 / 10, minima.size() + " of " + samples + " converged");
        PathComponentCount.Result r = PathComponentCount.count(minima, data, PathComponentCount.defaults(minima, data),
                PathComponentCount.DEFAULT_ATTEMPTS_PER_SET_PAIR);

        Map<Integer, Set<SignPattern>> patternsOf = new HashMap<>();
        Set<SignPattern> sampled = new HashSet<>();
        for (int k = 0; k < minima.size(); k++) {
            SignPattern p = oracle.signPattern(minima.get(k));
            sampled.add(p);
            patternsOf.computeIfAbsent(r.labels().get(k), x -> new HashSet<>()).add(p);
        }
        assertEquals(1 << (l - 1), sampled.size(), "the samples must reach every class for the count to be exact");
        for (Map.Entry<Integer, Set<SignPattern>> e : patternsOf.entrySet()) {
            assertEquals(1, e.getValue().size(), "component " + e.getKey() + " joins classes " + e.getValue());
        }
        assertEquals(1 << (l - 1), r.components());
        assertEquals(minima.size() - r.components(), r.joins(), "each join merges two sets");
        assertTrue(r.maxLossOnJoins() <= 1e-4 * data.yNorm2() && r.maxLossOnJoins() > 0);
        System.out.printf("path count l=%d h=%d: %d minima, %d components, %d pull-backs (%d joined), "
                + "%.2f ms per pull-back, %d retractions%n", l, h, minima.size(), r.components(), r.attempts(),
                r.joins(), 1e3 * r.secondsPerAttempt(), r.retractions());
    }

    @Test
    void aPullBackJoinsTwoPointsOfOneClassAndNotOfTwo() {
        RegressionData data = Fixtures.data(2, 11);
        List<MlpParameters> minima = threeLayerMinima(data, "+-", "+-", "--");
        MlpParameters a = minima.get(0);
        MlpParameters sameClass = minima.get(1);
        MlpParameters otherClass = minima.get(2);
        RetractedPath.Settings s = PathComponentCount.defaults(List.of(a, sameClass, otherClass), data);

        RetractedPath.Outcome joined = RetractedPath.pullBack(a, sameClass, data, s);
        assertTrue(joined.joined(), joined.toString());
        assertTrue(joined.pieces() > 1 && joined.maxLoss() <= s.pathTolerance());
        RetractedPath.Outcome apart = RetractedPath.pullBack(a, otherClass, data, s);
        assertFalse(apart.joined(), apart.toString());
        // The straight segment itself is far above the tolerance: the pull-back is what keeps the path low.
        double straight = new io.symsweep.engine.DenseEngine().loss(a.interpolate(sameClass, 0.5), data);
        assertTrue(straight > 10 * s.pathTolerance(), "straight midpoint loss " + straight);
    }

    @Test
    void aWalkTowardsAnotherClassEndsStalledAndEarlierThanWithoutTheTest() {
        RegressionData data = Fixtures.data(2, 11);
        List<MlpParameters> minima = threeLayerMinima(data, "+-", "--");
        MlpParameters a = minima.get(0);
        MlpParameters otherClass = minima.get(1);
        RetractedPath.Settings s = PathComponentCount.defaults(List.of(a, otherClass), data);
        RetractedPath.Settings never = new RetractedPath.Settings(s.pointTolerance(), s.pathTolerance(), s.maxPiece(),
                s.maxDepth(), s.polishSteps(), s.checkPoints(), 0);

        RetractedPath.Outcome stalled = RetractedPath.pullBack(a, otherClass, data, s);
        RetractedPath.Outcome budget = RetractedPath.pullBack(a, otherClass, data, never);
        assertFalse(stalled.joined());
        assertTrue(stalled.stalled(), stalled.toString());
        assertFalse(budget.joined());
        assertFalse(budget.stalled(), "minMovement 0 never stalls: " + budget);
        assertTrue(stalled.retractions() < budget.retractions(), stalled + " against " + budget);
        System.out.printf("failing walk: %d retractions stalled, %d without the stall test%n", stalled.retractions(),
                budget.retractions());
    }

    @Test
    void identicalPointsAreOneComponentWithoutAnAttemptLeft() {
        RegressionData data = Fixtures.data(1, 3);
        MinimumHomeomorphism f = new MinimumHomeomorphism(data, 2);
        MlpParameters a = Fixtures.minimum(f, SignPattern.parse("+"), new SplittableRandom(1));
        PathComponentCount.Result r = PathComponentCount.count(List.of(a, a), data,
                PathComponentCount.defaults(List.of(a), data), 1);
        assertEquals(1, r.components());
        assertEquals(1, r.attempts());
    }

    /** Minima of the 3-layer linear network on {@code data}, one of each sign pattern in turn, drawn from seed 5. */
    private static List<MlpParameters> threeLayerMinima(RegressionData data, String... patterns) {
        MinimumHomeomorphism f = new MinimumHomeomorphism(data, 3);
        SplittableRandom rng = new SplittableRandom(5);
        List<MlpParameters> minima = new ArrayList<>();
        for (String pattern : patterns) {
            minima.add(Fixtures.minimum(f, SignPattern.parse(pattern), rng));
        }
        return minima;
    }
}
