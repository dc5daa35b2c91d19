package io.symsweep.table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * One {@code symsweep run} into a results folder: what it was asked, what it did, and everything about the machine
 * that bitwise reproducibility claims depend on (Tribuo records OS and architecture in provenance for the same
 * reason). Written by the Spark adapter once per run, also when the run failed or was interrupted (as far as the
 * JVM lets it), and never in the way of the results: a failure to write it is a warning.
 */
public record RunRow(
        @ColumnDoc("id of the run (a random UUID)") String runId,
        @ColumnDoc("name of the sweep") String sweep,
        @ColumnDoc("experiment kind") String kind,
        @ColumnDoc("when the run started") Instant started,
        @ColumnDoc("when it ended") Instant ended,
        @ColumnDoc("COMPLETED, FAILED (an error ended it) or INTERRUPTED (the process was shut down, e.g. Ctrl-C)")
        Status status,
        @ColumnDoc(value = "the error that ended a FAILED run (null otherwise)", nullable = true) String failure,
        @ColumnDoc("per table: configurations the spec asks of it (for an artefact table: distinct artefacts)")
        Map<String, Long> planned,
        @ColumnDoc("per table: of those, already committed or not needed (every probe of an artefact committed)")
        Map<String, Long> skipped,
        @ColumnDoc("per table: configurations this run computed and committed") Map<String, Long> computed,
        @ColumnDoc("Spark master URL") String master,
        @ColumnDoc("executors registered at the end (local mode: 1, the driver)") int executors,
        @ColumnDoc("Spark's default parallelism (task slots)") int defaultParallelism,
        @ColumnDoc("symsweep version (version+git commit)") String codeVersion,
        @ColumnDoc("git commit symsweep was built from") String gitCommit,
        @ColumnDoc("java.version of the driver") String javaVersion,
        @ColumnDoc("os.name and os.version of the driver") String os,
        @ColumnDoc("os.arch of the driver") String arch,
        @ColumnDoc("whether every task of the run had the SIMD (Vector API) path of the dense engine; null when no task "
                + "ran") Boolean simd,
        @ColumnDoc("SIMD lanes per vector of doubles on the driver (1 without the Vector API)") int simdLanes,
        @ColumnDoc("DL4J version") String dl4jVersion,
        @ColumnDoc("ND4J version") String nd4jVersion,
        @ColumnDoc("the spec's YAML text") String spec) implements Serializable {

    /** The table of these rows. */
    public static final Table<RunRow> TABLE = RecordTable.of("runs", 1,
            "one row per symsweep run into the folder: what it computed, how it ended, on what machine", RunRow.class);

    /** How the run ended. */
    public enum Status {
        COMPLETED, FAILED, INTERRUPTED
    }
}
