package io.symsweep.transformer;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.transformer.TransformerArchitecture.Attention;

/** What every transformer aligner holds: its class set, method and head mode, checked together once. */
abstract class AbstractTransformerAligner implements TransformerAligner {

    protected final TransformerClassSet classSet;
    protected final Attention headMode;
    private final AlignmentMethod method;

    AbstractTransformerAligner(TransformerClassSet c, AlignmentMethod method, Attention headMode) {
        TransformerAligners.check(c, method, headMode);
        this.classSet = c;
        this.method = method;
        this.headMode = headMode;
    }

    @Override
    public TransformerClassSet classSet() {
        return classSet;
    }

    @Override
    public AlignmentMethod method() {
        return method;
    }

    @Override
    public Attention headMode() {
        return headMode;
    }
}
