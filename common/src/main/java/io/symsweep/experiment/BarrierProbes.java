package io.symsweep.experiment;

import io.symsweep.engine.Engine;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.probe.AlphaGrid;
import io.symsweep.probe.BarrierCurve;
import io.symsweep.probe.ClosedForms;
import io.symsweep.probe.LinearInterpolationProbe;
import io.symsweep.probe.PermutationBarrierProbe;
import io.symsweep.probe.PermutedBarrier;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.symmetry.HiddenUnits;
import io.symsweep.symmetry.Permutation;
import io.symsweep.symmetry.PermutationAction;
import io.symsweep.symmetry.RescalingAction;
import io.symsweep.table.BarrierRow;
import io.symsweep.table.MinimumRow;
import io.symsweep.table.Provenance;
import io.symsweep.train.TrainingStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Stage 2 of {@code rescaling-barrier}: the barrier between a trained minimum and its rescaled copy for each probe
 * setting; with {@code probe.permutation: best}, the lowest barrier over permutations of the rescaled layer's units
 * ({@link PermutationBarrierProbe}: exhaustive up to width 7, else the identity and an optimal linear-assignment matching of the units (Jonker-Volgenant)).
 */
final class BarrierProbes {

    /** {@code search} of a row that evaluated the identity only. */
    static final String SEARCH_NONE = "none";

    private BarrierProbes() {
    }

