package io.symsweep.spark;

import io.symsweep.sweep.Configuration;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sweep still has to compute, given what its tables hold: the seam between planning and running. Today's
 * plan ({@link DriverPlan}) is made on the driver from the configurations and the committed ids; everything it
 * derives is a pure function of one configuration (its id, its artefacts' ids, the tables that lack it), so a plan
 * made on the executors (a left anti join against the committed ids) can stand behind the same interface.
 */
interface SweepPlan {

    /**
     * Artefact configurations to produce now: the artefacts of every configuration that the artefact table lacks (also
     * those whose probes are all committed, e.g. after their file was quarantined).
     */
    List<Configuration> artefactsToProduce();

    /** Batches of pending probe configurations, each committed on its own, grouped by the artefacts they need. */
    List<List<PendingGroup>> probeBatches();

    /** Per table: configurations the spec asks of it (for the artefact table, distinct artefacts). */
    Map<String, Long> planned();

    /** Per table: configurations still to compute. */
    Map<String, Long> pending();

    /**
     * A probe configuration and the tables that still lack its rows.
     *
     * @param config the configuration
     * @param tables names of the tables to write its rows to
     */
    record PendingProbe(Configuration config, Set<String> tables) implements Serializable {
    }

    /**
     * Pending probes that need the same artefacts.
     *
     * @param artefactIds the ids of their artefact configurations, in the order the kind gives them (none for an
     *                    independent kind)
     * @param probes      the probes
     */
    record PendingGroup(List<String> artefactIds, List<PendingProbe> probes) implements Serializable {
    }
}
