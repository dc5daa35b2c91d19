package io.symsweep.symmetry;

/**
 * One axis of one weight matrix, as the target of a group action (the {@code axes_to_perm} entries of Git
 * Re-Basin, Ainsworth et al. 2023).
 *
 * @param layer {@code i} (1-based): the axis belongs to {@code W_i}
 * @param axis  which index of {@code W_i} runs over the units the group moves
 */
public record WeightAxis(int layer, Axis axis) {

    /** An index of a weight matrix. */
    public enum Axis {
        /** The row index: {@code W_i}'s output units. A unit map {@code M} acts as {@code W_i -> M W_i}. */
        ROWS,
        /** The column index: {@code W_i}'s input units. A unit map {@code N} acts as {@code W_i -> W_i N}. */
        COLUMNS
    }

    public WeightAxis {
        if (layer < 1) {
            throw new IllegalArgumentException("weight axis layer is 1-based, found " + layer);
        }
        if (axis == null) {
            throw new IllegalArgumentException("weight axis is null");
        }
    }
}
