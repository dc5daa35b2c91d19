package io.symsweep.experiment;

import java.io.Serializable;
import java.util.Locale;

/**
 * A file of the user's that a sweep reads once, on the driver, before any stage runs, and ships to every task
 * ({@link SweepInputs}): a data set named in a spec. Comma-separated text is read by {@link io.symsweep.data.CsvTableReader}
 * (no Spark needed, so {@code symsweep validate} checks it too); Parquet is read by the Spark adapter.
 *
 * @param path   the path as the spec gives it (a local path, or for Parquet any Hadoop URI)
 * @param format how it is read
 * @param field  the spec field that names it, for messages
 */
public record InputFile(String path, Format format, String field) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How a file is read. */
    public enum Format {
        CSV, PARQUET
    }

    public InputFile {
        if (path == null || path.isBlank() || format == null || field == null) {
            throw new IllegalArgumentException("an input file needs a path, a format and the field naming it");
        }
    }

    /** The format a path's extension names ({@code .csv}; {@code .parquet} or {@code .parq}), or null for another. */
    public static Format formatOf(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".csv")) {
            return Format.CSV;
        }
        if (p.endsWith(".parquet") || p.endsWith(".parq")) {
            return Format.PARQUET;
        }
        return null;
    }
}
