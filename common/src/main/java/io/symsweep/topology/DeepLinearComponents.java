package io.symsweep.topology;

import io.symsweep.model.MlpParameters;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.alg.util.UnionFind;

/**
 * Counts the connected components of the minimum of {@code ||Y - W_l ... W_1 X||_F^2} (square {@code h x h}
 * weights) from trained minima, with the evidence the count rests on (Corollary 4.2, Proposition 5.2):
 * <ol>
 *   <li>classify each converged minimum by its sign pattern ({@link MinimumHomeomorphism});</li>
 *   <li>within a class, join every member to the class's first member by a {@link MinimumPath} whose loss stays
 *       within the tolerance at every grid point (union-find);</li>
 *   <li>across classes, certify the separation with a {@link CrossingCertificate} between the classes' first
 *       members;</li>
 *   <li>up to permutation ({@code h >= 2}), first move every minimum into the reference's class with the
 *       permutations of Proposition 5.2 ({@link PermutationAlignment}), then join it to the reference.</li>
 * </ol>
 * A class counts as a verified component when all its members were joined and all its crossings certified.
 * The prediction is {@code 2^(l-1)} (1 up to permutation); when the samples miss a class the count is not
 * reported as measured ({@link SurveyStatus#INCOMPLETE_SAMPLING}). Cost: one path of {@code gridPoints}
 * points per converged minimum, one bisection per pair of classes.
 */
public final class DeepLinearComponents {

    private DeepLinearComponents() {
    }

    /**
     * The survey of {@code runs} on the net of {@code f}.
     *
     * @param pathTolerance     the largest loss allowed on a path within a class (absolute); below
     *                          {@code sigma_min(Y)^2}, else the survey ends as
     *                          {@link SurveyStatus#TOLERANCE_ABOVE_BARRIER}
     * @param gridPoints        points of the path's grid in {@code t}
     * @param upToPermutation   count components up to permutation of hidden units (needs {@code h >= 2})
     */
    public static ComponentSurvey survey(MinimumHomeomorphism f, List<TrainingResult> runs, boolean upToPermutation,
            int gridPoints, double pathTolerance) {
        if (upToPermutation && f.width() < 2) {
            throw new IllegalArgumentException("up to permutation needs h >= 2 (Proposition 5.2), found h = "
                    + f.width());
        }
        int n = runs.size();
        ClassifiedMinimum[] minimum = new ClassifiedMinimum[n];
        Map<SignPattern, List<Integer>> classes = new LinkedHashMap<>();
        int converged = 0;
        for (int k = 0; k < n; k++) {
            TrainingResult r = runs.get(k);
            if (r.status() != TrainingStatus.CONVERGED) {
                continue;
            }
            converged++;
            minimum[k] = ClassifiedMinimum.of(f, r.weights());
            if (minimum[k] != null) {
                classes.computeIfAbsent(minimum[k].pattern(), p -> new ArrayList<>()).add(k);
            }
        }
        int predicted = upToPermutation ? 1 : SignPattern.count(f.layers() - 1);
        double bound = f.singularLossBound();
        if (classes.isEmpty() || !(pathTolerance < bound)) {
            return new ComponentSurvey(n, converged, classes.size(), 0, predicted, 0, 0, Double.NaN, Double.NaN, 0,
                    0, bound, pathTolerance, classes.isEmpty() ? SurveyStatus.NO_MINIMA
                            : SurveyStatus.TOLERANCE_ABOVE_BARRIER,
                    outcomes(runs, minimum, new Integer[n], new int[n][]));
        }

        UnionFind<Integer> joined = new UnionFind<>(new java.util.LinkedHashSet<>());
        Tally paths = new Tally();
        Map<SignPattern, Boolean> classComplete = new HashMap<>();
        int[][] permutation = new int[n][];
        boolean[] failed = new boolean[n];
        if (!upToPermutation) {
            for (Map.Entry<SignPattern, List<Integer>> e : classes.entrySet()) {
                List<Integer> members = e.getValue();
                int rep = members.get(0);
                joined.addElement(rep);
                boolean complete = true;
                for (int m : members.subList(1, members.size())) {
                    joined.addElement(m);
                    complete &= joinIfVerified(MinimumPath.check(f, minimum[m], minimum[rep], gridPoints,
                            pathTolerance), m, rep, paths, joined, failed);
                }
                classComplete.put(e.getKey(), complete);
            }
        } else {
            int ref = classes.values().iterator().next().get(0);
            SignPattern target = minimum[ref].pattern();
            joined.addElement(ref);
            permutation[ref] = new int[f.layers() - 1];
            boolean complete = true;
            for (int k = 0; k < n; k++) {
                if (minimum[k] == null || k == ref) {
                    continue;
                }
                joined.addElement(k);
                permutation[k] = PermutationAlignment.transpositions(minimum[k].pattern(), target);
                MlpParameters moved = PermutationAlignment.apply(minimum[k].weights(), permutation[k]);
                ClassifiedMinimum aligned = ClassifiedMinimum.of(f, moved);
                if (aligned == null || !aligned.pattern().equals(target)) {
                    failed[k] = true;
                    complete = false;
                    paths.failed++;
                    continue;
                }
                complete &= joinIfVerified(MinimumPath.check(f, aligned, minimum[ref], gridPoints, pathTolerance), k,
                        ref, paths, joined, failed);
            }
            classComplete.put(target, complete);
        }

        // Crossings between the classes as sampled (before any permutation): the separation Corollary 4.2 states.
        List<SignPattern> found = new ArrayList<>(classes.keySet());
        Map<SignPattern, Boolean> separated = new HashMap<>();
        found.forEach(p -> separated.put(p, true));
        double minCrossing = Double.NaN;
        int certified = 0;
        int crossingsFailed = 0;
        for (int i = 0; i < found.size(); i++) {
            for (int j = i + 1; j < found.size(); j++) {
                CrossingCertificate c = CrossingCertificate.linear(f, minimum[classes.get(found.get(i)).get(0)],
                        minimum[classes.get(found.get(j)).get(0)]);
                minCrossing = Double.isNaN(minCrossing) ? c.loss() : Math.min(minCrossing, c.loss());
                if (c.certified()) {
                    certified++;
                } else {
                    crossingsFailed++;
                    separated.put(found.get(i), false);
                    separated.put(found.get(j), false);
                }
            }
        }

        int verified;
        if (upToPermutation) {
            verified = classComplete.values().iterator().next() && crossingsFailed == 0 ? 1 : 0;
        } else {
            verified = (int) found.stream().filter(p -> classComplete.get(p) && separated.get(p)).count();
        }
        Integer[] component = labels(joined, minimum, failed);
        SurveyStatus status = crossingsFailed > 0 ? SurveyStatus.CROSSING_FAILED
                : paths.failed > 0 ? SurveyStatus.PATH_FAILED
                : found.size() < SignPattern.count(f.layers() - 1) ? SurveyStatus.INCOMPLETE_SAMPLING
                : SurveyStatus.OK;
        return new ComponentSurvey(n, converged, found.size(), verified, predicted, paths.verified, paths.failed,
                paths.max, minCrossing, certified, crossingsFailed, bound, pathTolerance, status,
                outcomes(runs, minimum, component, permutation));
    }

