package io.symsweep.spark;

/**
 * A run ended because the JVM is shutting down (Ctrl-C, SIGTERM): its jobs were cancelled, its committed batches
 * kept, its {@code runs} row says INTERRUPTED, and the shutdown hook has said so on stderr; the command line adds
 * nothing.
 */
public final class RunInterruptedException extends RuntimeException {

    RunInterruptedException(Throwable cancellation) {
        super("the run was interrupted (the JVM is shutting down)", cancellation, false, false);
    }
}
