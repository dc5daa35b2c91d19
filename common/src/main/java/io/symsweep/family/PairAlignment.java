package io.symsweep.family;

import io.symsweep.params.ParameterSet;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * Model B aligned to model A by a family, with what probing the segment between them needs: the two endpoints (in
 * the architecture the segment is probed in: A's, or for a family's circuit mode the merged-circuit architecture of
 * both), how to evaluate a point of the segment, and, where the family has it, the REPAIR'd path.
 *
 * @param start            the segment at {@code l = 0}: A
 * @param end              the segment at {@code l = 1}: B'
 * @param evaluator        loss and accuracy of a point of the segment on both halves of the split
 * @param repaired         {@code l -> } the REPAIR'd network at {@code l} (Jordan et al. 2023), or null when the family
 *                         has no REPAIR
 * @param transform        the transform of every site, as JSON
 * @param objective        the method's objective at the result
 * @param equivalenceError {@code max |f_B'(x) - f_B(x)| / max |f_B(x)|} over the test inputs (0 up to rounding for an
 *                         exact class)
 * @param distanceBefore   {@code ||A - B||}, NaN when their shapes differ
 * @param iterations       sweeps, sites or steps
 * @param seconds          the alignment's wall-clock time
 * @param status           {@code OK}, {@code NOT_CONVERGED}, {@code SINGULAR} or {@code NOT_FINITE}
 * @param detail           a short note (which start won, what failed)
 * @param spectrum         a family's extra array (e.g. an orthogonal map's eigen-angles), or null
 */
public record PairAlignment(ParameterSet start, ParameterSet end, Function<ParameterSet, SplitEvaluation> evaluator,
        DoubleFunction<ParameterSet> repaired, String transform, double objective, double equivalenceError,
        double distanceBefore, int iterations, double seconds, String status, String detail, double[] spectrum) {

    /** True when the alignment ended with endpoints worth probing. */
    public boolean probeable() {
        return end != null && (status.equals("OK") || status.equals("NOT_CONVERGED"));
    }
}
