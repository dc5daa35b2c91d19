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
@Columns("""
        run_id: id of the run (a random UUID)
        sweep: name of the sweep
        kind: experiment kind
        started: when the run started
        ended: when it ended
        status: COMPLETED, FAILED (an error ended it) or INTERRUPTED (the process was shut down, e.g. Ctrl-C)
        failure?: the error that ended a FAILED run (null otherwise)
        planned: per table: configurations the spec asks of it (for an artefact table: distinct artefacts)
        skipped: per table: of those, already committed or not needed (every probe of an artefact committed)
        computed: per table: configurations this run computed and committed
        master: Spark master URL
        executors: executors registered at the end (local mode: 1, the driver)
        default_parallelism: Spark's default parallelism (task slots)
        code_version: symsweep version (version+git commit)
        git_commit: git commit symsweep was built from
        java_version: java.version of the driver
        os: os.name and os.version of the driver
        arch: os.arch of the driver
        simd: whether every task of the run had the SIMD (Vector API) path of the dense engine; null when no task
            ran
        simd_lanes: SIMD lanes per vector of doubles on the driver (1 without the Vector API)
        dl4j_version: DL4J version
        nd4j_version: ND4J version
        spec: the spec's YAML text
        """)
public record RunRow(String runId, String sweep, String kind, Instant started, Instant ended, Status status,
        String failure, Map<String, Long> planned, Map<String, Long> skipped, Map<String, Long> computed,
        String master, int executors, int defaultParallelism, String codeVersion, String gitCommit,
        String javaVersion, String os, String arch, Boolean simd, int simdLanes, String dl4jVersion,
        String nd4jVersion, String spec) implements Serializable {

    /** The table of these rows. */
    public static final Table<RunRow> TABLE = RecordTable.of("runs", 1,
            "one row per symsweep run into the folder: what it computed, how it ended, on what machine", RunRow.class);

    /** How the run ended. */
    public enum Status {
        COMPLETED, FAILED, INTERRUPTED
    }
}
