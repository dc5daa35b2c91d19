package io.symsweep.topology;

/** How a component count ended: whether its number is a measurement, and if not, why. */
public enum SurveyStatus {
    /** Every class was reached, every path verified and every crossing certified: the count is measured. */
    OK(true),
    /**
     * Everything was verified, yet the count differs from the prediction (only the sampled 1-D residual net can
     * end so: too few points to resolve a neck of the minimum).
     */
    MISMATCH(true),
    /** The samples did not reach every class: the count would be a lower bound, and is not reported as measured. */
    INCOMPLETE_SAMPLING(false),
    /** Some path inside a class exceeded the loss tolerance or lost a determinant's sign. */
    PATH_FAILED(false),
    /** Some crossing between components had a loss below the bound it must meet. */
    CROSSING_FAILED(false),
    /**
     * The path tolerance is not below {@code sigma_min(Y)^2}: a path within it could pass between classes, so
     * verified paths would prove nothing; no path is tried.
     */
    TOLERANCE_ABOVE_BARRIER(false),
    /** No sample reached the minimum. */
    NO_MINIMA(false),
    /** No data with the required smallest singular value was found. */
    DATA_REJECTED(false);

    private final boolean measured;

    SurveyStatus(boolean measured) {
        this.measured = measured;
    }

    /** True when the count of verified components is reported as the measured number of components. */
    public boolean measured() {
        return measured;
    }
}
