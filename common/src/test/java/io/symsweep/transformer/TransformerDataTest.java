package io.symsweep.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.data.Digits;
import io.symsweep.data.LabelledData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Patches, the generated tasks and their splits. */
class TransformerDataTest {

    @Test
    void patchesCutTheImageInRasterOrder() {
        double[][] img = new double[1][64];
        for (int i = 0; i < 64; i++) {
            img[0][i] = i;
        }
        SequenceData p = SequenceData.ofPatches(new LabelledData(img, new int[] {3}, 10), 8, 4, true);
        assertEquals(5, p.tokens());
        assertEquals(16, p.features());
        double[] x = p.inputs().toArray();
        for (int f = 0; f < 16; f++) {
            assertEquals(0.0, x[f], "the class token is zeros");
        }
        // patch 1 (top right): rows 0..3, columns 4..7; its pixel (r=2, c=1) is image pixel 2*8 + 5
        assertEquals(21.0, x[2 * 16 + 2 * 4 + 1]);
        // patch 2 (bottom left): pixel (0, 0) is image pixel 4*8
        assertEquals(32.0, x[3 * 16]);
        assertEquals(3, p.targets().get(0));
        SequenceData all = SequenceData.ofPatches(Digits.load(), 8, 2, false);
        assertEquals(16, all.tokens());
        assertEquals(Digits.SAMPLES, all.targetCount());
    }

    @Test
    void modularAdditionHoldsEveryPairOnceWithTheRightAnswer() {
        AlgorithmicTask t = AlgorithmicTask.modularAddition(11, 40, 2);
        assertEquals(81, t.train().size());
        assertEquals(40, t.test().size());
        Set<List<Integer>> pairs = new HashSet<>();
        for (TokenSequences s : List.of(t.train(), t.test())) {
            for (int i = 0; i < s.size(); i++) {
                int a = s.token(i, 0);
                int b = s.token(i, 2);
                assertEquals(11, s.token(i, 1));
                assertEquals(12, s.token(i, 3));
                assertEquals((a + b) % 11, s.target(i, 3));
                assertEquals(-1, s.target(i, 0));
                assertTrue(pairs.add(List.of(a, b)));
            }
        }
        assertEquals(121, pairs.size());
        assertEquals(t.train().tokens()[0][0], AlgorithmicTask.modularAddition(11, 40, 2).train().tokens()[0][0]);
    }

    @Test
    void reversalTargetsAreTheReversedPromptAndTestSequencesAreUnseen() {
        AlgorithmicTask t = AlgorithmicTask.reversal(4, 5, 100, 30, 3);
        Set<List<Integer>> train = new HashSet<>();
        for (int i = 0; i < t.train().size(); i++) {
            train.add(prompt(t.train(), i));
        }
        for (int i = 0; i < t.test().size(); i++) {
            assertTrue(!train.contains(prompt(t.test(), i)));
        }
        TokenSequences s = t.train();
        for (int i = 0; i < s.size(); i++) {
            assertEquals(5, s.token(i, 4));
            for (int k = 0; k < 4; k++) {
                assertEquals(s.token(i, 3 - k), s.target(i, 4 + k));
                if (k < 3) {
                    assertEquals(s.target(i, 4 + k), s.token(i, 5 + k), "teacher forcing: the answer so far is read");
                }
                assertEquals(-1, s.target(i, k));
            }
        }
        SequenceData d = SequenceData.ofTokens(s);
        assertEquals(8, d.tokens());
        assertEquals(4 * 100, d.targetCount());
        assertThrows(IllegalArgumentException.class, () -> AlgorithmicTask.reversal(2, 2, 2, 1, 0));
    }

    private static List<Integer> prompt(TokenSequences s, int i) {
        return List.of(s.token(i, 0), s.token(i, 1), s.token(i, 2), s.token(i, 3));
    }
}
