package io.symsweep.transformer;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentStatus;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.UnitTransform;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of aligning transformer B to A. Both models are returned in the parametrisation the alignment works
 * in, which every method of one head mode shares so that their segments are comparable:
 * <ul>
 *   <li>{@code reference} is A with its norms folded ({@link NormFolding}: gains, and for LayerNorm the centring and
 *       bias, folded into the adjacent linear layers; architecture {@code .../rmsnorm-folded}), the same function as
 *       A;</li>
 *   <li>{@code aligned} (B') is B folded likewise and moved by {@code transforms}
 *       ({@code TransformerSymmetries.declaration(aligned.architecture()).apply}), so it has B's folded architecture
 *       and B's function;</li>
 *   <li>in the circuit head mode both are, in addition, merged into circuits ({@link CircuitMerging}: a different
 *       architecture, label ending {@code +circuit}, the same function); the per-head invertible maps are then
 *       quotiented out and {@code transforms} holds the head and unit permutations and the residual map only.</li>
 * </ul>
 * The probe interpolates {@code (1 - l) reference + l aligned}.
 *
 * @param classSet   the classes searched
 * @param method     the method
 * @param headMode   {@code factorised} or {@code circuit} for {@link TransformerClassSet#PERMUTATION_ORTHOGONAL_INVERTIBLE},
 *                   null otherwise
 * @param reference  A in the alignment's parametrisation
 * @param aligned    B', of B's architecture in that parametrisation
 * @param transforms site name to transform, as applied to B in that parametrisation
 * @param objective  what the method optimised, at the result (see {@link TransformerAligners})
 * @param iterations rounds, or learned steps
 * @param seconds    wall-clock time
 * @param status     how it ended
 * @param detail     a short note: what failed, or how it stopped
 */
public record TransformerAlignment(TransformerClassSet classSet, AlignmentMethod method,
        TransformerArchitecture.Attention headMode, TransformerModel reference, TransformerModel aligned,
        Map<String, UnitTransform> transforms, double objective, int iterations, double seconds,
        AlignmentStatus status, String detail) {

    public TransformerAlignment {
        transforms = Collections.unmodifiableMap(new LinkedHashMap<>(transforms));
        if (!reference.architecture().equals(aligned.architecture())) {
            throw new IllegalArgumentException("reference " + reference.architecture().label() + " and B' "
                    + aligned.architecture().label() + " must share one parametrisation");
        }
        if (status == AlignmentStatus.OK && !aligned.parameters().isFinite()) {
            status = AlignmentStatus.NOT_FINITE;
        }
    }

    /**
     * The eigen-angles of the residual stream's orthogonal map ({@link OrthogonalSpectrum}, Theus et al. 2025 Fig. 5),
     * sorted; empty when the residual map is not orthogonal (or there is none).
     */
    public double[] residualEigenAngles() {
        UnitTransform r = transforms.get(TransformerSymmetries.RESIDUAL);
        if (r == null || r.symmetryClass() != SymmetryClass.ORTHOGONAL) {
            return new double[0];
        }
        return OrthogonalSpectrum.eigenAngles(r.forward());
    }

    /** A failed alignment: B unmoved in the parametrisation, no transforms, NaN objective. */
    static TransformerAlignment failed(TransformerClassSet c, AlignmentMethod m, TransformerArchitecture.Attention mode,
            TransformerModel reference, TransformerModel b, AlignmentStatus status, String detail, long startNanos) {
        return new TransformerAlignment(c, m, mode, reference, b, Map.of(), Double.NaN, 0,
                (System.nanoTime() - startNanos) * 1e-9, status, detail);
    }
}
