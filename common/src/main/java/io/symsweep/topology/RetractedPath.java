package io.symsweep.topology;

import io.symsweep.engine.DenseEngine;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.optim.GaussNewtonPolish;

/**
 * A path on the minimum of a linear network's loss between two of its points, found without any theory of the
 * minimum: the straight segment between them pulled back onto the minimum in small steps. From the current point
 * {@code p} (on the minimum) a step of length {@code h} is taken straight towards the target {@code b}, and the
 * point reached is retracted onto the minimum by Gauss-Newton ({@link GaussNewtonPolish}: minimum-norm steps,
 * which move a point near a submersion's level set to a nearby point of it); the step is accepted when the
 * retraction reaches {@code pointTolerance} and the loss at {@code checkPoints} interior points of the piece from
 * {@code p} to the retracted point is at most {@code pathTolerance}. A rejected step is halved (down to
 * {@code maxPiece / 2^maxDepth}), an accepted one lets the next grow back to {@code maxPiece}; the walk ends with
 * a checked piece onto {@code b} once {@code b} is within one step. The polygon through the accepted points is a
 * continuous path in the sublevel set {@code L <= pathTolerance} (to the resolution of the checks); two points
 * joined so lie in one component of that sublevel set, hence of the minimum whenever every path between
 * components must climb above {@code pathTolerance}.
 *
 * <p>A pull-back fails, and the pair is left unjoined, when a step cannot be accepted even at the smallest length
 * (the segment heads into a region where the minimum is not reached: between components, the output's rank
 * drops), when the walk stalls, or when it exceeds its budget of steps. The walk is a descent of the distance to
 * {@code b} over the minimum; it stalls at a point of {@code a}'s component that is locally nearest to {@code b},
 * where the direction to {@code b} is normal to the minimum and each retraction returns the step to where it
 * began: an accepted piece that moves the point by less than {@code minMovement h} ends the walk there. Towards a
 * point of another component this is how nearly every walk ends (measured on trained minima of the deep linear
 * net: without the test a failing walk used its whole budget, 10 to 20 times the retractions of a joining one,
 * creeping towards the stalled point with pieces shrinking geometrically). A walk within one component can stall
 * too where it passes close to such a point, so {@code minMovement} trades the count's cost against chains missed
 * ({@link PathComponentCount#defaults} says what was measured). Cost: one Gauss-Newton retraction (a few {@code m x P} Jacobians and {@code m x m} solves)
 * and {@code checkPoints} losses per step tried.
 */
public final class RetractedPath {

    /**
     * How a pull-back is done.
     *
     * @param pointTolerance largest loss of a retracted point (absolute)
     * @param pathTolerance  largest loss allowed at a checked point of a piece (absolute), at least pointTolerance
     * @param maxPiece       the longest step (Euclidean norm in parameter space)
     * @param maxDepth       halvings of a step at most
     * @param polishSteps    Gauss-Newton steps per retraction at most
     * @param checkPoints    interior points of each piece where the loss is checked
     * @param minMovement    an accepted piece of step {@code h} that moves the point by less than
     *                       {@code minMovement h} ends the walk as stalled; in [0, 1), 0 never stalls
     */
    public record Settings(double pointTolerance, double pathTolerance, double maxPiece, int maxDepth,
            int polishSteps, int checkPoints, double minMovement) {
        public Settings {
            if (!(pointTolerance > 0) || !(pathTolerance >= pointTolerance)) {
                throw new IllegalArgumentException("need 0 < pointTolerance <= pathTolerance, found " + pointTolerance
                        + ", " + pathTolerance);
            }
            if (!(maxPiece > 0) || maxDepth < 1 || maxDepth > 30 || polishSteps < 1 || checkPoints < 1) {
                throw new IllegalArgumentException("need maxPiece > 0, 1 <= maxDepth <= 30, polishSteps >= 1, "
                        + "checkPoints >= 1");
            }
            if (!(minMovement >= 0 && minMovement < 1)) {
                throw new IllegalArgumentException("need 0 <= minMovement < 1, found " + minMovement);
            }
        }

        /**
         * Steps tried at most between points {@code distance} apart: 8 per longest step of the distance (joining
         * walks on trained minima took at most 7.0) and 4 per halving, plus 32.
         */
        public int budget(double distance) {
            return 8 * (int) Math.ceil(distance / maxPiece) + 4 * maxDepth + 32;
        }
    }

    /**
     * The verdict on one pull-back.
     *
     * @param joined      true when the walk reached the target with every check passed
     * @param stalled     true when it ended at a point where retractions undo the steps (see the class)
     * @param pieces      accepted pieces
     * @param retractions Gauss-Newton retractions done
     * @param maxLoss     the largest loss met at a checked point of an accepted piece
     */
    public record Outcome(boolean joined, boolean stalled, int pieces, int retractions, double maxLoss) {
    }

    private RetractedPath() {
    }

    /** Pulls the segment from {@code a} to {@code b} (both on the minimum) back onto the minimum of {@code data}. */
    public static Outcome pullBack(MlpParameters a, MlpParameters b, RegressionData data, Settings s) {
        DenseEngine engine = new DenseEngine();
        double smallest = s.maxPiece() / Math.pow(2, s.maxDepth());
        int budget = s.budget(a.distance(b));
        MlpParameters p = a;
        double h = s.maxPiece();
        int pieces = 0;
        int retractions = 0;
        double maxLoss = 0;
        for (int tried = 0; tried < budget; tried++) {
            double remaining = p.distance(b);
            if (remaining <= h) {
                double last = pieceMax(engine, p, b, data, s);
                if (last <= s.pathTolerance()) {
                    return new Outcome(true, false, pieces + 1, retractions, Math.max(maxLoss, last));
                }
                h = Math.min(h, remaining) / 2;
            } else {
                GaussNewtonPolish.Result r = GaussNewtonPolish.polish(p.interpolate(b, h / remaining), data,
                        s.pointTolerance(), s.polishSteps());
                retractions++;
                double piece = r.loss() <= s.pointTolerance() && p.distance(r.weights()) <= 2 * h
                        ? pieceMax(engine, p, r.weights(), data, s) : Double.POSITIVE_INFINITY;
                if (piece <= s.pathTolerance()) {
                    if (p.distance(r.weights()) < s.minMovement() * h) {
                        return new Outcome(false, true, pieces, retractions, maxLoss);
                    }
                    p = r.weights();
                    pieces++;
                    maxLoss = Math.max(maxLoss, piece);
                    h = Math.min(s.maxPiece(), 2 * h);
                    continue;
                }
                h /= 2;
            }
            if (h < smallest) {
                break;
            }
        }
        return new Outcome(false, false, pieces, retractions, maxLoss);
    }

    /** The largest loss at the check points inside the piece {@code p -> q} (infinite if one is NaN). */
    private static double pieceMax(DenseEngine engine, MlpParameters p, MlpParameters q, RegressionData data,
            Settings s) {
        double max = 0;
        for (int k = 1; k <= s.checkPoints(); k++) {
            double loss = engine.loss(p.interpolate(q, (double) k / (s.checkPoints() + 1)), data);
            max = Double.isNaN(loss) ? Double.POSITIVE_INFINITY : Math.max(max, loss);
            if (max > s.pathTolerance()) {
                break;
            }
        }
        return max;
    }
}
