package io.symsweep.spark;

import io.symsweep.sweep.Configuration;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sweep still has to compute, given what its tables hold: the seam between planning and running. The plan
 * ({@link ExecutorPlan}) is made on the executors: they expand the sweep's points by index, compute ids, and remove
 * what the tables hold by a join, so the driver holds per-table counts and, per slice of the pending work, a few
 * counts. Each stage's work comes as {@link Slices}, which the job cuts into batches that commit one by one.
 */
interface SweepPlan extends AutoCloseable {

    /** Per table: configurations the spec asks of it (for the artefact table, distinct artefacts). */
    Map<String, Long> planned();

    /**
     * The artefact configurations to produce: the artefacts of every configuration that the artefact table lacks (also
     * those whose probes are all committed, e.g. after their file was quarantined).
     */
    Slices<Configuration> artefacts();

    /**
     * The pending probe configurations grouped by the artefacts they need, with those artefacts' rows: called after
     * the artefact stage, when the artefact table holds every artefact a pending probe needs.
     */
    Slices<ProbeWork<?>> probes();

    /** Releases what the plan keeps on the executors (cached work, broadcasts). */
    @Override
    void close();

    /**
     * A probe configuration and the tables that still lack its rows.
     *
     * @param config the configuration
     * @param tables names of the tables to write its rows to
     */
    record PendingProbe(Configuration config, Set<String> tables) implements Serializable {
    }

    /** Pending probes that share their artefacts, with the artefact rows (none for an independent kind). */
    record ProbeWork<A>(List<A> artefacts, List<PendingProbe> probes) implements Serializable {
    }
}
