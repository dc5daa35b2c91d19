package io.symsweep.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.model.MlpParameters;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Corollary 4.2 as exact work: a verified path between two minima of one class, a certified crossing between
 * classes, and the count 2^(l-1) from hand-built minima of every class.
 */
class DeepLinearComponentsTest {

    /** Largest loss allowed on a path, relative to ||Y||^2 (the spec default). */
    private static final double PATH_TOLERANCE = 1e-20;
    /** Measured: the loss of f(g(t)) is rounding, ~1e-30 ||Y||^2 on these nets; asserted with a margin. */
    private static final double PATH_LOSS_EXPECTED = 1e-24;
    private static final int GRID = 51;

    @ParameterizedTest(name = "l={0}, h={1}")
    @CsvSource({"2, 1", "2, 2", "3, 3", "4, 2", "5, 4"})
    void twoMinimaOfOneClassAreJoinedByAPathOnTheMinimum(int l, int h) {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(h, 5L * l + h), l);
        SplittableRandom rng = new SplittableRandom(31L * l + h);
        for (SignPattern p : Fixtures.allPatterns(l - 1)) {
            ClassifiedMinimum a = ClassifiedMinimum.of(f, Fixtures.minimum(f, p, rng));
            ClassifiedMinimum b = ClassifiedMinimum.of(f, Fixtures.minimum(f, p, rng));
            PathCheck check = MinimumPath.check(f, a, b, GRID, PATH_TOLERANCE * f.yNorm2());
            assertTrue(check.verified(), p.label() + ": " + check);
            assertTrue(check.signsKept());
            assertTrue(check.maxLoss() <= PATH_LOSS_EXPECTED * f.yNorm2(), p.label() + ": " + check.maxLoss());
            assertEquals(GRID + 4, check.points());
        }
    }

    @Test
    void aPathFromAPointOffTheMinimumFails() {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(2, 1), 3);
        SplittableRandom rng = new SplittableRandom(2);
        SignPattern p = SignPattern.parse("+-");
        MlpParameters w = Fixtures.minimum(f, p, rng);
        // Scaling W_3 by 1 + 1e-5 leaves the class but lifts the loss to about 1e-10 ||Y||^2.
        MlpParameters off = w.scaleLayer(3, 1 + 1e-5);
        PathCheck check = MinimumPath.check(f, ClassifiedMinimum.of(f, off),
                ClassifiedMinimum.of(f, Fixtures.minimum(f, p, rng)), GRID, PATH_TOLERANCE * f.yNorm2());
        assertTrue(check.signsKept());
        assertTrue(check.maxLoss() > 1e-12 * f.yNorm2());
        assertTrue(!check.verified());
    }

    @ParameterizedTest(name = "l={0}, h={1}")
    @CsvSource({"2, 1", "2, 3", "3, 2", "4, 4"})
    void minimaOfDifferentClassesAreSeparatedByACertifiedCrossing(int l, int h) {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(h, 3L * l + h), l);
        List<MlpParameters> minima = Fixtures.oneMinimumPerClass(f, new SplittableRandom(17L * l + h));
        ClassifiedMinimum first = ClassifiedMinimum.of(f, minima.get(0));
        for (MlpParameters w : minima.subList(1, minima.size())) {
            ClassifiedMinimum b = ClassifiedMinimum.of(f, w);
            CrossingCertificate c = CrossingCertificate.linear(f, first, b);
            assertTrue(c.certified(), b.pattern().label() + ": " + c);
            assertTrue(c.t() > 0 && c.t() < 1);
            assertEquals(f.singularLossBound(), c.bound());
            // At the crossing the product is singular: Eckart-Young's bound holds to rounding.
            assertTrue(c.loss() >= f.singularLossBound() * (1 - 1e-10), c.toString());
        }
    }

    /** h = 1: at the crossing the output is exactly 0, so the loss equals the bound Y^2. */
    @Test
    void aOneDimensionalCrossingMeetsTheBoundExactly() {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(1, new double[] {1}, new double[] {2}), 2);
        ClassifiedMinimum a = ClassifiedMinimum.of(f, new MlpParameters(f.architecture(),
                new double[][] {{1}, {2}}));
        ClassifiedMinimum b = ClassifiedMinimum.of(f, new MlpParameters(f.architecture(),
                new double[][] {{-4}, {-0.5}}));
        CrossingCertificate c = CrossingCertificate.linear(f, a, b);
        assertEquals("det(W_1 X)", c.vanishing());
        assertEquals(1.0 / 5, c.t(), 1e-15);
        assertEquals(4.0, c.loss(), 1e-12);
        assertTrue(c.certified());
    }

    @ParameterizedTest(name = "l={0}, h={1}")
    @CsvSource({"2, 2", "3, 1", "3, 3", "4, 2"})
    void handBuiltMinimaOfEveryClassCount2ToTheLMinus1(int l, int h) {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(h, 7L * l + h), l);
        SplittableRandom rng = new SplittableRandom(l * 13L + h);
        List<TrainingResult> runs = new ArrayList<>();
        for (int copy = 0; copy < 2; copy++) {
            for (MlpParameters w : Fixtures.oneMinimumPerClass(f, rng)) {
                runs.add(Fixtures.converged(f, w));
            }
        }
        runs.add(new TrainingResult(runs.get(0).weights(), 10, 1.0, TrainingStatus.NOT_CONVERGED, 0));
        int classes = SignPattern.count(l - 1);
        ComponentSurvey s = DeepLinearComponents.survey(f, runs, false, GRID, PATH_TOLERANCE * f.yNorm2());
        assertEquals(SurveyStatus.OK, s.status());
        assertEquals(classes, s.componentsMeasured());
        assertEquals(classes, s.componentsPredicted());
        assertEquals(classes, s.classesFound());
        assertEquals(2 * classes, s.converged());
        assertEquals(classes, s.pathsVerified(), "one path per second member");
        assertEquals(0, s.pathsFailed());
        assertEquals(classes * (classes - 1) / 2, s.crossingsCertified());
        assertTrue(s.minLossAtCrossings() >= s.crossingBound() * (1 - CrossingCertificate.RELATIVE_SLACK));
        // Both copies of a class share its component; the unconverged run has none.
        for (int k = 0; k < classes; k++) {
            assertEquals(s.outcomes().get(k).component(), s.outcomes().get(k + classes).component());
            assertEquals(k, s.outcomes().get(k).component());
        }
        assertNull(s.outcomes().get(2 * classes).component());
    }

    @Test
    void aMissingClassIsReportedAsIncompleteSamplingNotAsASmallerCount() {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(2, 9), 3);
        SplittableRandom rng = new SplittableRandom(9);
        List<TrainingResult> runs = new ArrayList<>();
        for (String label : List.of("++", "+-", "-+", "++")) {
            runs.add(Fixtures.converged(f, Fixtures.minimum(f, SignPattern.parse(label), rng)));
        }
        ComponentSurvey s = DeepLinearComponents.survey(f, runs, false, GRID, PATH_TOLERANCE * f.yNorm2());
        assertEquals(SurveyStatus.INCOMPLETE_SAMPLING, s.status());
        assertNull(s.componentsMeasured());
        assertEquals(3, s.componentsVerified());
        assertEquals(3, s.classesFound());
        assertEquals(4, s.componentsPredicted());
    }

    /** A tolerance at the barrier could let a path pass between classes: nothing is counted. */
    @Test
    void aToleranceAboveTheBarrierProvesNothing() {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(2, 9), 2);
        SplittableRandom rng = new SplittableRandom(4);
        List<TrainingResult> runs = List.of(Fixtures.converged(f, Fixtures.minimum(f, SignPattern.parse("+"), rng)),
                Fixtures.converged(f, Fixtures.minimum(f, SignPattern.parse("-"), rng)));
        ComponentSurvey s = DeepLinearComponents.survey(f, runs, false, GRID, f.singularLossBound());
        assertEquals(SurveyStatus.TOLERANCE_ABOVE_BARRIER, s.status());
        assertNull(s.componentsMeasured());
        assertEquals(0, s.pathsVerified() + s.pathsFailed() + s.crossingsCertified());
    }

    @Test
    void noConvergedRunMeansNoMinima() {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(2, 9), 2);
        MlpParameters w = Fixtures.minimum(f, SignPattern.parse("+"), new SplittableRandom(1));
        ComponentSurvey s = DeepLinearComponents.survey(f,
                List.of(new TrainingResult(w, 5, Double.NaN, TrainingStatus.DIVERGED, 0)), false, GRID, 1e-20);
        assertEquals(SurveyStatus.NO_MINIMA, s.status());
        assertEquals(0, s.converged());
        assertTrue(Double.isNaN(s.maxLossWithinPaths()));
        assertThrows(IllegalArgumentException.class, () -> DeepLinearComponents.survey(
                new MinimumHomeomorphism(Fixtures.data(1, 2), 3), List.of(), true, GRID, 1e-20));
    }
}
