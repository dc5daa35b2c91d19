package io.symsweep.transformer;

import io.symsweep.naming.SpecName;
import io.symsweep.params.SymmetryClass;

/**
 * The sets of symmetry classes a transformer is aligned under (Theus et al. 2025, Sec. 4 and Table 2), in the
 * spelling of the tables' {@code symmetry_class} column. Each set names, per site of {@link TransformerSymmetries},
 * the class searched there:
 * <table>
 *   <caption>classes per site</caption>
 *   <tr><th>set</th><th>{@code block{l}.mlp}</th><th>{@code block{l}.attn.heads}</th><th>{@code residual}</th>
 *       <th>{@code block{l}.attn.head{h}.qk/.ov}</th></tr>
 *   <tr><td>{@code none}</td><td>-</td><td>-</td><td>-</td><td>-</td></tr>
 *   <tr><td>{@code permutation}</td><td>P</td><td>P</td><td>P</td><td>-</td></tr>
 *   <tr><td>{@code permutation+orthogonal}</td><td>P</td><td>P</td><td>O</td><td>-</td></tr>
 *   <tr><td>{@code permutation+orthogonal+invertible}</td><td>P</td><td>P</td><td>O</td><td>GL (factorised head
 *       mode), or quotiented out by interpolating the merged circuits (circuit head mode)</td></tr>
 * </table>
 * The residual stream is permuted in {@code permutation} too: the heads' and units' reading and writing vectors live
 * in the residual basis, so matching them in two unaligned bases would compare nothing (the permutation-only
 * transformer baselines permute it as well). Every set is exact after {@link NormFolding}.
 */
public enum TransformerClassSet implements SpecName {
    /** The identity. */
    NONE("none"),
    /** Permutations of MLP units, of heads, and of the residual stream. */
    PERMUTATION("permutation"),
    /** Permutations of MLP units and heads, an orthogonal map of the residual stream. */
    PERMUTATION_ORTHOGONAL("permutation+orthogonal"),
    /** As {@link #PERMUTATION_ORTHOGONAL}, plus per-head invertible maps of the QK and OV circuits. */
    PERMUTATION_ORTHOGONAL_INVERTIBLE("permutation+orthogonal+invertible");

    private final String specName;

    TransformerClassSet(String specName) {
        this.specName = specName;
    }

    /** The {@code symmetry_class} spelling. */
    @Override
    public String specName() {
        return specName;
    }

    /** The set spelled {@code name}; throws naming the allowed values otherwise. */
    public static TransformerClassSet fromSpecName(String name) {
        return SpecName.parse(TransformerClassSet.class, name, "symmetry_class must be one of none, permutation, "
                + "permutation+orthogonal, permutation+orthogonal+invertible for a transformer, found ");
    }

    /** The residual stream's class: {@link SymmetryClass#NONE}, {@code PERMUTATION} or {@code ORTHOGONAL}. */
    public SymmetryClass residualClass() {
        return switch (this) {
            case NONE -> SymmetryClass.NONE;
            case PERMUTATION -> SymmetryClass.PERMUTATION;
            default -> SymmetryClass.ORTHOGONAL;
        };
    }

    /** True when the per-head invertible maps are part of the set (and a head mode must be named). */
    public boolean invertibleHeads() {
        return this == PERMUTATION_ORTHOGONAL_INVERTIBLE;
    }
}
