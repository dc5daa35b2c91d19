package io.symsweep.mlp;

import io.symsweep.data.Task;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;

/**
 * A multilayer perceptron: widths {@code n_0 (inputs), n_1, ..., n_L (outputs)}, one activation after every
 * hidden layer, an identity (regression) or softmax (classification) output, biases or none. Its parameters, as a
 * {@link ParameterSet}: {@code layer1.weight} {@code [n_1, n_0]}, {@code layer1.bias} {@code [n_1]}, ...,
 * {@code layerL.weight} {@code [n_L, n_{L-1}]}, {@code layerL.bias}; layer {@code l} computes
 * {@code z_l = W_l h_{l-1} + b_l}. A deep linear network is {@link #deepLinear}: linear, no biases.
 *
 * @param widths     {@code n_0 ... n_L}, {@code L >= 1}, each {@code >= 1}
 * @param activation between layers
 * @param bias       whether every layer has a bias
 * @param task       the output and loss
 */
public record MlpSpec(int[] widths, HiddenActivation activation, boolean bias, Task task)
        implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public MlpSpec {
        widths = MlpArchitecture.checkedWidths(widths);
        if (activation == null || task == null) {
            throw new IllegalArgumentException("an MLP needs an activation and a task");
        }
        if (task == Task.CLASSIFICATION && widths[widths.length - 1] < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 outputs, found "
                    + widths[widths.length - 1]);
        }
    }

    /** The linear MLP without biases. */
    public static MlpSpec deepLinear(int[] widths, Task task) {
        return new MlpSpec(widths, HiddenActivation.LINEAR, false, task);
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** {@code L}, the number of weight matrices. */
    public int layers() {
        return widths.length - 1;
    }

    /** {@code n_l}. */
    public int width(int l) {
        return widths[l];
    }

    /** The widest hidden layer (the {@code width} column); the input width when there is no hidden layer. */
    public int widestHidden() {
        int w = 0;
        for (int l = 1; l < widths.length - 1; l++) {
            w = Math.max(w, widths[l]);
        }
        return widths.length > 2 ? w : widths[0];
    }

    /** The same MLP with hidden layer widths {@code hidden} (inputs and outputs kept). */
    public MlpSpec withHidden(int... hidden) {
        if (hidden.length != widths.length - 2) {
            throw new IllegalArgumentException("expected " + (widths.length - 2) + " hidden widths, found "
                    + hidden.length);
        }
        int[] w = widths.clone();
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        return new MlpSpec(w, activation, bias, task);
    }

    /** E.g. {@code mlp[64,32,32,10]/relu+bias/classification}. */
    public String label() {
        StringBuilder s = new StringBuilder("mlp[");
        for (int i = 0; i < widths.length; i++) {
            s.append(i == 0 ? "" : ",").append(widths[i]);
        }
        return s.append("]/").append(activation.specName()).append(bias ? "+bias" : "").append('/')
                .append(task.specName()).toString();
    }

    /** {@code layer<l>.weight}. */
    public static String weightName(int l) {
        return "layer" + l + ".weight";
    }

    /** {@code layer<l>.bias}. */
    public static String biasName(int l) {
        return "layer" + l + ".bias";
    }

    /** Throws unless {@code p} holds exactly this MLP's tensors with these shapes. */
    public void requireFits(ParameterSet p) {
        int expected = layers() * (bias ? 2 : 1);
        if (p.tensors().size() != expected) {
            throw new IllegalArgumentException(label() + " has " + expected + " tensors, found " + p.names());
        }
        for (int l = 1; l <= layers(); l++) {
            Tensor w = p.get(weightName(l));
            if (w.rank() != 2 || w.dim(0) != widths[l] || w.dim(1) != widths[l - 1]) {
                throw new IllegalArgumentException(weightName(l) + " should be [" + widths[l] + ", " + widths[l - 1]
                        + "], found " + Arrays.toString(w.shape()));
            }
            if (bias) {
                Tensor b = p.get(biasName(l));
                if (b.rank() != 1 || b.dim(0) != widths[l]) {
                    throw new IllegalArgumentException(biasName(l) + " should be [" + widths[l] + "], found "
                            + Arrays.toString(b.shape()));
                }
            }
        }
    }

    /** The spec whose widths are those of {@code p}'s tensors (a semi-permutation widens hidden layers). */
    public MlpSpec shapeOf(ParameterSet p) {
        int[] w = widths.clone();
        for (int l = 1; l <= layers(); l++) {
            Tensor t = p.get(weightName(l));
            w[l] = t.dim(0);
            w[l - 1] = t.dim(1);
        }
        MlpSpec s = new MlpSpec(w, activation, bias, task);
        s.requireFits(p);
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpSpec s && Arrays.equals(widths, s.widths) && activation == s.activation
                && bias == s.bias && task == s.task;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(widths) * 31 + activation.hashCode() * 7 + (bias ? 1 : 0) + task.hashCode() * 3;
    }

    @Override
    public String toString() {
        return label();
    }

    /** A parameter set of this shape from row-major weights {@code w[l-1]} and biases {@code b[l-1]} (null without). */
    public ParameterSet parameters(double[][] weights, double[][] biases) {
        LinkedHashMap<String, Tensor> m = new LinkedHashMap<>();
        for (int l = 1; l <= layers(); l++) {
            m.put(weightName(l), Tensor.matrix(widths[l], widths[l - 1], weights[l - 1]));
            if (bias) {
                m.put(biasName(l), Tensor.vector(biases[l - 1]));
            }
        }
        ParameterSet p = new ParameterSet(m);
        requireFits(p);
        return p;
    }
}
