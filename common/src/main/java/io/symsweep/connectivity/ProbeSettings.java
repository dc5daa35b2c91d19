package io.symsweep.connectivity;

/**
 * The interpolation probe's grid and the merge's knobs.
 *
 * @param gridPoints      uniform grid {@code 0, 1/(G-1), ..., 1} on {@code [0, 1]}, {@code G >= 25}
 * @param refinePoints    extra points spread evenly inside the grid interval on each side of the test (and the
 *                        train) loss's largest excess over the straight line, {@code >= 0}
 * @param mergeIterations rounds of "align each model to the mean of the others", {@code >= 1}
 * @param simplexDivisions the 3-model simplex grid's step {@code 1/k}, {@code k >= 2} ({@code (k+1)(k+2)/2} points)
 */
public record ProbeSettings(int gridPoints, int refinePoints, int mergeIterations, int simplexDivisions)
        implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public ProbeSettings {
        if (gridPoints < 25) {
            throw new IllegalArgumentException("probe.grid_points must be >= 25, found " + gridPoints);
        }
        if (refinePoints < 0 || mergeIterations < 1 || simplexDivisions < 2) {
            throw new IllegalArgumentException("probe: refine_points >= 0, merge_iterations >= 1, "
                    + "simplex_divisions >= 2");
        }
    }

    /** 25 grid points, 8 refinement points, 10 merge rounds, simplex step 1/10. */
    public static ProbeSettings defaults() {
        return new ProbeSettings(25, 8, 10, 10);
    }
}
