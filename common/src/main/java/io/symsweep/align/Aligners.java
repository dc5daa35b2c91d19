package io.symsweep.align;

import io.symsweep.mlp.HiddenActivation;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.mlp.MlpSymmetries;
import io.symsweep.params.SymmetryClass;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every (symmetry class, method) pair symsweep implements, and the checks a spec must pass: the method must exist
 * for the class, and the class must be an exact symmetry of the architecture (see {@link MlpSymmetries}).
 */
public final class Aligners {

    private static final Map<SymmetryClass, List<AlignmentMethod>> METHODS = new EnumMap<>(SymmetryClass.class);

    static {
        METHODS.put(SymmetryClass.NONE, List.of(AlignmentMethod.NONE));
        METHODS.put(SymmetryClass.PERMUTATION, List.of(AlignmentMethod.WEIGHT_MATCHING,
                AlignmentMethod.ACTIVATION_MATCHING, AlignmentMethod.ACTIVATION_INNER_PRODUCT, AlignmentMethod.LEARNED));
        METHODS.put(SymmetryClass.PERMUTATION_SCALING, List.of(AlignmentMethod.WEIGHT_MATCHING,
                AlignmentMethod.ACTIVATION_MATCHING, AlignmentMethod.ACTIVATION_INNER_PRODUCT, AlignmentMethod.LEARNED));
        METHODS.put(SymmetryClass.SEMI_PERMUTATION, List.of(AlignmentMethod.WEIGHT_MATCHING,
                AlignmentMethod.ACTIVATION_MATCHING));
        METHODS.put(SymmetryClass.ORTHOGONAL, List.of(AlignmentMethod.WEIGHT_MATCHING,
                AlignmentMethod.ACTIVATION_MATCHING, AlignmentMethod.LEARNED));
        METHODS.put(SymmetryClass.INVERTIBLE, List.of(AlignmentMethod.WEIGHT_MATCHING,
                AlignmentMethod.ACTIVATION_MATCHING));
    }

    private Aligners() {
    }

    /** The methods implemented for {@code c}. */
    public static List<AlignmentMethod> methods(SymmetryClass c) {
        return METHODS.get(c);
    }

    /** The aligner for {@code (c, m)}; throws naming the methods {@code c} allows. */
    public static Aligner of(SymmetryClass c, AlignmentMethod m) {
        if (!METHODS.get(c).contains(m)) {
            throw new IllegalArgumentException("method " + m.specName() + " is not available for symmetry_class "
                    + c.specName() + "; allowed: " + METHODS.get(c).stream().map(AlignmentMethod::specName)
                    .collect(Collectors.joining(", ")));
        }
        return switch (c) {
            case NONE -> new IdentityAlignment();
            case PERMUTATION, ORTHOGONAL -> switch (m) {
                case WEIGHT_MATCHING -> new WeightMatching(c);
                case ACTIVATION_MATCHING -> new ActivationMatching(c, ActivationMatching.Cost.CORRELATION);
                case ACTIVATION_INNER_PRODUCT -> new ActivationMatching(c, ActivationMatching.Cost.INNER_PRODUCT);
                case LEARNED -> new LearnedMatching(c);
                case NONE -> throw new AssertionError();
            };
            case PERMUTATION_SCALING -> m == AlignmentMethod.LEARNED ? new LearnedMatching(c)
                    : new ScalingAlignment(of(SymmetryClass.PERMUTATION, m));
            case SEMI_PERMUTATION -> new SemiPermutationAlignment(m);
            case INVERTIBLE -> new InvertibleLeastSquares(m);
        };
    }

    /** Every implemented pair. */
    public static List<Aligner> all() {
        List<Aligner> a = new ArrayList<>();
        METHODS.forEach((c, ms) -> ms.forEach(m -> a.add(of(c, m))));
        return a;
    }

    /** The classes exact for {@code activation}, with {@code none}. */
    public static List<SymmetryClass> exactClasses(HiddenActivation activation) {
        Set<SymmetryClass> exact = MlpSymmetries.exactClasses(activation);
        List<SymmetryClass> out = new ArrayList<>();
        out.add(SymmetryClass.NONE);
        for (SymmetryClass c : SymmetryClass.values()) {
            if (exact.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Throws a one-line error unless {@code c} is an exact symmetry of {@code spec} and {@code m} exists for it,
     * e.g. {@code symmetry_class orthogonal is not a symmetry of relu MLPs; allowed: none, permutation, ...}.
     */
    public static void check(MlpSpec spec, SymmetryClass c, AlignmentMethod m) {
        List<SymmetryClass> exact = exactClasses(spec.activation());
        if (!exact.contains(c)) {
            throw new IllegalArgumentException("symmetry_class " + c.specName() + " is not a symmetry of "
                    + spec.activation().specName() + " MLPs; allowed: " + exact.stream().map(SymmetryClass::specName)
                    .collect(Collectors.joining(", ")));
        }
        of(c, m);
    }
}
