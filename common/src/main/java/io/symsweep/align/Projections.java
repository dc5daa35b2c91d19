package io.symsweep.align;

import io.symsweep.assignment.LinearAssignment;
import io.symsweep.linalg.PolarDecomposition;
import io.symsweep.linalg.RandomMatrices;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.UnitTransform;
import io.symsweep.symmetry.Permutation;
import java.util.SplittableRandom;

/**
 * The transform of a class that maximises {@code <M, T>} for a square score matrix {@code M} (rows: A's units,
 * columns: B's): a linear assignment for permutations, the polar factor {@code U V^T} of {@code M = U S V^T} for
 * orthogonal maps (orthogonal Procrustes, Schoenemann 1966).
 */
final class Projections {

    private Projections() {
    }

    /** The best permutation: B's unit {@code j} moves to the position of the A unit it is assigned to. */
    static UnitTransform permutation(double[][] m) {
        return UnitTransform.permutation(Permutation.of(LinearAssignment.maximise(m)).inverse().images());
    }

    /** The best orthogonal map. */
    static UnitTransform orthogonal(double[][] m) {
        double[][] q = UnitVectors.array(PolarDecomposition.of(UnitVectors.matrix(m)).q());
        return new UnitTransform(SymmetryClass.ORTHOGONAL, q, UnitVectors.transpose(q));
    }

    /** {@link #permutation} or {@link #orthogonal}. */
    static UnitTransform best(SymmetryClass c, double[][] m) {
        return c == SymmetryClass.ORTHOGONAL ? orthogonal(m) : permutation(m);
    }

    /** The identity as a member of the class. */
    static UnitTransform identity(SymmetryClass c, int n) {
        if (c == SymmetryClass.ORTHOGONAL) {
            UnitTransform id = UnitTransform.identity(n);
            return new UnitTransform(SymmetryClass.ORTHOGONAL, id.forward(), id.backward());
        }
        return UnitTransform.permutation(Permutation.identity(n).images());
    }

    /** A uniformly random member: a shuffled permutation, or the orthogonal factor of a Gaussian matrix. */
    static UnitTransform random(SymmetryClass c, int n, SplittableRandom rng) {
        if (c == SymmetryClass.ORTHOGONAL) {
            return orthogonal(RandomMatrices.gaussian(n, n, rng));
        }
        return UnitTransform.permutation(Permutation.randomImages(rng, n));
    }
}
