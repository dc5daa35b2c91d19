package io.symsweep.spark;

/**
 * A results folder this symsweep cannot read or resume into (a table written under a schema version it has no
 * migration from). The message is one line naming the table, the version found and the versions read.
 */
public final class IncompatibleResultsException extends RuntimeException {

    public IncompatibleResultsException(String message) {
        super(message, null, false, false);
    }
}
