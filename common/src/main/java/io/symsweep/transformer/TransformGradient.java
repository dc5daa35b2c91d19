package io.symsweep.transformer;

import io.symsweep.params.AxisUse;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The loss at the interpolated point {@code (1 - l) A + l T.B} as a SameDiff graph whose variables are the dense
 * transforms {@code T} of chosen sites, for learned matching (Theus et al. 2025, Alg. 1). SameDiff M2.1 cannot
 * differentiate through an SVD, so the projection onto the class stays on the host: the graph holds the projected
 * transforms, and its reverse mode gives {@code dL/dT}, which the straight-through estimator applies to the latent
 * transforms.
 *
 * <p>{@code T.B} is built in the graph exactly as {@link SymmetryDeclaration#apply} builds it on the host: sites in
 * declaration order, at each use the site's matrix applied along the use's axis range as {@code T (x) I_block}
 * (permute the axis first, reshape, one matmul, reshape and permute back; a range that is not the whole axis is sliced
 * out and concatenated back). Along input axes the matrix is {@code B^T}: for a permutation or an orthogonal map that
 * is {@code T} itself, so one variable serves both; for an invertible map it is {@code T^-T}, held as a second
 * variable, whose gradient the host folds back by {@code d<G, T^-T> = -<T^-T G^T T^-T, dT>}. A and B are constants;
 * {@code l} is a scalar variable set per evaluation.
 */
final class TransformGradient {

    static final String LOSS = "interpolated_loss";
    private static final String LAMBDA = "lambda";

    private final SameDiff sd = newSameDiff();
    private final TransformerArchitecture arch;
    private final Map<String, SymmetryClass> sites;

    /**
     * The graph for {@code a} and {@code b} (one architecture, any parametrisation) with transforms of the given class
     * at the given sites (keys in any order; applied in declaration order).
     */
    TransformGradient(TransformerModel a, TransformerModel b, Map<String, SymmetryClass> sites) {
        if (!a.architecture().equals(b.architecture())) {
            throw new IllegalArgumentException("one architecture: " + a.architecture().label() + " vs "
                    + b.architecture().label());
        }
        this.arch = a.architecture();
        this.sites = new LinkedHashMap<>(sites);
        SymmetryDeclaration d = TransformerSymmetries.declaration(arch);
        for (String s : sites.keySet()) {
            d.site(s);
        }
        ParameterSet pa = a.parameters();
        ParameterSet pb = b.parameters();
        Map<String, SDVariable> moved = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (String name : pb.names()) {
            moved.put(name, sd.constant(TransformerGraph.toNd(pb.get(name))));
            shapes.put(name, pb.get(name).shape());
        }
        for (Site s : d.sites()) {
            SymmetryClass c = sites.get(s.name());
            if (c == null) {
                continue;
            }
            int n = s.size();
            SDVariable f = sd.var(forwardName(s.name()), Nd4j.zeros(DataType.DOUBLE, n, n));
            SDVariable in = c == SymmetryClass.INVERTIBLE ? sd.var(inputName(s.name()), Nd4j.zeros(DataType.DOUBLE, n, n)) : f;
            for (AxisUse u : s.uses()) {
                SDVariable map = u.variance() == AxisUse.Variance.OUTPUT ? f : in;
                moved.put(u.tensor(), along(moved.get(u.tensor()), shapes.get(u.tensor()), u.axis(), u.offset(),
                        u.block(), map, n));
            }
        }
        SDVariable lambda = sd.var(LAMBDA, Nd4j.scalar(0.5));
        SDVariable oneMinus = lambda.rsub(1.0);
        Map<String, SDVariable> mid = new LinkedHashMap<>();
        for (String name : pa.names()) {
            mid.put(name, sd.constant(TransformerGraph.toNd(pa.get(name))).mul(oneMinus).add(moved.get(name).mul(lambda)));
        }
        SDVariable input = sd.placeHolder(TransformerGraph.INPUT, DataType.DOUBLE, -1, arch.tokens(), arch.inputFeatures());
        SDVariable labels = sd.placeHolder(TransformerGraph.LABELS, DataType.DOUBLE, -1, arch.outputs());
        SDVariable weights = sd.placeHolder(TransformerGraph.WEIGHTS, DataType.DOUBLE, -1, 1);
        TransformerForward forward = new TransformerForward(sd, arch);
        SDVariable logits = forward.logits(mid, input, "interpolated_logits");
        sd.setLossVariables(forward.loss(logits, labels, weights, LOSS));
    }

    private static String forwardName(String site) {
        return "T." + site;
    }

    private static String inputName(String site) {
        return "Tinv." + site;
    }

    /** Ops of the graph (the transforms, the interpolation, the forward pass and the loss). */
    int opCount() {
        return sd.ops().length;
    }

    /**
     * A loss and its gradient with respect to each site's transform.
     *
     * @param loss     the mean cross-entropy at {@code (1 - l) A + l T.B}
     * @param gradient site to {@code dL/dT} ({@code n x n})
     */
    record Result(double loss, Map<String, double[][]> gradient) {
    }

    /**
     * The loss of {@code batch} at {@code (1 - lambda) A + lambda T.B} and {@code dL/dT}, for the transforms
     * {@code forward} (site to {@code T}; an invertible one must be invertible).
     */
    Result lossAndGradient(Map<String, double[][]> forward, SequenceData batch, double lambda) {
        TransformerGraph.requireFits(arch, batch);
        Map<String, double[][]> inverseTransposed = new LinkedHashMap<>();
        for (Map.Entry<String, SymmetryClass> e : sites.entrySet()) {
            double[][] t = forward.get(e.getKey());
            if (t == null) {
                throw new IllegalArgumentException("no transform for site " + e.getKey());
            }
            sd.getVariable(forwardName(e.getKey())).setArray(Nd4j.create(t));
            if (e.getValue() == SymmetryClass.INVERTIBLE) {
                double[][] g = Dense.transpose(Dense.inverse(t));
                inverseTransposed.put(e.getKey(), g);
                sd.getVariable(inputName(e.getKey())).setArray(Nd4j.create(g));
            }
        }
        sd.getVariable(LAMBDA).setArray(Nd4j.scalar(lambda));
        INDArray[] y = TransformerGraph.lossArrays(batch, 0, batch.samples());
        Map<String, INDArray> ph = Map.of(TransformerGraph.INPUT, TransformerGraph.inputArray(batch, 0, batch.samples()),
                TransformerGraph.LABELS, y[0], TransformerGraph.WEIGHTS, y[1]);
        List<String> wanted = new ArrayList<>();
        for (Map.Entry<String, SymmetryClass> e : sites.entrySet()) {
            wanted.add(forwardName(e.getKey()));
            if (e.getValue() == SymmetryClass.INVERTIBLE) {
                wanted.add(inputName(e.getKey()));
            }
        }
        var result = sd.calculateGradientsAndOutputs(ph, List.of(LOSS), wanted);
        double loss = result.getOutputs().get(LOSS).getDouble(0);
        Map<String, double[][]> g = new LinkedHashMap<>();
        for (Map.Entry<String, SymmetryClass> e : sites.entrySet()) {
            double[][] gf = result.getGradients().get(forwardName(e.getKey())).toDoubleMatrix();
            if (e.getValue() == SymmetryClass.INVERTIBLE) {
                double[][] gi = result.getGradients().get(inputName(e.getKey())).toDoubleMatrix();
                double[][] tit = inverseTransposed.get(e.getKey());
                double[][] back = Dense.multiply(Dense.multiply(tit, Dense.transpose(gi)), tit);
                for (int i = 0; i < gf.length; i++) {
                    for (int j = 0; j < gf[i].length; j++) {
                        gf[i][j] -= back[i][j];
                    }
                }
            }
            g.put(e.getKey(), gf);
        }
        return new Result(loss, g);
    }

    /** {@code x} (shape {@code shape}) with {@code map (x) I_block} applied to the range {@code offset..} of {@code axis}. */
    private SDVariable along(SDVariable x, int[] shape, int axis, int offset, int block, SDVariable map, int n) {
        int len = shape[axis];
        int end = offset + n * block;
        if (offset == 0 && end == len) {
            return alongWholeAxis(x, shape, axis, block, map, n);
        }
        List<SDVariable> parts = new ArrayList<>();
        if (offset > 0) {
            parts.add(slice(x, shape, axis, 0, offset));
        }
        int[] rangeShape = shape.clone();
        rangeShape[axis] = n * block;
        parts.add(alongWholeAxis(slice(x, shape, axis, offset, end), rangeShape, axis, block, map, n));
        if (end < len) {
            parts.add(slice(x, shape, axis, end, len));
        }
        return sd.concat(axis, parts.toArray(new SDVariable[0]));
    }

    private static SDVariable slice(SDVariable x, int[] shape, int axis, int from, int to) {
        SDIndex[] index = new SDIndex[shape.length];
        for (int k = 0; k < shape.length; k++) {
            index[k] = k == axis ? SDIndex.interval(from, to) : SDIndex.all();
        }
        return x.get(index);
    }

    private SDVariable alongWholeAxis(SDVariable x, int[] shape, int axis, int block, SDVariable map, int n) {
        int rank = shape.length;
        int[] order = new int[rank];
        long[] permutedShape = new long[rank];
        order[0] = axis;
        permutedShape[0] = shape[axis];
        long rest = 1;
        for (int k = 0, q = 1; k < rank; k++) {
            if (k != axis) {
                order[q] = k;
                permutedShape[q++] = shape[k];
                rest *= shape[k];
            }
        }
        SDVariable front = axis == 0 ? x : x.permute(order);
        SDVariable moved = map.mmul(sd.reshape(front, n, block * rest));
        SDVariable back = sd.reshape(moved, permutedShape);
        if (axis == 0) {
            return back;
        }
        int[] inverse = new int[rank];
        for (int k = 0; k < rank; k++) {
            inverse[order[k]] = k;
        }
        return back.permute(inverse);
    }

    private static SameDiff newSameDiff() {
        NativeMemory.beforeNewGraph();
        return SameDiff.create();
    }
}
