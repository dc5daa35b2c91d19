package io.symsweep.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * At most this many points in one sweep's cross product. Nothing holds a sweep in memory (it is addressed by index,
     * {@link ConfigurationSpace}); the bound is the ids': 64-bit, so among n configurations two share an id with
     * probability about {@code n^2 / 2^65}: 3e-6 at 10^7, 3% at 10^9 (and a shared id is one configuration lost).
     */
    public static final long MAX_CONFIGURATIONS = 1_000_000_000L;
    /** At most this many configurations in the list {@link #configurations()} returns. */
    public static final long MAX_IN_MEMORY = 10_000_000L;

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
     * The configurations addressed by index (the de-duplicated axes in mixed radix), after checking the sweep's size
     * against {@link #MAX_CONFIGURATIONS}. Building it normalises each combination of the axes the kind's
     * normalisation reads, once; hold on to it.
     */
    public ConfigurationSpace space() {
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
        return new ConfigurationSpace(kind, axes);
    }

    /**
     * A digest of what decides the sweep's configurations: its kind and its axes in declaration order, values as
     * parsed (not its name, nor its execution settings, which never change a configuration). Two specs with the same
     * fingerprint have the same configurations under one build; the converse need not hold (axes listed in another
     * order), so a cache keyed by it can only miss, never be wrong.
     */
    public String fingerprint() {
        StringBuilder s = new StringBuilder("kind=").append(kind.name());
        axes.forEach((k, v) -> s.append('\n').append(k).append('=').append(v));
        return ConfigIds.id(s.toString());
    }

    /**
     * Every configuration, normalised and validated, in cross-product order (the last axis fastest),
     * with duplicates (equal ids, e.g. a factor listed twice) merged: for sweeps of at most
     * {@link #MAX_IN_MEMORY} points (tests, small tools); a sweep runs from {@link #space()}.
     */
    public List<Configuration> configurations() {
        ConfigurationSpace space = space();
        if (space.size() > MAX_IN_MEMORY) {
            throw new IllegalStateException("a sweep of " + space.size() + " points is not listed in memory; use "
                    + "space()");
        }
        space.check();
        return space.first(Long.MAX_VALUE);
    }
}
