package io.symsweep.transformer;

import io.symsweep.data.Digits;
import io.symsweep.transformer.TransformerArchitecture.Nonlinearity;
import io.symsweep.transformer.TransformerArchitecture.Norm;
import io.symsweep.transformer.TransformerArchitecture.Pooling;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link TransformerAligner} contract of {@link TransformerAlignerContractTest} for every aligner on every case
 * below (run by failsafe in {@code mvn verify}), seed 11: the contract test's two small models, a LayerNorm
 * ViT of 4 heads and a class token, and the bench's sizes (ViT on 2x2 patches and causal transformer on sequence
 * reversal, d 32, 4 heads of 8, RMSNorm and LayerNorm). One seed keeps it within the 2-minute budget of an IT: with
 * seeds 11 and 12 it took 144 s of CPU (11 min wall at load 25 on 2 cores), all 13 aligners passing.
 */
class TransformerAlignerContractIT {

    static SequenceData digits(int patch, boolean classToken, int samples) {
        var train = Digits.load().stratifiedSplit(360, 11).train();
        return SequenceData.ofPatches(train, 8, patch, classToken).range(0, samples);
    }

    static List<TransformerAlignerContractTest.Case> cases() {
        AlgorithmicTask reversal = AlgorithmicTask.reversal(5, 8, 200, 20, 3);
        return List.of(TransformerAlignerContractTest.vit(8, 2, 48), TransformerAlignerContractTest.gpt(12, 3),
                new TransformerAlignerContractTest.Case("vit-layernorm-cls-d16", TransformerArchitecture.vit(8, 4, 10, 16,
                        2, 4, 4, 32, Norm.LAYER_NORM, Nonlinearity.GELU, Pooling.CLASS_TOKEN), digits(4, true, 96)),
                new TransformerAlignerContractTest.Case("vit-rmsnorm-d32", TransformerArchitecture.vit(8, 2, 10, 32, 2, 4,
                        8, 64, Norm.RMS_NORM, Nonlinearity.GELU, Pooling.MEAN), digits(2, false, 64)),
                new TransformerAlignerContractTest.Case("gpt-layernorm-d32", TransformerArchitecture.causal(9, 10, 32, 2, 4,
                        8, 64, Norm.LAYER_NORM, Nonlinearity.GELU), SequenceData.ofTokens(reversal.train())));
    }

    static Stream<Named<TransformerAligner>> aligners() {
        return TransformerAligners.all().stream().map(a -> Named.of(a.label(), a));
    }

    @ParameterizedTest
    @MethodSource("aligners")
    void theContractHoldsOnEveryCase(TransformerAligner aligner) {
        for (TransformerAlignerContractTest.Case c : cases()) {
            TransformerAlignerContractTest.check(aligner, c, 11);
        }
    }
}
