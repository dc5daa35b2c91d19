package io.symsweep.cli;

/** A mistake of the user's (a missing folder, a bad option value): reported as one line, exit status 2. */
final class UserException extends RuntimeException {

    UserException(String message) {
        super(message, null, false, false);
    }
}
