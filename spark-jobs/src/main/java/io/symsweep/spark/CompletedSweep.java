package io.symsweep.spark;

import io.symsweep.BuildInfo;
import io.symsweep.experiment.Experiment;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A note, in the results folder, that a sweep completed: the spec's {@link SweepSpec#fingerprint() fingerprint}, the
 * build, how many rows each of its tables planned, and the data files each table held when the run ended. A rerun of
 * the same spec by the same build that finds every table's files as listed has nothing to compute: every id the plan's
 * anti-join would look for is in those files, which a run only adds to (a committed batch is one new file) and
 * quarantine only takes from; and each of those files was checked by that run before it read the table, or written by
 * it. The rerun then skips both the files' checks ({@link ResultStore#quarantineDamaged}, which reads every id) and the
 * plan, whose cost grows with the sweep (at 10^7 configurations on local[2], measured: about 40 s of checks and two
 * minutes of expansion, hashing and a join of 10^7 ids), and says that every configuration is already there.
 * <p>
 * Anything else (another spec or build, a file added, removed, quarantined or rewritten, a kind that reads the user's
 * files, whose contents the spec does not pin) plans in full, as without the note; so the note can make a rerun
 * faster but never change what it computes. The notes live under {@value #FOLDER}/, a hidden name that the readers of
 * the tables and {@code symsweep check} pass over.
 */
final class CompletedSweep {

    /** The folder of the notes under the results root, one file per spec fingerprint. */
    static final String FOLDER = "_completed";
    private static final String HEADER = "symsweep completed sweep 1";

    private CompletedSweep() {
    }

    /**
     * The rows each table of {@code kind} planned, when {@code store} holds a note of {@code spec} completed by this
     * build and every table's files are as the note lists them; empty otherwise.
     */
    static Optional<Map<String, Long>> find(ResultStore store, Experiment kind, SweepSpec spec) {
        if (kind.readsInputFiles()) {
            return Optional.empty();
        }
        String fingerprint = spec.fingerprint();
        String note = store.readNote(path(fingerprint));
        if (note == null) {
            return Optional.empty();
        }
        Map<String, Long> planned = planned(note);
        // A note that lacks a table's count, or whose listing differs from the files now, is no note of this folder.
        boolean counted = kind.tables().stream().allMatch(t -> planned.getOrDefault(t.name(), -1L) >= 0);
        boolean same = counted && note.equals(text(store, kind, fingerprint, planned));
        return same ? Optional.of(planned) : Optional.empty();
    }

    /**
     * Notes that {@code spec} is complete in {@code store}, with {@code planned} rows per table of {@code kind}. Never
     * fails the run whose rows are all committed: a note that cannot be written (a full or read-only disk) is left out,
     * and the next run plans in full.
     */
    static void record(ResultStore store, Experiment kind, SweepSpec spec, Map<String, Long> planned) {
        if (kind.readsInputFiles()) {
            return;
        }
        String fingerprint = spec.fingerprint();
        try {
            store.writeNote(path(fingerprint), text(store, kind, fingerprint, planned));
        } catch (java.io.UncheckedIOException e) {
            // only an optimisation of the next run
        }
    }

    /** Where the note of the spec with {@code fingerprint} is, under the results root. */
    static String path(String fingerprint) {
        return FOLDER + "/" + fingerprint;
    }

    /** The note as it would be written now: header, fingerprint, build, then per table its count and its files. */
    private static String text(ResultStore store, Experiment kind, String fingerprint, Map<String, Long> planned) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        s.append("spec ").append(fingerprint).append('\n');
        s.append("build ").append(BuildInfo.version()).append(' ').append(BuildInfo.commit()).append('\n');
        for (Table<?> t : kind.tables()) {
            s.append("table ").append(t.name()).append(' ').append(planned.getOrDefault(t.name(), -1L)).append('\n');
            for (String file : store.listing(t)) {
                s.append("file ").append(t.name()).append(' ').append(file).append('\n');
            }
        }
        return s.toString();
    }

    /** The {@code table NAME COUNT} lines of a note (none when one is malformed). */
    private static Map<String, Long> planned(String note) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : note.split("\n")) {
            String[] f = line.split(" ");
            if (f.length == 3 && f[0].equals("table")) {
                try {
                    out.put(f[1], Long.parseLong(f[2]));
                } catch (NumberFormatException e) {
                    return Map.of();
                }
            }
        }
        return out;
    }
}
