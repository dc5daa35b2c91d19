package io.symsweep.align;

import io.symsweep.mlp.MlpSpec;
import io.symsweep.mlp.MlpSymmetries;
import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.UnitTransform;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The walk the site-by-site fits share ({@link InvertibleLeastSquares}, {@link SemiPermutationAlignment}): hidden
 * layer by hidden layer, A's and B's vectors at B's site ({@link SiteVectors}: activations for
 * {@link AlignmentMethod#ACTIVATION_MATCHING}, otherwise incoming weights read through the maps found so far), one
 * fitted transform per site, then B moved by all of them. Non-finite vectors, or a fit that throws
 * {@link SiteFailure}, end the walk in a failed alignment with that status.
 */
abstract class SiteBySiteAligner extends AbstractAligner {

    /** {@code method} must be one the walk has vectors for: activation or weight matching. */
    SiteBySiteAligner(SymmetryClass symmetryClass, AlignmentMethod method, String what) {
        super(symmetryClass, requireOneOf(method, what + " from activations or weights",
                AlignmentMethod.ACTIVATION_MATCHING, AlignmentMethod.WEIGHT_MATCHING));
    }

    /** One call's fit: a transform per site, in layer order, then the objective over all sites. */
    interface Fit {

        /** The transform of site {@code s} (hidden layer {@code l}) from its finite vectors. */
        UnitTransform site(Site s, int l, SiteVectors v) throws SiteFailure;

        double objective();

        /** The alignment's detail; empty by default. */
        default String detail() {
            return "";
        }
    }

    /** A site whose fit cannot proceed, with the status it gives the alignment. */
    static final class SiteFailure extends Exception {

        private static final long serialVersionUID = 1L;

        final AlignmentStatus status;

        SiteFailure(AlignmentStatus status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** A new fit for problem {@code p}, whose vectors are activations when {@code fromActivations}. */
    abstract Fit fit(AlignmentProblem p, boolean fromActivations);

    /** The aligned model's spec: B's, unless the transforms give B' other widths. */
    MlpSpec alignedSpec(AlignmentProblem p) {
        return p.specB();
    }

    @Override
    public final Alignment align(AlignmentProblem p) {
        long start = System.nanoTime();
        SymmetryDeclaration decl = p.declarationB();
        Map<String, UnitTransform> t = new LinkedHashMap<>();
        Activations.Traces traces = method() == AlignmentMethod.ACTIVATION_MATCHING ? Activations.traces(p) : null;
        Fit fit = fit(p, traces != null);
        for (int l = 1; l < p.specB().layers(); l++) {
            Site s = decl.site(MlpSymmetries.siteName(l));
            SiteVectors sv = SiteVectors.at(p, traces, s, l, t);
            try {
                if (!sv.finite()) {
                    throw new SiteFailure(AlignmentStatus.NOT_FINITE, "non-finite values at site " + s.name());
                }
                t.put(s.name(), fit.site(s, l, sv));
            } catch (SiteFailure f) {
                return Alignment.failed(symmetryClass(), method(), p, f.status, f.getMessage(), start);
            }
        }
        return new Alignment(symmetryClass(), method(), alignedSpec(p), decl.apply(p.b(), t), t, fit.objective(),
                p.specB().layers() - 1, (System.nanoTime() - start) * 1e-9, AlignmentStatus.OK, fit.detail());
    }
}
