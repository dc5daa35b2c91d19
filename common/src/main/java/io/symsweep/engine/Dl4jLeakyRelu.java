package io.symsweep.engine;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Leaky ReLU for DL4J with the slope applied in float64. DL4J's own {@code ActivationLReLU} passes the
 * slope to a native op that rounds it to float32 (0.01 becomes 0.0099999998), which moves losses by
 * ~1e-9 relative; this class keeps the reference engine exact, so it can be held to the dense engine at
 * 1e-10. Public with a no-arg constructor because DL4J serialises layer configurations.
 */
public final class Dl4jLeakyRelu extends BaseActivationFunction {

    private double slope;

    public Dl4jLeakyRelu() {
        this(0.01);
    }

    public Dl4jLeakyRelu(double slope) {
        this.slope = slope;
    }

    public double getSlope() {
        return slope;
    }

    public void setSlope(double slope) {
        this.slope = slope;
    }

    /** {@code 1} where {@code z >= 0}, {@code slope} where {@code z < 0}: the derivative, and the factor s(z)/z. */
    private INDArray factor(INDArray z) {
        return z.lt(0.0).castTo(DataType.DOUBLE).muli(slope - 1.0).addi(1.0);
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        return in.muli(factor(in));
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        INDArray f = factor(in);
        in.assign(epsilon).muli(f);
        return new Pair<>(in, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dl4jLeakyRelu d && d.slope == slope;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(slope);
    }

    @Override
    public String toString() {
        return "leakyrelu64(a=" + slope + ")";
    }
}
