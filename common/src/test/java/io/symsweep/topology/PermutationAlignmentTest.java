package io.symsweep.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.model.MlpParameters;
import io.symsweep.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lemma 5.1 and Proposition 5.2: the proof's permutations bring every minimum into one component. */
class PermutationAlignmentTest {

    private static final double PATH_TOLERANCE = 1e-20;
    /** Permuting hidden units reorders the sums of the product: the loss changes by rounding only. */
    private static final double LOSS_INVARIANCE = 1e-24;
    private static final int GRID = 41;

    /** Appendix D's example: (I, I) and (diag(1,-1), diag(1,-1)) lie in different components; one swap joins them. */
    @Test
    void lemma51Example() {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(2, new double[] {1, 0, 0, 1},
                new double[] {1, 0, 0, 1}), 2);
        MlpParameters w = new MlpParameters(f.architecture(), new double[][] {{1, 0, 0, 1}, {1, 0, 0, 1}});
        MlpParameters other = new MlpParameters(f.architecture(), new double[][] {{1, 0, 0, -1}, {1, 0, 0, -1}});
        assertEquals(0.0, f.loss(w));
        assertEquals(0.0, f.loss(other));
        assertNotEquals(f.signPattern(w), f.signPattern(other));
        int[] p = PermutationAlignment.transpositions(f.signPattern(w), f.signPattern(other));
        assertArrayEquals(new int[] {1}, p);
        MlpParameters swapped = PermutationAlignment.apply(w, p);
        assertArrayEquals(new double[] {0, 1, 1, 0}, swapped.layer(1));
        assertArrayEquals(new double[] {0, 1, 1, 0}, swapped.layer(2));
        assertEquals(f.signPattern(other), f.signPattern(swapped));
        assertTrue(MinimumPath.check(f, ClassifiedMinimum.of(f, swapped), ClassifiedMinimum.of(f, other), GRID,
                PATH_TOLERANCE * f.yNorm2()).verified());
    }

    @ParameterizedTest(name = "l={0}, h={1}")
    @CsvSource({"2, 2", "3, 2", "4, 3", "5, 2"})
    void everyClassIsMovedIntoEveryOther(int l, int h) {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(h, 19L * l + h), l);
        List<SignPattern> all = Fixtures.allPatterns(l - 1);
        List<MlpParameters> minima = Fixtures.oneMinimumPerClass(f, new SplittableRandom(23L * l + h));
        for (int k = 0; k < all.size(); k++) {
            SignPattern from = all.get(k);
            MlpParameters w = minima.get(k);
            for (SignPattern to : all) {
                int[] p = PermutationAlignment.transpositions(from, to);
                assertEquals(to, PermutationAlignment.permutedPattern(from, p));
                MlpParameters moved = PermutationAlignment.apply(w, p);
                assertEquals(to, f.signPattern(moved), from.label() + " -> " + to.label());
                assertTrue(Math.abs(f.loss(moved) - f.loss(w)) <= LOSS_INVARIANCE * f.yNorm2());
                if (from.equals(to)) {
                    assertArrayEquals(new int[l - 1], p, "no permutation within a class");
                }
            }
        }
    }

    @ParameterizedTest(name = "l={0}, h={1}")
    @CsvSource({"2, 2", "3, 3", "4, 2"})
    void upToPermutationEveryMinimumLandsInOneComponent(int l, int h) {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(h, 29L * l + h), l);
        List<TrainingResult> runs = new ArrayList<>();
        for (MlpParameters w : Fixtures.oneMinimumPerClass(f, new SplittableRandom(37L * l + h))) {
            runs.add(Fixtures.converged(f, w));
        }
        ComponentSurvey plain = DeepLinearComponents.survey(f, runs, false, GRID, PATH_TOLERANCE * f.yNorm2());
        ComponentSurvey permuted = DeepLinearComponents.survey(f, runs, true, GRID, PATH_TOLERANCE * f.yNorm2());
        assertEquals(SignPattern.count(l - 1), plain.componentsMeasured());
        assertEquals(SurveyStatus.OK, permuted.status());
        assertEquals(1, permuted.componentsMeasured());
        assertEquals(1, permuted.componentsPredicted());
        assertEquals(runs.size() - 1, permuted.pathsVerified());
        assertEquals(plain.crossingsCertified(), permuted.crossingsCertified(), "classes stay separated unpermuted");
        for (ComponentSurvey.SampleOutcome o : permuted.outcomes()) {
            assertEquals(0, o.component());
            assertEquals(l - 1, o.permutation().length);
        }
    }

    @Test
    void oneUnitHasNoOddPermutation() {
        MinimumHomeomorphism f = new MinimumHomeomorphism(Fixtures.data(1, 4), 3);
        MlpParameters w = Fixtures.minimum(f, SignPattern.parse("++"), new SplittableRandom(3));
        assertThrows(IllegalArgumentException.class, () -> PermutationAlignment.apply(w, new int[] {1, 0}));
        assertEquals(w, PermutationAlignment.apply(w, new int[] {0, 0}));
    }
}
