package io.symsweep.align;

import io.symsweep.params.ParameterSet;
import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.UnitTransform;
import io.symsweep.symmetry.Permutation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Weight matching (Git Re-Basin Alg. 1, Ainsworth et al. 2023, generalised from permutations to orthogonal maps):
 * maximise {@code <A, T.B>} over all parameters by coordinate descent over the sites. For one site, with every
 * other site's transform fixed, {@code <A, T.B>} is {@code <M, T_s>} plus a constant, {@code M} the cross products
 * of the units' incoming and outgoing weights and biases ({@link UnitVectors#crossProducts}); its maximiser is one
 * linear assignment (permutations) or one Procrustes SVD (orthogonal). Sites are visited in a random order each
 * sweep, until a sweep improves none (by more than 1e-12 relative) or the sweep budget is spent; orthogonal maps,
 * whose alternating Procrustes steps converge only linearly, also stop once a sweep's total gain is below 1e-6
 * of {@code max(1, ||A|| ||B||)}, the bound of the objective (between independent networks they can take
 * hundreds of sweeps to gain the last 1e-7).
 *
 * <p>Starts ({@link AlignmentSettings#restarts()}): the identity (Git Re-Basin's), then a site-by-site match of the
 * incoming weights alone in declaration order (exact on a planted transform whenever the units' incoming weights
 * are distinct, since the first layer reads the fixed inputs), then random members of the class; the largest
 * objective wins, the earliest start on ties.
 */
final class WeightMatching extends AbstractAligner {

    WeightMatching(SymmetryClass c) {
        super(requireOneOf(c, "weight matching by coordinate descent takes permutation or orthogonal",
                SymmetryClass.PERMUTATION, SymmetryClass.ORTHOGONAL), AlignmentMethod.WEIGHT_MATCHING);
    }

    @Override
    public Alignment align(AlignmentProblem p) {
        long start = System.nanoTime();
        SymmetryDeclaration decl = p.declarationB();
        List<Map<String, UnitTransform>> starts = new ArrayList<>();
        starts.add(identity(decl));
        if (p.settings().restarts() > 1) {
            try {
                starts.add(incomingMatch(decl, p.a(), p.b()));
            } catch (IllegalArgumentException | ArithmeticException e) {
                return Alignment.failed(symmetryClass(), method(), p, AlignmentStatus.NOT_FINITE, e.getMessage(), start);
            }
        }
        SplittableRandom rng = new SplittableRandom(p.settings().seed());
        for (int r = 2; r < p.settings().restarts(); r++) {
            Map<String, UnitTransform> t = new LinkedHashMap<>();
            for (Site s : decl.sites()) {
                t.put(s.name(), Projections.random(symmetryClass(), s.size(), rng));
            }
            starts.add(t);
        }
        return descend(p, starts, start);
    }

    /** Coordinate descent from {@code initial} only (the learned method's projection, warm-started). */
    Alignment alignFrom(AlignmentProblem p, Map<String, UnitTransform> initial) {
        return descend(p, List.of(initial), System.nanoTime());
    }

    private Alignment descend(AlignmentProblem p, List<Map<String, UnitTransform>> starts, long startNanos) {
        SymmetryDeclaration decl = p.declarationB();
        Map<String, UnitTransform> best = null;
        double bestObjective = Double.NEGATIVE_INFINITY;
        int bestStart = -1;
        boolean bestConverged = false;
        int sweepsTotal = 0;
        // permutations improve by discrete steps; the Procrustes updates of orthogonal maps converge linearly
        double tolerance = 1e-6;
        // ||A|| ||B|| bounds |<A, T.B>| for orthogonal T
        double scale = Math.max(1, Math.sqrt(UnitVectors.inner(p.a(), p.a()) * UnitVectors.inner(p.b(), p.b())));
        for (int r = 0; r < starts.size(); r++) {
            Map<String, UnitTransform> t = new LinkedHashMap<>(starts.get(r));
            SplittableRandom order = new SplittableRandom(p.settings().seed() * 31 + r);
            boolean converged = false;
            for (int sweep = 0; sweep < p.settings().maxSweeps(); sweep++) {
                sweepsTotal++;
                boolean progress = false;
                double gain = 0;
                int[] sites = Permutation.randomImages(order, decl.sites().size());
                for (int k : sites) {
                    Site s = decl.sites().get(k);
                    Map<String, UnitTransform> others = new LinkedHashMap<>(t);
                    others.remove(s.name());
                    ParameterSet moved = decl.apply(p.b(), others);
                    double[][] m = UnitVectors.crossProducts(s, p.a(), moved, false);
                    if (!UnitVectors.finite(m)) {
                        return Alignment.failed(symmetryClass(), method(), p, AlignmentStatus.NOT_FINITE,
                                "non-finite weights at site " + s.name(), startNanos);
                    }
                    UnitTransform candidate = Projections.best(symmetryClass(), m);
                    double old = UnitVectors.inner(m, t.get(s.name()));
                    double now = UnitVectors.inner(m, candidate);
                    if (now > old + 1e-12 * Math.max(1, Math.abs(old))) {
                        t.put(s.name(), candidate);
                        gain += now - old;
                        progress = true;
                    }
                }
                if (!progress || (symmetryClass() == SymmetryClass.ORTHOGONAL
                        && gain <= tolerance * scale)) {
                    converged = true;
                    break;
                }
            }
            double objective = UnitVectors.inner(p.a(), decl.apply(p.b(), t));
            if (objective > bestObjective) {
                bestObjective = objective;
                best = t;
                bestStart = r;
                bestConverged = converged;
            }
        }
        ParameterSet aligned = decl.apply(p.b(), best);
        String[] names = {"identity", "incoming", "random"};
        return new Alignment(symmetryClass(), method(), p.specB(), aligned, best, bestObjective, sweepsTotal,
                (System.nanoTime() - startNanos) * 1e-9,
                bestConverged ? AlignmentStatus.OK : AlignmentStatus.NOT_CONVERGED,
                "best start: " + names[Math.min(bestStart, 2)] + (bestStart >= 2 ? " " + (bestStart - 2) : ""));
    }

    Map<String, UnitTransform> identity(SymmetryDeclaration decl) {
        Map<String, UnitTransform> t = new LinkedHashMap<>();
        for (Site s : decl.sites()) {
            t.put(s.name(), Projections.identity(symmetryClass(), s.size()));
        }
        return t;
    }

    /** Site by site in declaration order, each matched on its incoming weights and biases given the earlier ones. */
    private Map<String, UnitTransform> incomingMatch(SymmetryDeclaration decl, ParameterSet a, ParameterSet b) {
        Map<String, UnitTransform> t = new LinkedHashMap<>();
        for (Site s : decl.sites()) {
            double[][] m = UnitVectors.crossProducts(s, a, decl.apply(b, t), true);
            if (!UnitVectors.finite(m)) {
                throw new IllegalArgumentException("non-finite weights at site " + s.name());
            }
            t.put(s.name(), Projections.best(symmetryClass(), m));
        }
        return t;
    }
}
