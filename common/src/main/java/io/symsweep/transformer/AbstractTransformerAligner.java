package io.symsweep.transformer;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.transformer.TransformerArchitecture.Attention;

/**
 * What every transformer aligner holds: its class set, method and head mode, checked together once. {@link #align}
 * times the whole fit, from both models put into {@link #parametrisation()} (norms folded, circuits merged in the
 * circuit head mode) to the result.
 */
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

    @Override
    public final TransformerAlignment align(TransformerAlignmentProblem p) {
        long start = System.nanoTime();
        Attention mode = parametrisation();
        return fit(p, TransformerAligners.parametrised(p.a(), mode), TransformerAligners.parametrised(p.b(), mode),
                start);
    }

    /** The head mode {@link TransformerAligners#parametrised} puts both models in before the fit: the aligner's. */
    Attention parametrisation() {
        return headMode;
    }

    /**
     * B aligned to A for {@code p}, from {@code a} and {@code b} in {@link #parametrisation()}; {@code start} is
     * {@link System#nanoTime()} when {@link #align} began.
     */
    abstract TransformerAlignment fit(TransformerAlignmentProblem p, TransformerModel a, TransformerModel b, long start);
}
