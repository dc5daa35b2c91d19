package io.symsweep.params;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every symmetry site of one architecture, as data (Git Re-Basin's {@code axes_to_perm}, Ainsworth et al. 2023,
 * generalised to nested groups and non-square maps), and the one generic {@link #apply} that moves a model by a
 * transform at each site.
 *
 * <p>Sites are applied in declaration order, so where two sites share an axis range (an attention layer's head
 * permutation and the per-head maps inside it) the site declared first acts first, on the original indices.
 * For every site and every transform of a class the site {@linkplain Site#isExact declares exact}, the moved model
 * computes the same function as the original; architectures hold their declaration to that with a test.
 *
 * @param architecture a label of the architecture, e.g. {@code mlp[64,32,32,10]/relu+bias}
 * @param sites        in application order, names unique
 */
public record SymmetryDeclaration(String architecture, List<Site> sites) implements java.io.Serializable {

    public SymmetryDeclaration {
        sites = List.copyOf(sites);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Site s : sites) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException(architecture + " declares site " + s.name() + " twice");
            }
        }
    }

    /** The site named {@code name}. */
    public Site site(String name) {
        return sites.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(architecture + " has no site " + name));
    }

    /** Throws unless every site's axis ranges fit {@code params} (a site of size {@code n} over {@code n*block} indices). */
    public void requireFits(ParameterSet params) {
        for (Site s : sites) {
            for (AxisUse u : s.uses()) {
                Tensor t = params.get(u.tensor());
                if (u.axis() >= t.rank() || u.offset() + s.size() * u.block() > t.dim(u.axis())) {
                    throw new IllegalArgumentException(architecture + ": site " + s.name() + " (" + s.size()
                            + " units) does not fit axis " + u.axis() + " of " + u.tensor() + " "
                            + java.util.Arrays.toString(t.shape()));
                }
            }
        }
    }

    /**
     * {@code params} moved by {@code transforms} (site name to transform; a site without one is left alone): at
     * each use of a site, {@link UnitTransform#forward()} along output axes, {@link UnitTransform#backward()}
     * transposed along input axes, each as {@code T (x) I_block} on the use's range. A non-square transform changes
     * the shapes of the tensors it touches (a semi-permutation widens a layer). Cost: one pass over each touched
     * tensor per nonzero of the transform's rows.
     */
    public ParameterSet apply(ParameterSet params, Map<String, UnitTransform> transforms) {
        for (String name : transforms.keySet()) {
            site(name);
        }
        requireFits(params);
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>(params.tensors());
        for (Site s : sites) {
            UnitTransform t = transforms.get(s.name());
            if (t == null) {
                continue;
            }
            if (t.sourceSize() != s.size()) {
                throw new IllegalArgumentException("site " + s.name() + " has " + s.size() + " units, the transform takes "
                        + t.sourceSize());
            }
            double[][] forward = t.forwardView();
            double[][] input = t.backwardTransposed();
            for (AxisUse u : s.uses()) {
                double[][] map = u.variance() == AxisUse.Variance.OUTPUT ? forward : input;
                out.put(u.tensor(), out.get(u.tensor()).along(u.axis(), u.offset(), u.block(), map));
            }
        }
        return new ParameterSet(out);
    }
}
