package io.symsweep.experiment;

import io.symsweep.data.ColumnTable;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of a sweep's {@link InputFile}s, read once on the driver and shipped to every task (a Spark broadcast
 * variable), by the path the spec gives. Immutable. Kinds that read no file receive {@link #NONE}.
 *
 * @param tables path to the file's table
 */
public record SweepInputs(Map<String, ColumnTable> tables) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** No file. */
    public static final SweepInputs NONE = new SweepInputs(Map.of());

    public SweepInputs {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** The table read from {@code path}; throws when the sweep did not read it (a defect of the kind's {@code inputFiles}). */
    public ColumnTable table(String path) {
        ColumnTable t = tables.get(path);
        if (t == null) {
            throw new IllegalStateException("input file " + path + " was not read for this sweep; read: "
                    + tables.keySet());
        }
        return t;
    }

    /** Reads every CSV file of {@code files} here, without Spark; a Parquet file throws (it needs the Spark adapter). */
    public static SweepInputs readLocally(List<InputFile> files) {
        Map<String, ColumnTable> out = new LinkedHashMap<>();
        for (InputFile f : files) {
            if (out.containsKey(f.path())) {
                continue;
            }
            if (f.format() != InputFile.Format.CSV) {
                throw new IllegalStateException(f.path() + ": Parquet is read by the Spark adapter");
            }
            out.put(f.path(), io.symsweep.data.CsvTableReader.read(java.nio.file.Path.of(f.path())));
        }
        return new SweepInputs(out);
    }
}
