package io.symsweep.align;

import io.symsweep.params.SymmetryClass;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link Aligner} contract of {@link AlignerContractTest} at widths 64, 128, 256 and 512 (run by failsafe in
 * {@code mvn verify}). Seeds 11 and 12 at every width up to 256; at 512 seed 11, for every class but the
 * orthogonal and invertible maps of deep linear nets: their dense 512 x 512 transforms make each
 * {@code SymmetryDeclaration.apply} an {@code O(n^3)} plain-Java product, and weight matching applies one per site
 * and sweep, minutes per check; they are checked up to width 256.
 */
class AlignerContractIT {

    static Stream<Named<Aligner>> aligners() {
        return AlignerContractTest.aligners();
    }

    @ParameterizedTest
    @MethodSource("aligners")
    void theContractHoldsAtWidthsUpTo512(Aligner aligner) {
        for (int width : new int[] {64, 128, 256}) {
            AlignerContractTest.check(aligner, width, new int[] {11, 12});
        }
        SymmetryClass c = aligner.symmetryClass();
        if (c != SymmetryClass.NONE && c != SymmetryClass.ORTHOGONAL && c != SymmetryClass.INVERTIBLE) {
            AlignerContractTest.check(aligner, 512, new int[] {11});
        }
    }
}
