package io.symsweep.experiment;

import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.sweep.SpecField;
import io.symsweep.table.MinimumRow;
import io.symsweep.table.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A two-stage kind whose artefact is a trained minimum: the configuration without its {@code probe} section
 * identifies the minimum, trained once into {@code minima} ({@link MinimumTraining}) and probed by every configuration
 * that shares it. {@code rescaling-barrier} and {@code symmetry-curve} differ only in their fields and their probe.
 */
abstract class MinimumProbingExperiment extends DeclaredExperiment implements TwoStageExperiment<MinimumRow> {

    private static final long serialVersionUID = 1L;

    /** The section of the probe settings: the configuration without it is the minimum's. */
    static final String PROBE_SECTION = "probe.";

    private final transient SpecField widths;
    private final transient SpecField samples;
    private final transient ActivationFields activation;

    /**
     * A kind whose fields are, in spec order, the minimum's ({@code widths}, {@code activation}, {@code samples} and
     * {@link TrainingFields#GRADIENT_DESCENT}) and then {@code probeFields}.
     */
    MinimumProbingExperiment(String name, SpecField widths, ActivationFields activation, SpecField samples,
            List<SpecField> probeFields, Table<?> probeTable) {
        super(name, fields(widths, activation, samples, probeFields), List.of(MinimumRow.TABLE, probeTable));
        this.widths = widths;
        this.samples = samples;
        this.activation = activation;
    }

    private static List<SpecField> fields(SpecField widths, ActivationFields activation, SpecField samples,
            List<SpecField> probeFields) {
        List<SpecField> f = new ArrayList<>(List.of(widths));
        f.addAll(activation.fields());
        f.add(samples);
        f.addAll(TrainingFields.GRADIENT_DESCENT);
        f.addAll(probeFields);
        return List.copyOf(f);
    }

    @Override
    public final Table<MinimumRow> artefactTable() {
        return MinimumRow.TABLE;
    }

    @Override
    public final List<Table<?>> probeTables() {
        return tables().subList(1, tables().size());
    }

    /** The keys of a minimum's configuration: all but the probe settings. */
    private static boolean minimumKey(String key) {
        return !key.startsWith(PROBE_SECTION);
    }

    /** The minimum's configuration: everything but the probe settings. */
    public final Configuration minimumOf(Configuration c) {
        return c.project(MinimumProbingExperiment::minimumKey);
    }

    /**
     * True when {@code probe} probes the minimum whose configuration is {@code minimum} (one {@link #minimumOf} gave):
     * {@code minimumOf(probe).equals(minimum)}, without building the projection.
     */
    final boolean probes(Configuration probe, Configuration minimum) {
        return probe.agreesOn(minimum, MinimumProbingExperiment::minimumKey);
    }

    @Override
    public final java.util.Optional<java.util.function.Predicate<String>> artefactProjection() {
        return java.util.Optional.of(MinimumProbingExperiment::minimumKey);
    }

    @Override
    public final List<Configuration> artefactsOf(Configuration probe) {
        return List.of(minimumOf(probe));
    }

    /** The minimum a configuration (or a minimum's configuration) describes. */
    final MinimumSettings minimum(Configuration c) {
        return MinimumSettings.parse(c, name(), widths, samples, activation);
    }

    @Override
    public final List<MinimumRow> produce(List<Configuration> minima, String sweep, ExecutionSettings execution) {
        return MinimumTraining.train(minima.stream().map(this::minimum).toList(), sweep, execution);
    }
}
