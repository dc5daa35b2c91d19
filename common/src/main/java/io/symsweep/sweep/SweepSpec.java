package io.symsweep.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A validated sweep: its name, its kind, and for every field the list of values it takes. The
 * configurations are the cross product of those lists.
 *
 * @param name   the sweep's name (the default output folder)
 * @param kind   the experiment kind
 * @param axes      config key to its values, in declaration order; single values are one-element lists
 * @param execution the spec's execution settings: how to compute, never what; not part of any configuration
 */
public record SweepSpec(String name, ExperimentKind kind, Map<String, List<Object>> axes,
        ExecutionSettings execution) {

    /** At most this many configurations in one sweep. */
    public static final long MAX_CONFIGURATIONS = 10_000_000L;

    public SweepSpec {
        axes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    }

    /** A spec whose execution settings are given as config key to value ({@link ExecutionSettings#of}). */
    public SweepSpec(String name, ExperimentKind kind, Map<String, List<Object>> axes, Map<String, Object> execution) {
        this(name, kind, axes, ExecutionSettings.of(execution));
    }

    /** A spec without execution settings. */
    public SweepSpec(String name, ExperimentKind kind, Map<String, List<Object>> axes) {
        this(name, kind, axes, ExecutionSettings.AUTOMATIC);
    }

    /** The number of points of the cross product, before merging duplicates. */
    public long crossProductSize() {
        long n = 1;
        for (List<Object> v : axes.values()) {
            n = Math.multiplyExact(n, v.size());
        }
        return n;
    }

    /**
     * Every configuration, normalised and validated, in cross-product order (the last axis fastest),
     * with duplicates (equal ids, e.g. a factor listed twice) merged.
     */
    public List<Configuration> configurations() {
        long size;
        try {
            size = crossProductSize();
        } catch (ArithmeticException e) {
            size = Long.MAX_VALUE;
        }
        if (size > MAX_CONFIGURATIONS) {
            throw new SpecException("", "the sweep expands to " + size + " configurations; at most "
                    + MAX_CONFIGURATIONS + " are allowed");
        }
        List<String> keys = new ArrayList<>(axes.keySet());
        List<List<Object>> values = new ArrayList<>(axes.values());
        int[] index = new int[keys.size()];
        Map<String, Configuration> unique = new LinkedHashMap<>();
        for (long n = 0; n < size; n++) {
            TreeMap<String, Object> m = new TreeMap<>();
            for (int k = 0; k < keys.size(); k++) {
                m.put(keys.get(k), values.get(k).get(index[k]));
            }
            Configuration c = kind.normalize(new Configuration(kind.name(), m));
            kind.validate(c);
            unique.putIfAbsent(c.id(), c);
            for (int k = keys.size() - 1; k >= 0; k--) {
                if (++index[k] < values.get(k).size()) {
                    break;
                }
                index[k] = 0;
            }
        }
        return List.copyOf(unique.values());
    }
}
