package io.symsweep.reproduce;

/** A mistake of the user's in a reproduction (bad scale, a results folder of another scale): one line. */
public final class ReproduceException extends RuntimeException {

    public ReproduceException(String message) {
        super(message, null, false, false);
    }
}
