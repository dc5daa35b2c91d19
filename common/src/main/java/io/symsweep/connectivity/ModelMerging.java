package io.symsweep.connectivity;

import io.symsweep.align.Aligners;
import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentSettings;
import io.symsweep.data.DataSplit;
import io.symsweep.family.AlignmentRequest;
import io.symsweep.family.MemberAlignment;
import io.symsweep.family.MlpFamily;
import io.symsweep.family.ModelFamily;
import io.symsweep.family.SplitEvaluation;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.mlp.TrainedModel;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.Tensor;
import io.symsweep.symmetry.Permutation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Multi-model merging (Git Re-Basin's MergeMany, Ainsworth et al. 2023 Alg. 3; Theus et al. 2025 Sec. 5), for any
 * model family: align {@code N >= 3} models of one architecture to a common reference by rounds of "align each
 * model, in a random order, to the mean of the others (as currently aligned)", until a round changes no model (to
 * 1e-12 relative) or the rounds are spent; then the loss of the mean, and for {@code N = 3} the loss over a grid on
 * the simplex.
 */
public final class ModelMerging {

    private ModelMerging() {
    }

    /** The MLP form: {@link #merge(ModelFamily, Serializable, List, Object, AlignmentRequest, ProbeSettings)}. */
    public static MergeResult merge(List<TrainedModel> models, DataSplit data, SymmetryClass c, AlignmentMethod m,
            ProbeSettings probe, AlignmentSettings settings) {
        MlpSpec spec = models.get(0).spec();
        for (TrainedModel t : models) {
            if (!t.spec().equals(spec)) {
                throw new IllegalArgumentException("merged models share one architecture: " + spec.label() + " vs "
                        + t.spec().label());
            }
        }
        if (c == SymmetryClass.SEMI_PERMUTATION) {
            throw new IllegalArgumentException("merging aligns models of one width: semi_permutation does not apply");
        }
        Aligners.check(spec, c, m);
        return merge(new MlpFamily(), new MlpFamily.Model(spec, models.get(0).training()),
                models.stream().map(TrainedModel::parameters).toList(), data,
                new AlignmentRequest(c.specName(), m.specName(), null, settings), probe);
    }

    /** Merges {@code models}, each of architecture {@code settings}, by {@code request}. */
    public static <S extends Serializable, D> MergeResult merge(ModelFamily<S, D> family, S settings,
            List<ParameterSet> models, D data, AlignmentRequest request, ProbeSettings probe) {
        long start = System.nanoTime();
        int n = models.size();
        if (n < 3) {
            throw new IllegalArgumentException("merging takes at least 3 models, found " + n);
        }
        AlignmentSettings base = request.settings();
        List<ParameterSet> aligned = new ArrayList<>(models);
        String[] transforms = new String[n];
        java.util.Arrays.fill(transforms, "{}");
        SplittableRandom rng = new SplittableRandom(base.seed());
        int rounds = 0;
        boolean converged = false;
        String status = "OK";
        while (rounds < probe.mergeIterations() && !converged) {
            rounds++;
            converged = true;
            int[] order = Permutation.randomImages(rng, n);
            for (int i : order) {
                List<ParameterSet> others = new ArrayList<>(aligned);
                others.remove(i);
                ParameterSet reference = mean(others, null);
                AlignmentRequest r = new AlignmentRequest(request.symmetryClass(), request.method(),
                        request.headMode(), base.withSeed(base.seed() + 7919L * rounds + i));
                MemberAlignment al = family.alignTo(settings, reference, models.get(i), data, r);
                if (al.status().equals("SINGULAR") || al.status().equals("NOT_FINITE")) {
                    status = al.status();
                    break;
                }
                if (al.status().equals("NOT_CONVERGED")) {
                    status = "NOT_CONVERGED";
                }
                double moved = al.aligned().distance(aligned.get(i));
                double scale = Math.max(1e-300, Math.sqrt(norm2(aligned.get(i))));
                if (moved > 1e-12 * scale) {
                    converged = false;
                }
                aligned.set(i, al.aligned());
                transforms[i] = al.transform();
            }
            if (status.equals("SINGULAR") || status.equals("NOT_FINITE")) {
                converged = false;
                break;
            }
        }
        double[] trainL = new double[n];
        double[] testL = new double[n];
        for (int i = 0; i < n; i++) {
            SplitEvaluation e = family.evaluate(settings, aligned.get(i), data);
            trainL[i] = e.trainLoss();
            testL[i] = e.testLoss();
        }
        SplitEvaluation merged = family.evaluate(settings, mean(aligned, null), data);
        double unaligned = family.evaluate(settings, mean(models, null), data).testLoss();
        double[][] weights = new double[0][];
        double[] sTe = new double[0];
        double[] sTr = new double[0];
        double simplexBarrier = Double.NaN;
        if (n == 3) {
            int k = probe.simplexDivisions();
            List<double[]> w = new ArrayList<>();
            for (int i = 0; i <= k; i++) {
                for (int j = 0; i + j <= k; j++) {
                    w.add(new double[] {(double) i / k, (double) j / k, (double) (k - i - j) / k});
                }
            }
            weights = w.toArray(new double[0][]);
            sTe = new double[weights.length];
            sTr = new double[weights.length];
            simplexBarrier = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < weights.length; q++) {
                SplitEvaluation e = family.evaluate(settings, mean(aligned, weights[q]), data);
                sTe[q] = e.testLoss();
                sTr[q] = e.trainLoss();
                double line = weights[q][0] * testL[0] + weights[q][1] * testL[1] + weights[q][2] * testL[2];
                simplexBarrier = Double.isFinite(sTe[q]) && !Double.isNaN(simplexBarrier)
                        ? Math.max(simplexBarrier, sTe[q] - line) : Double.NaN;
            }
        }
        double meanTest = 0;
        double meanTrain = 0;
        for (int i = 0; i < n; i++) {
            meanTest += testL[i] / n;
            meanTrain += trainL[i] / n;
        }
        if (status.equals("OK") && !Double.isFinite(merged.testLoss())) {
            status = "NOT_FINITE";
        }
        return new MergeResult(n, request.symmetryClass(), request.method(), rounds, converged, transforms, trainL,
                testL, merged.trainLoss(), merged.testLoss(), merged.trainAccuracy(), merged.testAccuracy(), unaligned,
                merged.testLoss() - meanTest, merged.trainLoss() - meanTrain, weights, sTe, sTr, simplexBarrier,
                (System.nanoTime() - start) * 1e-9, status);
    }

    /** {@code sum_i w_i p_i} (the plain mean when {@code w} is null). */
    static ParameterSet mean(List<ParameterSet> ps, double[] w) {
        ParameterSet first = ps.get(0);
        LinkedHashMap<String, Tensor> m = new LinkedHashMap<>();
        for (String name : first.names()) {
            Tensor t0 = first.get(name);
            double[] acc = new double[t0.size()];
            for (int i = 0; i < ps.size(); i++) {
                double wi = w == null ? 1.0 / ps.size() : w[i];
                Tensor t = ps.get(i).get(name);
                for (int k = 0; k < acc.length; k++) {
                    acc[k] += wi * t.at(k);
                }
            }
            m.put(name, new Tensor(t0.shape(), acc));
        }
        return new ParameterSet(m);
    }

    private static double norm2(ParameterSet p) {
        double s = 0;
        for (String name : p.names()) {
            Tensor t = p.get(name);
            for (int k = 0; k < t.size(); k++) {
                s += t.at(k) * t.at(k);
            }
        }
        return s;
    }
}
