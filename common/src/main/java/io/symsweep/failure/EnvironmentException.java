package io.symsweep.failure;

/**
 * The input is fine but the machine or the cluster is not: a disk that is full or read-only, a permission
 * denied, a cluster that does not answer, a results folder that another run holds. The message is one line
 * naming the path or address and what is wrong; the command line exits with status 3. Retrying after the
 * environment is fixed is expected to work, and loses nothing already computed.
 */
public class EnvironmentException extends RuntimeException {

    /** Exit status of an environment error. */
    public static final int EXIT_STATUS = 3;

    public EnvironmentException(String message) {
        super(message, null, false, false);
    }

    /** With the low-level {@code cause} kept for {@code --debug}. */
    public EnvironmentException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
