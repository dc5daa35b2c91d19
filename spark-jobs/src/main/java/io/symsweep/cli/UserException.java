package io.symsweep.cli;

import io.symsweep.failure.InputException;

/** A mistake of the user's (a missing folder, a bad option value): reported as one line, exit status 2. */
final class UserException extends InputException {

    UserException(String message) {
        super(message);
    }

    /** With the low-level {@code cause} kept for {@code --debug}. */
    UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
