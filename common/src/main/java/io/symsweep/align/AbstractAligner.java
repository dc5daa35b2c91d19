package io.symsweep.align;

import io.symsweep.params.SymmetryClass;
import java.util.Arrays;
import java.util.Objects;

/** An aligner whose class and method are fixed when it is built. */
abstract class AbstractAligner implements Aligner {

    private final SymmetryClass symmetryClass;
    private final AlignmentMethod method;

    AbstractAligner(SymmetryClass symmetryClass, AlignmentMethod method) {
        this.symmetryClass = Objects.requireNonNull(symmetryClass, "symmetryClass");
        this.method = Objects.requireNonNull(method, "method");
    }

    @Override
    public final SymmetryClass symmetryClass() {
        return symmetryClass;
    }

    @Override
    public final AlignmentMethod method() {
        return method;
    }

    /** {@code c} when it is one of {@code allowed}; otherwise throws with {@code message}. */
    static SymmetryClass requireOneOf(SymmetryClass c, String message, SymmetryClass... allowed) {
        if (!Arrays.asList(allowed).contains(c)) {
            throw new IllegalArgumentException(message);
        }
        return c;
    }

    /** {@code m} when it is one of {@code allowed}; otherwise throws with {@code message}. */
    static AlignmentMethod requireOneOf(AlignmentMethod m, String message, AlignmentMethod... allowed) {
        if (!Arrays.asList(allowed).contains(m)) {
            throw new IllegalArgumentException(message);
        }
        return m;
    }
}
