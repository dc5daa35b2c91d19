package io.symsweep.sweep;

/**
 * A user error in a spec: {@code probe.factors[2]: must be > 0, found -2}. The message is one line that
 * names the path, says what is allowed and shows what was found.
 */
public final class SpecException extends RuntimeException {

    private final String path;

    public SpecException(String path, String detail) {
        super((path == null || path.isEmpty() ? "" : path + ": ") + detail, null, false, false);
        this.path = path;
    }

    /** The dotted path of the offending field, e.g. {@code probe.factors[2]}; empty for the whole file. */
    public String path() {
        return path;
    }
}
