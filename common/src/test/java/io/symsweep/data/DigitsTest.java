package io.symsweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DigitsTest {

    @Test
    void theBundledFileIsTheAttributedOne() throws Exception {
        try (InputStream in = Digits.class.getResourceAsStream(Digits.RESOURCE)) {
            byte[] bytes = in.readAllBytes();
            assertEquals(57_523, bytes.length);
            assertEquals("09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22",
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
    }

    @Test
    void loadsScaledPixelsAndBalancedLabels() {
        LabelledData d = Digits.load();
        assertEquals(1797, d.size());
        assertEquals(64, d.dimension());
        // the first image of the file (its row 0: 0,0,5,13,9,1,0,0,...; label 0)
        assertEquals(5 / 16.0, d.features()[0][2], 0.0);
        assertEquals(13 / 16.0, d.features()[0][3], 0.0);
        assertEquals(0, d.labels()[0]);
        int[] counts = new int[10];
        for (int y : d.labels()) {
            counts[y]++;
        }
        // the class counts scikit-learn documents for load_digits
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts);
    }

    @Test
    void theStratifiedSplitKeepsClassProportionsAndFollowsTheSeed() {
        LabelledData d = Digits.load();
        LabelledData.Split s = d.stratifiedSplit(360, 7);
        assertEquals(1437, s.train().size());
        assertEquals(360, s.test().size());
        int[] test = new int[10];
        for (int y : s.test().labels()) {
            test[y]++;
        }
        for (int c = 0; c < 10; c++) {
            // 360/1797 of each class, rounded one way or the other
            double exact = 360.0 * new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}[c] / 1797;
            assertEquals(exact, test[c], 1.0, "class " + c);
        }
        assertArrayEquals(s.testIndices(), d.stratifiedSplit(360, 7).testIndices());
        assertNotEquals(java.util.Arrays.toString(s.testIndices()),
                java.util.Arrays.toString(d.stratifiedSplit(360, 8).testIndices()));
    }
}
