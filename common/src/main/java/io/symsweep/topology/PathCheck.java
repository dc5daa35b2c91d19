package io.symsweep.topology;

/**
 * The verdict on a path between two minima: the largest loss met at the points checked, whether every
 * determinant kept its sign there, and whether the path is verified (both, with the loss within tolerance).
 *
 * @param maxLoss   the largest loss over the points checked (NaN if any was NaN)
 * @param tolerance the largest loss allowed
 * @param points    the number of points checked
 * @param signsKept true when every point had the class's sign pattern
 */
public record PathCheck(double maxLoss, double tolerance, int points, boolean signsKept) {

    public PathCheck {
        if (points < 2) {
            throw new IllegalArgumentException("a path check needs at least its two ends, found " + points);
        }
    }

    /** True when every point kept the signs and had a finite loss at most the tolerance. */
    public boolean verified() {
        return signsKept && maxLoss <= tolerance;
    }
}
