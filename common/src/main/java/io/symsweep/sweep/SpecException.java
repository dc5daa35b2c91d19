package io.symsweep.sweep;

import io.symsweep.failure.InputException;

/**
 * A user error in a spec: {@code probe.factors[2]: must be > 0, found -2}. The message is one line that
 * names the path, says what is allowed and shows what was found. An error of the whole file (its encoding,
 * its size, a second YAML document) has an empty path and names the file instead:
 * {@code bad.yaml: not UTF-8 text: ...}.
 */
public final class SpecException extends InputException {

    private final String path;

    public SpecException(String path, String detail) {
        super((path == null || path.isEmpty() ? "" : path + ": ") + detail);
        this.path = path == null ? "" : path;
    }

    /**
     * An error of the whole spec read from {@code source} (a file name, or null for text given directly):
     * {@code source: detail}, with an empty {@link #path()}.
     */
    public static SpecException ofSpec(String source, String detail) {
        return new SpecException("", source == null ? detail : source + ": " + detail);
    }

    /** The dotted path of the offending field, e.g. {@code probe.factors[2]}; empty for the whole file. */
    public String path() {
        return path;
    }
}
