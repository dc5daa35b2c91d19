package io.symsweep.family;

import io.symsweep.params.ParameterSet;

/**
 * One member of a merge aligned to a reference (the mean of the other members): B' in the reference's architecture.
 *
 * @param aligned   B' (B itself when the alignment failed)
 * @param transform its transform as JSON
 * @param status    {@code OK}, {@code NOT_CONVERGED}, {@code SINGULAR} or {@code NOT_FINITE}
 */
public record MemberAlignment(ParameterSet aligned, String transform, String status) {
}
