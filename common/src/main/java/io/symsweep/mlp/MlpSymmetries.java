package io.symsweep.mlp;

import io.symsweep.params.AxisUse;
import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The symmetry sites of an MLP, as data: one site {@code hidden<l>} per hidden layer {@code l = 1..L-1}, whose
 * units are the rows of {@code layer<l>.weight} and the entries of {@code layer<l>.bias} (outputs) and the columns
 * of {@code layer<l+1>.weight} (inputs). With a bias, a per-unit scaling {@code D} scales the bias too
 * ({@code z -> D z}), so {@code s(D z) = D s(z)} holds for ReLU's positive homogeneity.
 */
public final class MlpSymmetries {

    private MlpSymmetries() {
    }

    /** The classes exact at every hidden site for this activation (see {@link HiddenActivation}). */
    public static Set<SymmetryClass> exactClasses(HiddenActivation a) {
        return switch (a) {
            case RELU -> EnumSet.of(SymmetryClass.PERMUTATION, SymmetryClass.PERMUTATION_SCALING,
                    SymmetryClass.SEMI_PERMUTATION);
            case LINEAR -> EnumSet.of(SymmetryClass.PERMUTATION, SymmetryClass.PERMUTATION_SCALING,
                    SymmetryClass.SEMI_PERMUTATION, SymmetryClass.ORTHOGONAL, SymmetryClass.INVERTIBLE);
            case GELU, TANH -> EnumSet.of(SymmetryClass.PERMUTATION);
        };
    }

    /** The site name of hidden layer {@code l}. */
    public static String siteName(int l) {
        return "hidden" + l;
    }

    /** The declaration for {@code spec}: sites {@code hidden1 .. hidden<L-1>}, in order. */
    public static SymmetryDeclaration declare(MlpSpec spec) {
        List<Site> sites = new ArrayList<>();
        Set<SymmetryClass> exact = exactClasses(spec.activation());
        for (int l = 1; l < spec.layers(); l++) {
            List<AxisUse> uses = new ArrayList<>();
            uses.add(AxisUse.output(MlpSpec.weightName(l), 0));
            if (spec.bias()) {
                uses.add(AxisUse.output(MlpSpec.biasName(l), 0));
            }
            uses.add(AxisUse.input(MlpSpec.weightName(l + 1), 1));
            sites.add(new Site(siteName(l), spec.width(l), uses, exact));
        }
        return new SymmetryDeclaration(spec.label(), sites);
    }
}
