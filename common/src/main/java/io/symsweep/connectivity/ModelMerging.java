package io.symsweep.connectivity;

import io.symsweep.align.Aligner;
import io.symsweep.align.Aligners;
import io.symsweep.align.Alignment;
import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentProblem;
import io.symsweep.align.AlignmentSettings;
import io.symsweep.align.AlignmentStatus;
import io.symsweep.align.TransformJson;
import io.symsweep.data.DataSplit;
import io.symsweep.mlp.MlpForward;
import io.symsweep.mlp.MlpSpec;
import io.symsweep.mlp.TrainedModel;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Multi-model merging (Git Re-Basin's MergeMany, Ainsworth et al. 2023 Alg. 3; Theus et al. 2025 Sec. 5): align
 * {@code N >= 3} models of one architecture to a common reference by rounds of "align each model, in a random
 * order, to the mean of the others (as currently aligned)", until a round changes no model (to 1e-12 relative)
 * or the rounds are spent; then the loss of the mean, and for {@code N = 3} the loss over a grid on the simplex.
 */
public final class ModelMerging {

    private ModelMerging() {
    }

    public static MergeResult merge(List<TrainedModel> models, DataSplit data, SymmetryClass c, AlignmentMethod m,
            ProbeSettings probe, AlignmentSettings settings) {
        long start = System.nanoTime();
        int n = models.size();
        if (n < 3) {
            throw new IllegalArgumentException("merging takes at least 3 models, found " + n);
        }
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
        Aligner aligner = Aligners.of(c, m);
        List<ParameterSet> aligned = new ArrayList<>();
        String[] transforms = new String[n];
        for (TrainedModel t : models) {
            aligned.add(t.parameters());
        }
        for (int i = 0; i < n; i++) {
            transforms[i] = "{}";
        }
        SplittableRandom rng = new SplittableRandom(settings.seed());
        int rounds = 0;
        boolean converged = false;
        AlignmentStatus status = AlignmentStatus.OK;
        while (rounds < probe.mergeIterations() && !converged) {
            rounds++;
            converged = true;
            int[] order = shuffled(n, rng);
            for (int i : order) {
                List<ParameterSet> others = new ArrayList<>(aligned);
                others.remove(i);
                ParameterSet reference = mean(others, null);
                Alignment al = aligner.align(AlignmentProblem.of(spec, reference, models.get(i).parameters(),
                        data.train(), settings.withSeed(settings.seed() + 7919L * rounds + i)));
                if (al.status() == AlignmentStatus.SINGULAR || al.status() == AlignmentStatus.NOT_FINITE) {
                    status = al.status();
                    converged = true;
                    break;
                }
                if (al.status() == AlignmentStatus.NOT_CONVERGED) {
                    status = AlignmentStatus.NOT_CONVERGED;
                }
                double moved = al.aligned().distance(aligned.get(i));
                double scale = Math.max(1e-300, Math.sqrt(norm2(aligned.get(i))));
                if (moved > 1e-12 * scale) {
                    converged = false;
                }
                aligned.set(i, al.aligned());
                transforms[i] = TransformJson.write(al.transforms());
            }
            if (status == AlignmentStatus.SINGULAR || status == AlignmentStatus.NOT_FINITE) {
                break;
            }
        }
        double[] trainL = new double[n];
        double[] testL = new double[n];
        for (int i = 0; i < n; i++) {
            trainL[i] = MlpForward.evaluate(spec, aligned.get(i), data.train()).loss();
            testL[i] = MlpForward.evaluate(spec, aligned.get(i), data.test()).loss();
        }
        ParameterSet merged = mean(aligned, null);
        MlpForward.Evaluation mTr = MlpForward.evaluate(spec, merged, data.train());
        MlpForward.Evaluation mTe = MlpForward.evaluate(spec, merged, data.test());
        List<ParameterSet> raw = new ArrayList<>();
        for (TrainedModel t : models) {
            raw.add(t.parameters());
        }
        double unaligned = MlpForward.evaluate(spec, mean(raw, null), data.test()).loss();
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
                ParameterSet p = mean(aligned, weights[q]);
                sTe[q] = MlpForward.evaluate(spec, p, data.test()).loss();
                sTr[q] = MlpForward.evaluate(spec, p, data.train()).loss();
                double line = weights[q][0] * testL[0] + weights[q][1] * testL[1] + weights[q][2] * testL[2];
                simplexBarrier = Double.isFinite(sTe[q]) ? Math.max(simplexBarrier, sTe[q] - line) : Double.NaN;
                if (Double.isNaN(simplexBarrier)) {
                    break;
                }
            }
        }
        double meanTest = 0;
        double meanTrain = 0;
        for (int i = 0; i < n; i++) {
            meanTest += testL[i] / n;
            meanTrain += trainL[i] / n;
        }
        if (status == AlignmentStatus.OK && !Double.isFinite(mTe.loss())) {
            status = AlignmentStatus.NOT_FINITE;
        }
        return new MergeResult(n, c, m, rounds, converged, transforms, trainL, testL, mTr.loss(), mTe.loss(),
                mTr.accuracy(), mTe.accuracy(), unaligned, mTe.loss() - meanTest, mTr.loss() - meanTrain, weights, sTe,
                sTr, simplexBarrier, (System.nanoTime() - start) * 1e-9, status);
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

    private static int[] shuffled(int n, SplittableRandom rng) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }
}
