package io.symsweep.failure;

/**
 * The user's input is wrong and the user can fix it: a spec, an option value, a path. The message is one
 * line naming the thing at fault and what would be accepted; the command line exits with status 2.
 */
public class InputException extends RuntimeException {

    /** Exit status of an input error. */
    public static final int EXIT_STATUS = 2;

    public InputException(String message) {
        super(message, null, false, false);
    }

    /** With the low-level {@code cause} kept for {@code --debug}. */
    public InputException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
