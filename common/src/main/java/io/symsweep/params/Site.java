package io.symsweep.params;

import java.util.List;
import java.util.Set;

/**
 * A set of units a symmetry moves, declared as data: a layer's hidden units, an attention layer's heads, the
 * {@code d_head} coordinates inside one head's query-key circuit, a residual stream. Every tensor axis the units
 * index is listed, so one generic apply serves every architecture.
 *
 * @param name  unique within its {@link SymmetryDeclaration}, e.g. {@code hidden1}, {@code block0.heads}
 * @param size  the number of units
 * @param uses  every place the units index a tensor
 * @param exact the symmetry classes that leave the model's function unchanged at this site
 */
public record Site(String name, int size, List<AxisUse> uses, Set<SymmetryClass> exact)
        implements java.io.Serializable {

    public Site {
        if (name == null || name.isBlank() || size < 1 || uses == null || uses.isEmpty()) {
            throw new IllegalArgumentException("a site needs a name, size >= 1 and at least one axis: " + name);
        }
        uses = List.copyOf(uses);
        exact = Set.copyOf(exact);
    }

    /** True when every transform of class {@code c} keeps the function at this site. */
    public boolean isExact(SymmetryClass c) {
        return c == SymmetryClass.NONE || exact.stream().anyMatch(e -> e.contains(c));
    }
}
