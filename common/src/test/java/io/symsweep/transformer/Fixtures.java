package io.symsweep.transformer;

import io.symsweep.data.Digits;
import io.symsweep.transformer.TransformerArchitecture.Nonlinearity;
import io.symsweep.transformer.TransformerArchitecture.Norm;
import io.symsweep.transformer.TransformerArchitecture.Pooling;
import java.util.ArrayList;
import java.util.List;

/** Small architectures of both families at several sizes, with a few inputs each. */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * A named architecture and data it reads.
     */
    record Case(String name, TransformerArchitecture arch, SequenceData data) {
        @Override
        public String toString() {
            return name + " " + arch.label();
        }
    }

    static SequenceData digits(int patch, boolean classToken, int samples) {
        var images = Digits.load().stratifiedSplit(360, 11).test();
        int[] idx = new int[samples];
        for (int i = 0; i < samples; i++) {
            idx[i] = i * 7;
        }
        return SequenceData.ofPatches(images.subset(idx), 8, patch, classToken);
    }

    /** Four architectures (two ViTs, two causal), each with LayerNorm and with RMSNorm. */
    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        for (Norm norm : new Norm[] {Norm.LAYER_NORM, Norm.RMS_NORM}) {
            c.add(new Case("vit-p4", TransformerArchitecture.vit(8, 4, 10, 8, 1, 2, 4, 16, norm, Nonlinearity.GELU,
                    Pooling.MEAN), digits(4, false, 12)));
            c.add(new Case("vit-p2-cls", TransformerArchitecture.vit(8, 2, 10, 16, 2, 4, 4, 32, norm, Nonlinearity.RELU,
                    Pooling.CLASS_TOKEN), digits(2, true, 8)));
            AlgorithmicTask rev = AlgorithmicTask.reversal(3, 4, 20, 8, 5);
            c.add(new Case("gpt-reverse", TransformerArchitecture.causal(5, 6, 12, 2, 3, 4, 24, norm, Nonlinearity.RELU),
                    SequenceData.ofTokens(rev.test())));
            AlgorithmicTask add = AlgorithmicTask.modularAddition(7, 10, 5);
            c.add(new Case("gpt-modadd", TransformerArchitecture.causal(9, 4, 32, 2, 4, 8, 64, norm, Nonlinearity.GELU),
                    SequenceData.ofTokens(add.test())));
        }
        return c;
    }
}