    /**
     * Every probe setting of one minimum at once, rows in the order of {@code cs}. The probes that interpolate to the
     * rescaled copy as it is ({@code permutation: identity}) are, per engine and alpha grid, one batch of loss
     * evaluations (all factors times all alphas); {@code permutation: best} probes search their candidate
     * permutations one network at a time. Every row is bitwise the one a probe alone gives.
     */
    static List<BarrierRow> probe(List<Configuration> cs, MinimumRow minimum, String sweep,
            ExecutionSettings execution) {
        if (cs.isEmpty()) {
            return List.of();
        }
        BarrierRow[] rows = new BarrierRow[cs.size()];
        RescalingBarrier kind = new RescalingBarrier();
        // Every probe must name this minimum: the first by id, the others by having its minimum's values (cheaper
        // than hashing each, and the same test since the id is a function of the values).
        Configuration minimumConfig = kind.minimumOf(cs.get(0));
        if (!minimumConfig.id().equals(minimum.provenance().configId())) {
            throw new IllegalArgumentException("configuration " + cs.get(0).id() + " does not probe minimum "
                    + minimum.provenance().configId());
        }
        MinimumSettings settings = RescalingBarrier.minimumSettings(minimumConfig);
        MlpArchitecture arch = settings.architecture();
        MlpParameters w = new MlpParameters(arch, minimum.weights());
        boolean diverged = minimum.status() == TrainingStatus.DIVERGED || !w.isFinite();
        BarrierSettings[] probes = new BarrierSettings[cs.size()];
        // The probes that interpolate to the rescaled copy as it is, per alpha grid (the engine is the minimum's).
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < cs.size(); i++) {
            Configuration c = cs.get(i);
            if (i > 0 && !kind.probes(c, minimumConfig)) {
                throw new IllegalArgumentException("configuration " + c.id() + " does not probe minimum "
                        + minimum.provenance().configId());
            }
            BarrierSettings s = BarrierSettings.parse(c);
            probes[i] = s;
            if (diverged) {
                rows[i] = divergedRow(c, s, minimum, sweep, arch);
            } else if (s.permutation() == BarrierSettings.Permutation.BEST) {
                rows[i] = bestPermutationRow(c, s, minimum, sweep, w, settings);
            } else {
                groups.computeIfAbsent(s.alphaPoints(), k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<Integer, List<Integer>> group : groups.entrySet()) {
            double[] alphas = AlphaGrid.uniform(group.getKey());
            List<MlpParameters> ends = new ArrayList<>(group.getValue().size());
            for (int i : group.getValue()) {
                ends.add(RescalingAction.on(arch, probes[i].rescaledLayer()).act(probes[i].factor(), w));
            }
            double[][] losses = settings.engine().lineLosses(w, ends, alphas, settings.data(), execution.batchSize());
            for (int j = 0; j < group.getValue().size(); j++) {
                int i = group.getValue().get(j);
                BarrierCurve curve = LinearInterpolationProbe.curve(alphas, losses[j]);
                rows[i] = row(cs.get(i), probes[i], minimum, sweep, w, ends.get(j), curve, curve, SEARCH_NONE, 1,
                        Permutation.identity(arch.width(probes[i].rescaledLayer())));
            }
        }
        return List.of(rows);
    }

    /** Proposition 5.4: the lowest barrier over permutations of the rescaled layer's units. */
    private static BarrierRow bestPermutationRow(Configuration c, BarrierSettings s, MinimumRow minimum, String sweep,
            MlpParameters w, MinimumSettings m) {
        MlpArchitecture arch = w.architecture();
        double[] alphas = AlphaGrid.uniform(s.alphaPoints());
        RegressionData data = m.data();
        Engine engine = m.engine();
        ToDoubleFunction<MlpParameters> loss = p -> engine.loss(p, data);
        MlpParameters wPrime = RescalingAction.on(arch, s.rescaledLayer()).act(s.factor(), w);
        HiddenUnits units = HiddenUnits.of(arch, s.rescaledLayer());
        PermutedBarrier p = PermutationBarrierProbe.run(loss, w, wPrime, units, alphas);
        MlpParameters permuted = new PermutationAction(units).act(p.permutation(), wPrime);
        return row(c, s, minimum, sweep, w, permuted, p.best(), p.identity(),
                p.search().name().toLowerCase(Locale.ROOT), p.candidates(), p.permutation());
    }

    /** The row of a measured probe: {@code curve} to {@code wPrime}, {@code identity} to the unpermuted copy. */
    private static BarrierRow row(Configuration c, BarrierSettings s, MinimumRow minimum, String sweep,
            MlpParameters w, MlpParameters wPrime, BarrierCurve curve, BarrierCurve identity, String search,
            int candidates, Permutation best) {
        double k = w.architecture().activation().degree();
        return new BarrierRow(Provenance.of(c, sweep), minimum.provenance().configId(), s.factor(), s.rescaledLayer(),
                s.permutation().specName(), curve.alphas().toArray(), curve.losses().toArray(), curve.barrier(),
                curve.midpointLoss(),
                ClosedForms.rescalingMidpointLoss(s.factor(), k, minimum.yNorm2()), w.distance(wPrime), search,
                candidates, best.images(), identity.barrier(), s.factorRange(), rangeLossBound(s, k, minimum),
                curve.isFinite() ? BarrierRow.Status.OK : BarrierRow.Status.NOT_FINITE, minimum.status());
    }

    /** The row of a probe whose minimum diverged: nothing to measure, the closed forms still stated. */
    private static BarrierRow divergedRow(Configuration c, BarrierSettings s, MinimumRow minimum, String sweep,
            MlpArchitecture arch) {
        double k = arch.activation().degree();
        double[] alphas = AlphaGrid.uniform(s.alphaPoints());
        double[] nan = new double[alphas.length];
        Arrays.fill(nan, Double.NaN);
        return new BarrierRow(Provenance.of(c, sweep), minimum.provenance().configId(), s.factor(), s.rescaledLayer(),
                s.permutation().specName(), alphas, nan, Double.NaN, Double.NaN,
                ClosedForms.rescalingMidpointLoss(s.factor(), k, minimum.yNorm2()), Double.NaN, SEARCH_NONE, 0,
                Permutation.identity(arch.width(s.rescaledLayer())).images(), Double.NaN, s.factorRange(),
                rangeLossBound(s, k, minimum), BarrierRow.Status.MINIMUM_DIVERGED, minimum.status());
    }

    private static Double rangeLossBound(BarrierSettings s, double k, MinimumRow minimum) {
        return s.factorRange() == null ? null : ClosedForms.rescalingLossBound(s.factorRange(), k, minimum.yNorm2());
    }
}
