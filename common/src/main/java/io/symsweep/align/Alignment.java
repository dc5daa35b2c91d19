package io.symsweep.align;

import io.symsweep.mlp.MlpSpec;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.UnitTransform;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of aligning B to A: {@code aligned = apply(B, transforms)} (B'), the transform of each site as data,
 * the method's objective, the work done, and how it ended.
 *
 * @param symmetryClass the class searched
 * @param method        the method used
 * @param alignedSpec   B''s architecture (wider than B's after a semi-permutation)
 * @param aligned       B'
 * @param transforms    site name to transform (sites without one are left alone)
 * @param objective     what the method optimised, at the result (see {@link AlignmentMethod})
 * @param iterations    coordinate-descent sweeps (all starts), sites solved, or learned steps
 * @param seconds       wall-clock time
 * @param status        how it ended
 * @param detail        a short note: which start won, or what failed
 */
public record Alignment(SymmetryClass symmetryClass, AlignmentMethod method, MlpSpec alignedSpec,
        ParameterSet aligned, Map<String, UnitTransform> transforms, double objective, int iterations, double seconds,
        AlignmentStatus status, String detail) {

    public Alignment {
        transforms = Collections.unmodifiableMap(new LinkedHashMap<>(transforms));
        if (status == AlignmentStatus.OK && aligned != null && !aligned.isFinite()) {
            status = AlignmentStatus.NOT_FINITE;
        }
    }

    /** A failed alignment: B unmoved, no transforms, NaN objective. */
    static Alignment failed(SymmetryClass c, AlignmentMethod m, AlignmentProblem p, AlignmentStatus status,
            String detail, long startNanos) {
        return new Alignment(c, m, p.specB(), p.b(), Map.of(), Double.NaN, 0, (System.nanoTime() - startNanos) * 1e-9,
                status, detail);
    }

    /** This alignment with another time (the wrapping method's). */
    Alignment withSeconds(double s) {
        return new Alignment(symmetryClass, method, alignedSpec, aligned, transforms, objective, iterations, s, status,
                detail);
    }
}
