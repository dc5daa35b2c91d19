package io.symsweep.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.symsweep.transformer.TransformerArchitecture;
import org.junit.jupiter.api.Test;

/** The transformer bench's FLOP count and its line fit (no timing is asserted). */
class TransformerBenchTest {

    @Test
    void theFlopCountOfASmallVitByHand() {
        TransformerArchitecture a = TransformerArchitecture.vit(8, 4, 10, 8, 1, 2, 4, 16,
                TransformerArchitecture.Norm.RMS_NORM, TransformerArchitecture.Nonlinearity.GELU,
                TransformerArchitecture.Pooling.MEAN);
        // T = 4 tokens of F = 16, d = 8, A = H dh = 8: embedding 4*16*8 = 512; QKV 3*4*8*8 = 768,
        // scores and mixing 2*2*4*4*4 = 256, output 4*8*8 = 256, MLP 2*4*8*16 = 1024; head 8*10 = 80; 2896 MACs
        assertEquals(6 * 2896, TransformerBench.trainingFlopsPerSample(a), 0.0);
    }

    @Test
    void theLineThroughExactPointsIsRecovered() {
        assertArrayEquals(new double[] {100, 3}, TransformerBench.leastSquaresLine(new int[] {1, 16, 64, 128},
                new double[] {103, 148, 292, 484}), 1e-9);
        assertEquals(2.5, TransformerBench.median(new double[] {4, 1, 2, 3}), 0.0);
    }
}
