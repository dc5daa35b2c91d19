package io.symsweep.table;

import java.util.List;
import java.util.Map;

/**
 * How rows written under an older schema version read as the current one, declared beside the table: the columns
 * the new version added (null in the old rows, so they must be nullable) and status values renamed.
 *
 * @param from          the old schema version
 * @param addedColumns  columns absent from rows of version {@code from}
 * @param renamedValues column to (old value to new value), e.g. {@code status: NONFINITE -> NOT_FINITE}
 */
public record Migration(int from, List<String> addedColumns, Map<String, Map<String, String>> renamedValues) {

    public Migration {
        addedColumns = List.copyOf(addedColumns);
        renamedValues = Map.copyOf(renamedValues);
    }

    /** Columns added, nothing renamed. */
    public static Migration added(int from, String... columns) {
        return new Migration(from, List.of(columns), Map.of());
    }

    /** One column's values renamed, no column added. */
    public static Migration renamed(int from, String column, Map<String, String> values) {
        return new Migration(from, List.of(), Map.of(column, values));
    }
}
