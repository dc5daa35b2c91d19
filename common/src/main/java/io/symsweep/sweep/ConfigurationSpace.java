package io.symsweep.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The configurations of a sweep addressed by index, so that whoever holds an index range (a Spark task) expands it
 * without anyone holding the sweep. The points are the cross product of the axes, each axis's values de-duplicated
 * (by their canonical JSON, keeping first occurrences), in mixed radix with the last axis fastest: the order of
 * {@link SweepSpec#configurations()}. A kind's {@link ExperimentKind#normalize} may merge points into one
 * configuration; the first point of each is its representative.
 *
 * <p>When the kind declares what normalize and validate read ({@link KeyDependencies}) and the normalised axes have at
 * most {@value #MAX_NORMALIZED_COMBINATIONS} combinations, the space is <em>tabulated</em>: every combination of the
 * normalised axes is normalised once, here, and a point's configuration is its combination's normalised part plus
 * the values of the other axes. Then counting is arithmetic ({@link #count()}), the merges are known without ids
 * ({@link #isRepresentative}), a canonical form is a precomputed template with the other axes' values filled in
 * (no normalize, no map, no number formatting per point) and {@link #check()} validates each cross-field rule on the
 * combinations of its own keys only. Otherwise every point is normalised (and, when {@link #checkedHere()} is false,
 * validated) where it is expanded, and duplicates are found by id.
 */
public final class ConfigurationSpace implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Largest product of the normalised axes that is tabulated (its combinations normalised once, on the driver). */
    public static final long MAX_NORMALIZED_COMBINATIONS = 100_000;
    /** Configurations {@link #check()} validates at most; beyond, a sample, and the expansion validates every one. */
    public static final int CHECK_BUDGET = 100_000;
    /** An untabulated space up to this size is enumerated to count it; a larger one is counted where it is expanded. */
    public static final long ENUMERATION_LIMIT = 1_000_000;

    private final ExperimentKind kind;
    private final String[] keys;
    private final Object[][] values;
    /** The canonical JSON of each axis's values; null for an axis of integers (written as they are). */
    private final String[][] json;
    private final long[] stride;
    private final long size;
    // Tabulated spaces only (else null):
    private final int[] normalizedAxes;
    private final long[] normalizedStride;
    private final int[] representativeOf;
    private final Representative[] representatives;
    private final Template[] templates;
    private final transient List<Set<String>> rules;
    private final boolean checkedHere;

    /**
     * A combination of the normalised axes that is the first to normalise to its values.
     *
     * @param firstIndex the smallest point index with this combination (the other axes at their first value)
     * @param values     the normalised configuration's values of the normalised keys
     */
    private record Representative(long firstIndex, SortedMap<String, Object> values) implements Serializable {
    }

    /**
     * A canonical form with holes: {@code literals[0] + json(slot 0) + literals[1] + ... + literals[n]}, where slot
     * {@code i} is the value of axis {@code slots[i]} (an axis outside the normalised ones).
     */
    private record Template(String[] literals, int[] slots) implements Serializable {

        String fill(ConfigurationSpace space, long index) {
            StringBuilder b = new StringBuilder(256);
            for (int i = 0; i < slots.length; i++) {
                b.append(literals[i]);
                int axis = slots[i];
                int digit = space.digit(index, axis);
                String[] json = space.json[axis];
                if (json == null) {
                    b.append(((Long) space.values[axis][digit]).longValue());
                } else {
                    b.append(json[digit]);
                }
            }
            return b.append(literals[slots.length]).toString();
        }
    }

    ConfigurationSpace(ExperimentKind kind, Map<String, List<Object>> axes) {
        this.kind = kind;
        int n = axes.size();
        this.keys = axes.keySet().toArray(new String[0]);
        this.values = new Object[n][];
        this.json = new String[n][];
        int a = 0;
        for (List<Object> raw : axes.values()) {
            // Equal values have equal JSON and back (Double.equals compares bits: -0 is not 0, as "-0" is not "0").
            values[a] = new LinkedHashSet<>(raw).toArray();
            if (!(values[a][0] instanceof Long)) {
                json[a] = new String[values[a].length];
                for (int v = 0; v < values[a].length; v++) {
                    json[a][v] = Configuration.json(values[a][v]);
                }
            }
            a++;
        }
        this.stride = new long[n];
        long s = 1;
        for (int i = n - 1; i >= 0; i--) {
            stride[i] = s;
            s = Math.multiplyExact(s, values[i].length);
        }
        this.size = s;
        KeyDependencies deps = kind.dependencies().orElse(null);
        long normalizedCombinations = 1;
        List<Integer> normalized = new ArrayList<>();
        if (deps != null) {
            for (int i = 0; i < n; i++) {
                if (deps.normalized().contains(keys[i])) {
                    normalized.add(i);
                    normalizedCombinations = Math.multiplyExact(normalizedCombinations, values[i].length);
                }
            }
        }
        if (deps == null || normalizedCombinations > MAX_NORMALIZED_COMBINATIONS) {
            normalizedAxes = null;
            normalizedStride = null;
            representativeOf = null;
            representatives = null;
            templates = null;
            rules = null;
            checkedHere = size <= CHECK_BUDGET;
            return;
        }
        this.rules = deps.rules();
        this.normalizedAxes = normalized.stream().mapToInt(Integer::intValue).toArray();
        this.normalizedStride = new long[normalizedAxes.length];
        long ns = 1;
        for (int i = normalizedAxes.length - 1; i >= 0; i--) {
            normalizedStride[i] = ns;
            ns *= values[normalizedAxes[i]].length;
        }
        this.representativeOf = new int[(int) normalizedCombinations];
        Map<String, Integer> seen = new HashMap<>();
        List<Representative> reps = new ArrayList<>();
        SpecException firstError = null;
        long firstErrorIndex = Long.MAX_VALUE;
        for (int combination = 0; combination < normalizedCombinations; combination++) {
            long index = 0;
            for (int i = 0; i < normalizedAxes.length; i++) {
                index += (combination / normalizedStride[i] % values[normalizedAxes[i]].length) * stride[normalizedAxes[i]];
            }
            Configuration raw = at(index);
            Configuration normal;
            try {
                normal = kind.normalize(raw);
            } catch (SpecException e) {
                if (index < firstErrorIndex) {
                    firstError = e;
                    firstErrorIndex = index;
                }
                representativeOf[combination] = -1;
                continue;
            }
            SortedMap<String, Object> part = normalizedPart(raw, normal, deps.normalized());
            String key = Configuration.canonicalForm(kind.name(), part);
            Integer r = seen.get(key);
            if (r == null) {
                r = reps.size();
                seen.put(key, r);
                reps.add(new Representative(index, Collections.unmodifiableSortedMap(part)));
            }
            representativeOf[combination] = r;
        }
        if (firstError != null) {
            throw firstError;
        }
        this.representatives = reps.toArray(new Representative[0]);
        this.templates = new Template[representatives.length];
        for (int r = 0; r < representatives.length; r++) {
            templates[r] = template(representatives[r], k -> true);
        }
        this.checkedHere = checkCount() <= CHECK_BUDGET;
    }

    /**
     * {@code normal}'s values of the normalised keys, having checked the declaration: every other value is
     * {@code raw}'s, unchanged.
     */
    private SortedMap<String, Object> normalizedPart(Configuration raw, Configuration normal, Set<String> declared) {
        TreeMap<String, Object> part = new TreeMap<>();
        Set<String> outside = new HashSet<>(raw.values().keySet());
        outside.removeAll(declared);
        for (Map.Entry<String, Object> e : normal.values().entrySet()) {
            if (declared.contains(e.getKey())) {
                part.put(e.getKey(), e.getValue());
            } else if (!e.getValue().equals(raw.values().get(e.getKey()))) {
                throw new IllegalStateException("kind " + kind.name() + " normalises " + e.getKey()
                        + ", which its KeyDependencies do not name");
            }
            outside.remove(e.getKey());
        }
        if (!outside.isEmpty()) {
            throw new IllegalStateException("kind " + kind.name() + " normalises away " + outside
                    + ", which its KeyDependencies do not name");
        }
        return part;
    }

    private Template template(Representative rep, Predicate<String> keep) {
        TreeMap<String, Object> entries = new TreeMap<>();
        rep.values().forEach((k, v) -> {
            if (keep.test(k)) {
                entries.put(k, Configuration.json(v));
            }
        });
        entries.put("kind", Configuration.json(kind.name()));
        boolean[] isNormalized = new boolean[keys.length];
        for (int i : normalizedAxes) {
            isNormalized[i] = true;
        }
        for (int i = 0; i < keys.length; i++) {
            if (!isNormalized[i] && keep.test(keys[i])) {
                entries.put(keys[i], i);
            }
        }
        List<String> literals = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        StringBuilder b = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            b.append(first ? "" : ",").append(Configuration.json(e.getKey())).append(':');
            first = false;
            if (e.getValue() instanceof Integer axis) {
                literals.add(b.toString());
                slots.add(axis);
                b.setLength(0);
            } else {
                b.append((String) e.getValue());
            }
        }
        literals.add(b.append('}').toString());
        return new Template(literals.toArray(new String[0]), slots.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The kind. */
    public ExperimentKind kind() {
        return kind;
    }

    /** Points of the cross product of the de-duplicated axes (before the kind's normalisation merges any). */
    public long size() {
        return size;
    }

    /** True when the space is tabulated (see the class comment). */
    public boolean tabulated() {
        return templates != null;
    }

    /**
     * True when {@link #check()} validates every configuration's cross-field rules, so the expansion need not; false
     * when it can only sample them (then the expansion validates every configuration before anything is computed).
     */
    public boolean checkedHere() {
        return checkedHere;
    }

    /** The distinct configurations: arithmetic when tabulated; by enumeration up to {@value #ENUMERATION_LIMIT}. */
    public OptionalLong count() {
        if (tabulated()) {
            return OptionalLong.of(representatives.length * (size / normalizedCombinations()));
        }
        if (size > ENUMERATION_LIMIT) {
            return OptionalLong.empty();
        }
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < size; i++) {
            ids.add(kind.normalize(at(i)).id());
        }
        return OptionalLong.of(ids.size());
    }

    private long normalizedCombinations() {
        return representativeOf.length;
    }

    /** The digit of axis {@code axis} in point {@code index}. */
    int digit(long index, int axis) {
        return (int) (index / stride[axis] % values[axis].length);
    }

    private int normalizedCombination(long index) {
        int c = 0;
        for (int i = 0; i < normalizedAxes.length; i++) {
            c += (int) (digit(index, normalizedAxes[i]) * normalizedStride[i]);
        }
        return c;
    }

    /** The point {@code index} as the spec gives it, not normalised. */
    public Configuration at(long index) {
        checkIndex(index);
        TreeMap<String, Object> m = new TreeMap<>();
        for (int a = 0; a < keys.length; a++) {
            m.put(keys[a], values[a][digit(index, a)]);
        }
        return new Configuration(kind.name(), Collections.unmodifiableSortedMap(m), null, null);
    }

    private void checkIndex(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("point " + index + " of a space of " + size);
        }
    }

    /**
     * True when point {@code index} is the first of the points its configuration merges (tabulated spaces); an
     * untabulated space cannot tell without ids and says true.
     */
    public boolean isRepresentative(long index) {
        if (!tabulated()) {
            return true;
        }
        int r = representativeOf[normalizedCombination(index)];
        return r >= 0 && representatives[r].firstIndex() == normalizedDigits(index);
    }

    /** The part of {@code index} the normalised axes contribute (its other axes' digits set to 0). */
    private long normalizedDigits(long index) {
        long part = 0;
        for (int a : normalizedAxes) {
            part += digit(index, a) * stride[a];
        }
        return part;
    }

    /** The normalised configuration of point {@code index}, with its canonical form known when tabulated. */
    public Configuration configuration(long index) {
        checkIndex(index);
        if (!tabulated()) {
            return kind.normalize(at(index));
        }
        int r = representativeOf[normalizedCombination(index)];
        TreeMap<String, Object> m = new TreeMap<>(representatives[r].values());
        boolean[] isNormalized = normalizedFlags();
        for (int a = 0; a < keys.length; a++) {
            if (!isNormalized[a]) {
                m.put(keys[a], values[a][digit(index, a)]);
            }
        }
        return new Configuration(kind.name(), Collections.unmodifiableSortedMap(m), templates[r].fill(this, index),
                null);
    }

    private transient boolean[] normalizedFlags;

    private boolean[] normalizedFlags() {
        boolean[] f = normalizedFlags;
        if (f == null) {
            f = new boolean[keys.length];
            for (int i : normalizedAxes) {
                f[i] = true;
            }
            normalizedFlags = f;
        }
        return f;
    }

    /** The canonical form of point {@code index}'s configuration: a filled template when tabulated. */
    public String canonicalForm(long index) {
        if (!tabulated()) {
            return configuration(index).canonicalForm();
        }
        checkIndex(index);
        return templates[representativeOf[normalizedCombination(index)]].fill(this, index);
    }

    /**
     * The configurations of the points restricted to the keys {@code keep} accepts (e.g. a probe's minimum): their
     * canonical forms by template, and their number by arithmetic, when tabulated.
     */
    public Projection projection(Predicate<String> keep) {
        return new Projection(this, keep);
    }

    /** {@link ConfigurationSpace#projection}: each point's configuration restricted to some keys. */
    public static final class Projection implements Serializable {

        private static final long serialVersionUID = 1L;
        private final ConfigurationSpace space;
        private final Template[] templates;
        private final transient Predicate<String> keep;
        private final transient long count;

        private Projection(ConfigurationSpace space, Predicate<String> keep) {
            this.space = space;
            this.keep = keep;
            if (space.tabulated()) {
                templates = new Template[space.representatives.length];
                Set<String> distinct = new HashSet<>();
                for (int r = 0; r < templates.length; r++) {
                    templates[r] = space.template(space.representatives[r], keep);
                    TreeMap<String, Object> kept = new TreeMap<>();
                    space.representatives[r].values().forEach((k, v) -> {
                        if (keep.test(k)) {
                            kept.put(k, v);
                        }
                    });
                    distinct.add(Configuration.canonicalForm(space.kind.name(), kept));
                }
                long c = distinct.size();
                boolean[] isNormalized = space.normalizedFlags();
                for (int a = 0; a < space.keys.length; a++) {
                    if (!isNormalized[a] && keep.test(space.keys[a])) {
                        c = Math.multiplyExact(c, space.values[a].length);
                    }
                }
                count = c;
            } else {
                templates = null;
                count = -1;
            }
        }

        /** The canonical form of point {@code index}'s configuration restricted to the kept keys. */
        public String canonicalForm(long index) {
            if (templates == null) {
                throw new IllegalStateException("an untabulated space projects configurations, not indices");
            }
            space.checkIndex(index);
            return templates[space.representativeOf[space.normalizedCombination(index)]].fill(space, index);
        }

        /** Distinct projected configurations over the whole space, when tabulated. */
        public OptionalLong count() {
            return count < 0 ? OptionalLong.empty() : OptionalLong.of(count);
        }
    }

    /** Configurations {@link #check()} would validate to cover every rule combination. */
    private long checkCount() {
        long total = 0;
        for (Set<String> rule : rules.isEmpty() ? List.<Set<String>>of(Set.of()) : rules) {
            long n = representatives.length;
            for (int a : ruleAxes(rule)) {
                n = Math.multiplyExact(n, values[a].length);
            }
            total = Math.addExact(total, n);
        }
        return total;
    }

    /** The axes of {@code rule}'s keys outside the normalised axes (those are covered by the representatives). */
    private int[] ruleAxes(Set<String> rule) {
        boolean[] isNormalized = normalizedFlags();
        List<Integer> out = new ArrayList<>();
        for (int a = 0; a < keys.length; a++) {
            if (!isNormalized[a] && rule.contains(keys[a])) {
                out.add(a);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Validates the sweep's configurations on this machine and throws the {@link SpecException} of the first invalid
     * one in point order. Tabulated: each cross-field rule on every combination of the representatives with the values
     * of the rule's own axes, the other axes at their first values (a rule reads nothing else, so this covers every
     * configuration) while that is at most {@value #CHECK_BUDGET} configurations in all; beyond, every value of each
     * rule axis once and random combinations up to the budget. Untabulated: the first {@value #CHECK_BUDGET} points.
     * Whatever is not covered here ({@link #checkedHere()} false) is validated by the expansion.
     *
     * @return the configurations validated
     */
    public long check() {
        SpecException first = null;
        long firstIndex = Long.MAX_VALUE;
        long validated = 0;
        if (!tabulated()) {
            for (long i = 0; i < Math.min(size, CHECK_BUDGET); i++) {
                Configuration c = kind.normalize(at(i));
                kind.validate(c);
                validated++;
            }
            return validated;
        }
        long budget = CHECK_BUDGET;
        List<Set<String>> groups = rules.isEmpty() ? List.of(Set.of()) : rules;
        for (Set<String> rule : groups) {
            int[] axes = ruleAxes(rule);
            long combinations = representatives.length;
            for (int a : axes) {
                combinations = Math.multiplyExact(combinations, values[a].length);
            }
            Set<Long> points = new LinkedHashSet<>();
            long share = Math.max(1, budget / groups.size());
            if (checkedHere || combinations <= share) {
                for (long c = 0; c < combinations; c++) {
                    points.add(point(c, axes));
                }
            } else {
                for (int r = 0; r < representatives.length && points.size() < share; r++) {
                    points.add(representatives[r].firstIndex());
                }
                for (int a : axes) {
                    for (int v = 0; v < values[a].length && points.size() < share; v++) {
                        points.add(representatives[0].firstIndex() + v * stride[a]);
                    }
                }
                SplittableRandom random = new SplittableRandom(combinations);
                while (points.size() < share) {
                    points.add(point(random.nextLong(combinations), axes));
                }
            }
            for (long index : points) {
                if (index >= firstIndex) {
                    continue;
                }
                try {
                    kind.validate(configuration(index));
                } catch (SpecException e) {
                    first = e;
                    firstIndex = index;
                }
                validated++;
            }
        }
        if (first != null) {
            throw first;
        }
        return validated;
    }

    /** The point of rule combination {@code c}: a representative and a value of each rule axis, others first. */
    private long point(long c, int[] axes) {
        long index = 0;
        for (int i = axes.length - 1; i >= 0; i--) {
            int n = values[axes[i]].length;
            index += (c % n) * stride[axes[i]];
            c /= n;
        }
        return index + representatives[(int) c].firstIndex();
    }

    /**
     * The distinct configurations in point order (first occurrences), at most {@code limit} of them, each validated
     * unless {@link #check()} covers them. Untabulated, points are normalised one by one and merged by id.
     */
    public List<Configuration> first(long limit) {
        List<Configuration> out = new ArrayList<>();
        Set<String> ids = tabulated() ? null : new HashSet<>();
        for (long i = 0; i < size && out.size() < limit; i++) {
            if (!isRepresentative(i)) {
                continue;
            }
            Configuration c = configuration(i);
            if (!checkedHere) {
                kind.validate(c);
            }
            if (ids == null || ids.add(c.id())) {
                out.add(c);
            }
        }
        return out;
    }
}
