package io.symsweep.params;

/**
 * One place a {@link Site}'s units index a tensor: a range of one axis of one named tensor, as
 * {@code size} blocks of {@code block} consecutive indices (unit {@code u} owns indices
 * {@code offset + u*block ... offset + (u+1)*block - 1}). A transform {@code T} of the site acts there as
 * {@code T (x) I_block}: through {@link UnitTransform#forward()} where the units are outputs (rows of the weights
 * that compute them, their biases, their gains), through {@link UnitTransform#backward()} transposed where they
 * are inputs (the columns of the weights that read them).
 *
 * @param tensor   the parameter's name in its {@link ParameterSet}
 * @param axis     which axis of it
 * @param offset   the first index of the range
 * @param block    indices per unit (1 for hidden units; {@code d_head} for heads in a concatenated axis)
 * @param variance {@link Variance#OUTPUT} or {@link Variance#INPUT}
 */
public record AxisUse(String tensor, int axis, int offset, int block, Variance variance)
        implements java.io.Serializable {

    /** How a transform of the units acts on the axis. */
    public enum Variance {
        /** The units are this tensor's outputs: {@code x -> T x} along the axis. */
        OUTPUT,
        /** The units are this tensor's inputs: {@code W -> W T^-1} along the axis ({@link UnitTransform#backward()}). */
        INPUT
    }

    public AxisUse {
        if (tensor == null || axis < 0 || offset < 0 || block < 1 || variance == null) {
            throw new IllegalArgumentException("bad axis use " + tensor + "[" + axis + "] offset " + offset + " block "
                    + block + " " + variance);
        }
    }

    /** The whole axis, one index per unit. */
    public static AxisUse output(String tensor, int axis) {
        return new AxisUse(tensor, axis, 0, 1, Variance.OUTPUT);
    }

    /** The whole axis, one index per unit, read as inputs. */
    public static AxisUse input(String tensor, int axis) {
        return new AxisUse(tensor, axis, 0, 1, Variance.INPUT);
    }
}
