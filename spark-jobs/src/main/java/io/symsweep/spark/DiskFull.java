package io.symsweep.spark;

import io.symsweep.failure.EnvironmentException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * A run stopped by a full disk, said in one line: the folder that is full (the results, or Spark's local folder where
 * a batch is gathered), the space free there, and the space the rest of the run needs there, estimated from what
 * each table's committed files take per configuration.
 */
final class DiskFull {

    private final SparkSession spark;
    private final ResultStore store;
    private final RunRecord record;

    DiskFull(SparkSession spark, ResultStore store, RunRecord record) {
        this.spark = spark;
        this.store = store;
        this.record = record;
    }

    /** True when {@code t} or one of its causes is the operating system's "no space left" (or a quota). */
    static boolean isDiskFull(Throwable t) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (; t != null && seen.put(t, true) == null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("no space left on device") || m.contains("disk quota exceeded")) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (isDiskFull(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    EnvironmentException exception(Throwable cause) {
        long free = store.freeBytes();
        String localDir = spark.sparkContext().getConf().get("spark.local.dir", System.getProperty("java.io.tmpdir"))
                .split(",")[0];
        long localFree = usable(localDir);
        List<String> parts = new ArrayList<>();
        List<String> unmeasured = new ArrayList<>();
        long needed = 0;
        for (Map.Entry<String, long[]> e : record.progress().entrySet()) {
            String table = e.getKey();
            long done = e.getValue()[0];
            long missing = e.getValue()[1];
            if (missing == 0) {
                continue;
            }
            long bytes = store.footprint(io.symsweep.experiment.Experiments.tables().stream()
                    .filter(t -> t.name().equals(table)).findFirst().orElseThrow())[0];
            if (done == 0 || bytes == 0) {
                unmeasured.add(table);
                continue;
            }
            double each = (double) bytes / done;
            needed += (long) (each * missing);
            parts.add(missing + " " + table + " at " + size((long) each) + " each");
        }
        boolean local = localFree >= 0 && free >= 0 && localFree < free;
        String where = local ? localDir + " (Spark's local folder, spark.local.dir, where each batch is gathered)"
                : store.root();
        String space = local ? size(localFree) + " free; each batch is gathered there, a smaller --batch needs less"
                : (free >= 0 ? size(free) + " free; " : "") + (parts.isEmpty()
                        ? "the first batch of " + String.join(", ", unmeasured) + " did not fit"
                        : "the rest of the run needs about " + size(needed) + " more (" + String.join(", ", parts)
                                + ", as the committed files take" + (unmeasured.isEmpty() ? ""
                                : "; and " + String.join(", ", unmeasured) + ", not measured yet") + ")");
        return new EnvironmentException(where + ": no space left on the device (" + space + "); free space and "
                + "rerun: what is committed is kept", cause);
    }

    private static long usable(String dir) {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(dir);
            while (p != null && !Files.exists(p)) {
                p = p.getParent();
            }
            return p == null ? -1 : Files.getFileStore(p).getUsableSpace();
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Bytes in KiB, MiB or GiB, one decimal. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes / 1024.0;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
