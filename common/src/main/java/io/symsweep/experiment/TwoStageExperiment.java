package io.symsweep.experiment;

import io.symsweep.experiment.IndependentExperiment.TableRows;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.table.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * An experiment kind in two stages: artefacts that are expensive and shared (trained minima, trained models) are
 * produced once, into {@link #artefactTable()}, then probed by many configurations, into {@link #probeTables()}.
 * The Spark adapter runs any such kind the same way: it produces the artefacts the pending probe configurations
 * name and the artefact table lacks, then ships the probe configurations, grouped by the artefacts they need, with
 * those artefact rows.
 *
 * <p>The algebra:
 * <ul>
 *   <li>{@link #artefactsOf} is a pure function of a probe configuration: the artefact configurations it needs, in
 *       the order {@link #probe} receives their rows (e.g. one minimum; model A then model B; N models). The
 *       artefact table is keyed by the ids of those configurations.</li>
 *   <li>{@link #produce} returns one artefact row per configuration, in order, keyed by its id, and does not
 *       depend on which artefacts share its call ({@code execution} and the batch change speed, never values).</li>
 *   <li>{@link #probe} returns, for every probe configuration of the group, its rows of each probe table (keyed by
 *       its id); they depend on the configuration and its artefact rows only, never on the group.</li>
 *   <li>Exactly once, per table: an artefact is produced only while the artefact table lacks its id and some
 *       pending probe needs it; a probe configuration is recomputed for a probe table only while that table holds
 *       no row with its id, and then only that table's rows are written. A configuration's rows for one table are
 *       always written together.</li>
 * </ul>
 * Numerical trouble (a diverged artefact, NaN, a singular matrix) is a status in the rows, never an exception.
 *
 * @param <A> the artefact row
 */
public interface TwoStageExperiment<A> extends Experiment {

    /** Where the artefacts go: {@code minima}, {@code models}. */
    Table<A> artefactTable();

    /** The tables the probe stage writes. */
    List<Table<?>> probeTables();

    /** The artefact table, then the probe tables. */
    @Override
    default List<Table<?>> tables() {
        List<Table<?>> all = new ArrayList<>();
        all.add(artefactTable());
        all.addAll(probeTables());
        return List.copyOf(all);
    }

    /** The artefact configurations {@code probe} needs, in the order {@link #probe} receives their rows. */
    List<Configuration> artefactsOf(Configuration probe);

    /** Stage 1: the artefacts of {@code artefacts}, one row each, in order. */
    List<A> produce(List<Configuration> artefacts, String sweep, ExecutionSettings execution);

    /** Stage 2: the rows of every probe configuration of {@code group}, for each probe table. */
    List<TableRows<?>> probe(ProbeGroup<A> group, String sweep, ExecutionSettings execution);

    /**
     * The probe tables {@code probe} writes rows to: all of {@link #probeTables()} by default. A kind whose probe
     * configurations are of several sorts (pairs into one table, groups of models into another) names each one's
     * tables here; a configuration is planned, pending and counted only for those.
     */
    default List<Table<?>> probeTablesOf(Configuration probe) {
        return probeTables();
    }

    /** Stage 1 with the sweep's input files ({@link Experiment#inputFiles}); by default they are not read. */
    default List<A> produce(List<Configuration> artefacts, String sweep, ExecutionSettings execution,
            SweepInputs inputs) {
        return produce(artefacts, sweep, execution);
    }

    /** Stage 2 with the sweep's input files; by default they are not read. */
    default List<TableRows<?>> probe(ProbeGroup<A> group, String sweep, ExecutionSettings execution,
            SweepInputs inputs) {
        return probe(group, sweep, execution);
    }

    /**
     * Probe configurations that need the same artefacts, with those artefacts' rows.
     *
     * @param artefacts the rows of {@code artefactsOf(p)} for every {@code p} of {@code probes}, in that order
     * @param probes    the probe configurations
     */
    record ProbeGroup<A>(List<A> artefacts, List<Configuration> probes) implements Serializable {

        public ProbeGroup {
            artefacts = List.copyOf(artefacts);
            probes = List.copyOf(probes);
        }
    }
}