    /** Component labels 0, 1, ... in order of each set's first sample; null for samples that joined nothing. */
    private static Integer[] labels(UnionFind<Integer> joined, ClassifiedMinimum[] minimum, boolean[] failed) {
        Integer[] out = new Integer[minimum.length];
        Map<Integer, Integer> byRoot = new HashMap<>();
        for (int k = 0; k < minimum.length; k++) {
            if (minimum[k] == null || failed[k]) {
                continue;
            }
            out[k] = byRoot.computeIfAbsent(joined.find(k), r -> byRoot.size());
        }
        return out;
    }

    private static List<ComponentSurvey.SampleOutcome> outcomes(List<TrainingResult> runs,
            ClassifiedMinimum[] minimum, Integer[] component, int[][] permutation) {
        List<ComponentSurvey.SampleOutcome> out = new ArrayList<>(runs.size());
        for (int k = 0; k < runs.size(); k++) {
            TrainingResult r = runs.get(k);
            out.add(new ComponentSurvey.SampleOutcome(r.weights().layers(), r.finalLoss(), minimum[k] != null,
                    minimum[k] == null ? null : minimum[k].pattern(), component[k], permutation[k]));
        }
        return out;
    }

    /** Records {@code check}; joins {@code k} to {@code ref} when it verified, else marks {@code k} failed. */
    private static boolean joinIfVerified(PathCheck check, int k, int ref, Tally paths, UnionFind<Integer> joined,
            boolean[] failed) {
        paths.record(check);
        if (check.verified()) {
            joined.union(k, ref);
            return true;
        }
        failed[k] = true;
        return false;
    }

    /** Counts of paths and their largest loss. */
    private static final class Tally {
        int verified;
        int failed;
        double max = Double.NaN;
        boolean checked;

        void record(PathCheck check) {
            max = checked ? MinimumPath.maxNaN(max, check.maxLoss()) : check.maxLoss();
            checked = true;
            if (check.verified()) {
                verified++;
            } else {
                failed++;
            }
        }
    }
}
