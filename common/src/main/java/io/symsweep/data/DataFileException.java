package io.symsweep.data;

/**
 * A user's data file cannot give the data a spec asks for: missing or unreadable file, a missing column, a
 * malformed row, or a value that is not a number. The message names the path and, where there is one, the
 * column (and the row), in one line.
 */
public final class DataFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String column;

    public DataFileException(String path, String column, String problem) {
        super(path + (column == null ? "" : ", column " + column) + ": " + problem);
        this.path = path;
        this.column = column;
    }

    /** The file. */
    public String path() {
        return path;
    }

    /** The column, or null when the problem is not in one column. */
    public String column() {
        return column;
    }
}
