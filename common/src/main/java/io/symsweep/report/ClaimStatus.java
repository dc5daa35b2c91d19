package io.symsweep.report;

/** The verdict on one claim. */
public enum ClaimStatus {
    /** The measured value met the prediction within the tolerance, over at least one case. */
    PASS,
    /** It did not, or there was nothing to measure it on (zero cases), or the query failed. */
    FAIL,
    /**
     * The measurement is not in the tables (a column the claim reads is absent, or null in every row: written
     * before it existed, or turned off by the spec); never a pass, and not a failure of the science either. Only a claim that declares the column it waits for
     * can end here.
     */
    NOT_MEASURED
}
