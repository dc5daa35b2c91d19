package io.symsweep.align;

import io.symsweep.params.SymmetryClass;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link Aligner} contract of {@link AlignerContractTest} at large widths (run by failsafe in {@code mvn verify};
 * {@code AlignerContractTest} runs width 24): every class but the dense maps at width 128 (seeds 11 and 12) and 512
 * (seed 11); the orthogonal and invertible maps of deep linear nets at 64 (seeds 11 and 12) and 256 (seed 11),
 * learned orthogonal maps at 64 and 128: their dense transforms make each {@code SymmetryDeclaration.apply} an
 * {@code O(n^3)} plain-Java product, weight matching applies one per site and sweep, and learned matching runs a
 * weight matching per step (at 256 it alone took 40% of the test's time). Every check keeps its tolerance; the independent pair (whose checks, B'
 * computes B's function and the transforms are of the class, hold after any number of sweeps) is aligned with 5
 * sweeps instead of 25, the plants (recovered in a few sweeps) and self-alignments with 25.
 */
class AlignerContractIT {

    static Stream<Named<Aligner>> aligners() {
        return AlignerContractTest.aligners();
    }

    @ParameterizedTest
    @MethodSource("aligners")
    void theContractHoldsAtWidthsUpTo512(Aligner aligner) {
        SymmetryClass c = aligner.symmetryClass();
        boolean dense = c == SymmetryClass.ORTHOGONAL || c == SymmetryClass.INVERTIBLE;
        // learned orthogonal maps: their start (weight matching) is checked at 256 above, their steps up to 128
        int[][] widthsAndSeeds = !dense ? new int[][] {{128, 11, 12}, {512, 11}}
                : aligner.method() == AlignmentMethod.LEARNED ? new int[][] {{64, 11, 12}, {128, 11}}
                : new int[][] {{64, 11, 12}, {256, 11}};
        for (int[] ws : widthsAndSeeds) {
            long t0 = System.nanoTime();
            AlignerContractTest.check(aligner, ws[0], java.util.Arrays.copyOfRange(ws, 1, ws.length), 5);
            System.err.printf("AlignerContractIT %s/%s width %d: %.1f s%n", c.specName(),
                    aligner.method().specName(), ws[0], (System.nanoTime() - t0) * 1e-9);
        }
    }
}
