package io.symsweep.params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's parameters by name, in a fixed order (the order of the model's layers). Immutable; operations
 * return new sets. Two sets are comparable ({@link #interpolate}, {@link #distance}) when they hold the same
 * names with the same shapes.
 *
 * @param tensors name to tensor, in order
 */
public record ParameterSet(Map<String, Tensor> tensors) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public ParameterSet {
        if (tensors == null || tensors.isEmpty()) {
            throw new IllegalArgumentException("a parameter set holds at least one tensor");
        }
        tensors.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException("parameter names and tensors are non-null");
            }
        });
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** The names, in order. */
    public List<String> names() {
        return List.copyOf(tensors.keySet());
    }

    /** The tensor named {@code name}. */
    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no parameter " + name + "; parameters: " + tensors.keySet());
        }
        return t;
    }

    /** A copy with {@code name} replaced by {@code value} (its place in the order kept). */
    public ParameterSet with(String name, Tensor value) {
        get(name);
        LinkedHashMap<String, Tensor> m = new LinkedHashMap<>(tensors);
        m.put(name, value);
        return new ParameterSet(m);
    }

    /** {@code (1 - lambda) this + lambda other}, tensor by tensor. */
    public ParameterSet interpolate(ParameterSet other, double lambda) {
        requireComparable(other);
        LinkedHashMap<String, Tensor> m = new LinkedHashMap<>();
        tensors.forEach((k, v) -> m.put(k, v.interpolate(other.get(k), lambda)));
        return new ParameterSet(m);
    }

    /** The Euclidean distance over all parameters, {@code ||this - other||}. */
    public double distance(ParameterSet other) {
        requireComparable(other);
        double s = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            s += e.getValue().squaredDistance(other.get(e.getKey()));
        }
        return Math.sqrt(s);
    }

    /** The number of scalar parameters. */
    public long size() {
        long n = 0;
        for (Tensor t : tensors.values()) {
            n += t.size();
        }
        return n;
    }

    /** True when every parameter is finite. */
    public boolean isFinite() {
        return tensors.values().stream().allMatch(Tensor::isFinite);
    }

    /** Throws unless {@code other} holds the same names, in the same order, with the same shapes. */
    public void requireComparable(ParameterSet other) {
        if (!names().equals(other.names())) {
            throw new IllegalArgumentException("parameter sets differ: " + names() + " and " + other.names());
        }
        tensors.forEach((k, v) -> v.requireSameShape(other.get(k)));
    }
}
