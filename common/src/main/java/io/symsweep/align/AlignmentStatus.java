package io.symsweep.align;

/** How an alignment ended; every failure is a value, never an exception. */
public enum AlignmentStatus {
    /** Found; coordinate descent stopped because no site improved. */
    OK,
    /** Coordinate descent spent its sweeps while a site still improved; the best transform found is returned. */
    NOT_CONVERGED,
    /** A least-squares system or a transform was singular (or too ill-conditioned to invert). */
    SINGULAR,
    /** A weight, an activation or a cost was NaN or infinite. */
    NOT_FINITE
}
