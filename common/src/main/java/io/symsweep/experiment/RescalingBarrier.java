package io.symsweep.experiment;

import io.symsweep.experiment.IndependentExperiment.TableRows;
import io.symsweep.sweep.Check;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.sweep.KeyDependencies;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SpecField;
import io.symsweep.sweep.SpecValues;
import io.symsweep.table.BarrierRow;
import io.symsweep.table.MinimumRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code rescaling-barrier}: Proposition 5.3 and Figures 2 and 4 (Zhao et al. 2025). Train a bias-free MLP
 * with a homogeneous activation to a minimum {@code W} (stage 1, once per minimum: {@link MinimumTraining}), then
 * for each factor {@code m} rescale two adjacent layers, {@code W' = (..., m W_i, W_{i+1} m^-k, ...)}, which stays
 * on the minimum, and record the loss along the straight line from {@code W} to {@code W'} (stage 2:
 * {@link BarrierProbes}). The midpoint loss grows without bound in {@code m}, as Equation (15) predicts; it still
 * does when the rescaled layer's units are permuted for the lowest barrier (Proposition 5.4,
 * {@code probe.permutation: best}), and it stays below Eq. (14)'s maximum when the factors are confined to
 * {@code [1/c, c]} (Proposition 5.6, {@code probe.factor_range: c}). This class is the spec; the typed settings
 * are {@link MinimumSettings} and {@link BarrierSettings}.
 */
public final class RescalingBarrier extends MinimumProbingExperiment {

    private static final long serialVersionUID = 1L;

    public static final String NAME = "rescaling-barrier";
    /** Largest width accepted in a spec; beyond it the dense engine is the wrong tool. */
    public static final int MAX_WIDTH = 4096;

    static final SpecField WIDTHS = SpecField.integerList(TrainingFields.WIDTHS_KEY,
                    "[n_0, ..., n_l]: input features, hidden widths, outputs (W_i is n_i x n_{i-1})")
            .required().checked(Check.listOf(3, Check.between(1, MAX_WIDTH),
                    "a list of at least 3 widths (2 layers), each between 1 and " + MAX_WIDTH));
    static final ActivationFields ACTIVATION = ActivationFields.allowing(List.of("leaky_relu", "relu", "linear"),
            "leaky_relu", "hidden activation, positively homogeneous of degree k = 1");
    static final SpecField SAMPLES = SpecField.integer("data.samples",
            "samples: X is n_0 x samples, Y is n_l x samples, i.i.d. N(0,1)").required().checked(Check.between(1,
            1_000_000));
    static final SpecField FACTORS = SpecField.number("probe.factors", "rescaling factors m (each one a configuration)")
            .key("probe.factor").required().checked(Check.greaterThan(0));
    static final SpecField ALPHA_POINTS = SpecField.integer("probe.alpha_points",
                    "points of the alpha grid on [0, 1]; odd, so 0.5 is on it")
            .defaultsTo(25L).checked(new Check("an odd integer between 25 and 100001",
                    v -> (Long) v >= 25 && (Long) v <= 100_001 && (Long) v % 2 == 1));
    static final SpecField RESCALED_LAYER = SpecField.integer("probe.rescaled_layer",
                    "i: W_i is multiplied by m and W_{i+1} by m^-k (default l-1, the last two layers)")
            .checked(Check.atLeast(1));
    static final SpecField PERMUTATION = SpecField.choice("probe.permutation",
                    List.of(BarrierSettings.Permutation.IDENTITY.specName(), BarrierSettings.Permutation.BEST.specName()),
                    "identity: interpolate to m . W as it is; best: to P (m . W) for the permutation P of the "
                    + "rescaled layer's units with the lowest barrier (Prop 5.4)")
            .defaultsTo(BarrierSettings.Permutation.IDENTITY.specName());
    static final SpecField FACTOR_RANGE = SpecField.number("probe.factor_range",
                    "c >= 1: the orbit restricted to factors in [1/c, c] (Prop 5.6); every factor must lie in it, "
                    + "and rows carry the bound max over that range of Eq. (14)")
            .checked(Check.atLeast(1));

    public RescalingBarrier() {
        super(NAME, WIDTHS, ACTIVATION, SAMPLES,
                List.of(FACTORS, ALPHA_POINTS, RESCALED_LAYER, PERMUTATION, FACTOR_RANGE), BarrierRow.TABLE);
    }

    /**
     * Drops the slope of activations other than leaky ReLU, fills in the default rescaled layer, and drops
     * {@code probe.permutation: identity}: the identity is the absence of a permutation, so configurations
     * without one keep the ids they had before the field existed.
     */
    @Override
    public Configuration normalize(Configuration c) {
        c = ACTIVATION.normalize(c);
        if (!c.has(RESCALED_LAYER)) {
            c = c.with(RESCALED_LAYER, (long) (c.integers(WIDTHS).length - 2));
        }
        if (BarrierSettings.Permutation.IDENTITY.specName().equals(c.value(PERMUTATION))) {
            c = c.with(PERMUTATION, null);
        }
        return c;
    }

    /**
     * Normalisation reads the activation, slope, widths, rescaled layer and permutation; validation has two rules:
     * the rescaled layer against the widths, the factor against the factor range.
     */
    @Override
    public java.util.Optional<KeyDependencies> dependencies() {
        List<SpecField> normalized = new ArrayList<>(ACTIVATION.fields());
        normalized.addAll(List.of(WIDTHS, RESCALED_LAYER, PERMUTATION));
        return java.util.Optional.of(KeyDependencies.of(normalized, List.of(List.of(WIDTHS, RESCALED_LAYER),
                List.of(FACTORS, FACTOR_RANGE))));
    }

    @Override
    public void validate(Configuration c) {
        int[] widths = c.integers(WIDTHS);
        int layers = widths.length - 1;
        BarrierSettings s = BarrierSettings.parse(c);
        if (s.rescaledLayer() > layers - 1) {
            throw new SpecException(RESCALED_LAYER.path(), "must be between 1 and " + (layers - 1) + " (the network "
                    + Arrays.toString(widths) + " has " + layers + " layers), found " + s.rescaledLayer());
        }
        if (s.factorRange() != null) {
            double range = s.factorRange();
            double m = s.factor();
            if (!(m >= 1 / range && m <= range)) {
                throw new SpecException(FACTORS.path(), "must lie in [1/c, c] = [" + SpecValues.decimal(1 / range)
                        + ", " + SpecValues.decimal(range) + "] since " + FACTOR_RANGE.path() + " is "
                        + SpecValues.decimal(range) + ", found " + SpecValues.decimal(m));
            }
        }
    }

    /** The minimum a configuration (or a minimum's configuration) describes. */
    static MinimumSettings minimumSettings(Configuration c) {
        return KIND.minimum(c);
    }

    private static final RescalingBarrier KIND = new RescalingBarrier();

    @Override
    public List<TableRows<?>> probe(ProbeGroup<MinimumRow> group, String sweep, ExecutionSettings execution) {
        return List.of(new TableRows<>(BarrierRow.TABLE,
                BarrierProbes.probe(group.probes(), group.artefacts().get(0), sweep, execution)));
    }
}
