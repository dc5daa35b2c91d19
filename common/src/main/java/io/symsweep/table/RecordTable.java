package io.symsweep.table;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table declared by its row record: each component is a column, named in snake_case after it
 * ({@code finalLoss} is {@code final_loss}), typed by its Java type, documented by its {@link ColumnDoc}; a leading
 * {@link Provenance} component is flattened into the provenance columns. The docs come from the record's {@link Columns}
 * (a block beside the components rather than one annotation per component: the declaration reads like the README's
 * table, and the component list stays as compact as any record's). The columns are derived once, by reflection, and
 * {@link #fromValues} calls the canonical constructor, so a row record is the whole declaration: there is no cast
 * list to keep in order.
 *
 * <p>Types: {@code String}; {@code int}, {@code long}, {@code double}, {@code boolean} (never null) and their boxes
 * (nullable); {@code double[]}, {@code double[][]}, {@code int[]}; {@code Instant}; {@code Map<String, Long>}; an
 * enum, stored as its constant's name (the column's allowed values).
 */
public final class RecordTable<R extends Record> implements Table<R> {

    private final String name;
    private final int schemaVersion;
    private final String doc;
    private final List<Column<R>> columns;
    private final List<Migration> migrations;
    private final String keyColumn;
    private final boolean provenance;
    private final List<Component> components;
    private final MethodHandle constructor;

    /** One component of the record: its column name, its type and its accessor. */
    private record Component(String column, Class<?> type, MethodHandle accessor) {
    }

    /** One entry of a {@link Columns} block. */
    private record Doc(String text, boolean nullable) {
    }

    private static final Pattern ENTRY = Pattern.compile("([a-z][a-z0-9_]*)(\\?)?: (.+)");

    /** The entries of {@code type}'s {@link Columns}, by column name. */
    private static Map<String, Doc> docs(Class<?> type) {
        Columns columns = type.getAnnotation(Columns.class);
        if (columns == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " needs @Columns");
        }
        Map<String, Doc> out = new LinkedHashMap<>();
        String name = null;
        for (String line : columns.value().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            if (!Character.isWhitespace(line.charAt(0)) && m.matches()) {
                name = m.group(1);
                if (out.put(name, new Doc(m.group(3).trim(), m.group(2) != null)) != null) {
                    throw new IllegalArgumentException(type.getSimpleName() + " documents " + name + " twice");
                }
            } else if (name != null && Character.isWhitespace(line.charAt(0))) {
                Doc d = out.get(name);
                out.put(name, new Doc(d.text() + " " + line.trim(), d.nullable()));
            } else {
                throw new IllegalArgumentException(type.getSimpleName() + ": not a column entry: " + line);
            }
        }
        return out;
    }

    private RecordTable(String name, int schemaVersion, String doc, Class<R> type, List<Migration> migrations) {
        this.name = name;
        this.schemaVersion = schemaVersion;
        this.doc = doc;
        this.migrations = List.copyOf(migrations);
        RecordComponent[] rc = type.getRecordComponents();
        this.provenance = rc.length > 0 && rc[0].getType() == Provenance.class;
        this.components = new ArrayList<>();
        Map<String, Doc> docs = docs(type);
        List<Column<R>> own = new ArrayList<>();
        for (int i = provenance ? 1 : 0; i < rc.length; i++) {
            Component c = component(rc[i]);
            components.add(c);
            own.add(column(rc[i], c, docs.remove(c.column()), r -> invoke(c.accessor(), r)));
        }
        if (!docs.isEmpty()) {
            throw new IllegalArgumentException(type.getSimpleName() + " documents columns it does not have: "
                    + docs.keySet());
        }
        List<Column<R>> all = new ArrayList<>();
        if (provenance) {
            RecordComponent[] pc = Provenance.class.getRecordComponents();
            MethodHandle prov = accessor(rc[0]);
            Map<String, Doc> provenanceDocs = docs(Provenance.class);
            List<Column<R>> provColumns = new ArrayList<>();
            for (RecordComponent p : pc) {
                Component c = component(p);
                provColumns.add(column(p, c, provenanceDocs.get(c.column()), r -> invoke(c.accessor(),
                        invoke(prov, r))));
            }
            all.addAll(provColumns.subList(0, Provenance.HEAD));
            all.addAll(own);
            all.addAll(provColumns.subList(Provenance.HEAD, provColumns.size()));
        } else {
            all.addAll(own);
        }
        all.add(new Column<>("schema_version", ColumnType.INT, false, "version of this table's schema", List.of(),
                r -> schemaVersion));
        Set<String> names = new HashSet<>();
        for (Column<R> c : all) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException(name + " declares column " + c.name() + " twice");
            }
        }
        this.columns = List.copyOf(all);
        this.keyColumn = all.get(0).name();
        checkMigrations();
        try {
            Class<?>[] types = Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
            this.constructor = MethodHandles.publicLookup().unreflectConstructor(type.getDeclaredConstructor(types));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + " must be a public record", e);
        }
    }

    /** The table of row record {@code type}, at {@code schemaVersion}, reading older versions by {@code migrations}. */
    public static <R extends Record> RecordTable<R> of(String name, int schemaVersion, String doc, Class<R> type,
            Migration... migrations) {
        return new RecordTable<>(name, schemaVersion, doc, type, List.of(migrations));
    }

    private void checkMigrations() {
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            int next = i + 1 < migrations.size() ? migrations.get(i + 1).from() : schemaVersion;
            if (next != m.from() + 1) {
                throw new IllegalArgumentException(name + ": migrations must step one version at a time up to "
                        + schemaVersion + ", found one from " + m.from());
            }
            for (String added : m.addedColumns()) {
                if (!column(added).nullable()) {
                    throw new IllegalArgumentException(name + "." + added + " is added by a migration: it must be "
                            + "nullable (older rows hold null)");
                }
            }
            m.renamedValues().keySet().forEach(this::column);
        }
    }

    private static Component component(RecordComponent rc) {
        return new Component(snakeCase(rc.getName()), rc.getType(), accessor(rc));
    }

    private static MethodHandle accessor(RecordComponent rc) {
        try {
            return MethodHandles.publicLookup().unreflect(rc.getAccessor());
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(rc.getDeclaringRecord() + " must be public", e);
        }
    }

    private static <R> Column<R> column(RecordComponent rc, Component c, Doc d, Function<R, Object> read) {
        if (d == null) {
            throw new IllegalArgumentException(rc.getDeclaringRecord().getSimpleName() + "." + rc.getName()
                    + " has no entry " + c.column() + " in its @Columns");
        }
        Class<?> t = c.type();
        boolean nullable = !t.isPrimitive() && (d.nullable() || t == Integer.class || t == Long.class
                || t == Double.class || t == Boolean.class);
        List<String> values = t.isEnum()
                ? Arrays.stream(t.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList() : List.of();
        Function<R, Object> getter = t.isEnum() ? r -> {
            Object v = read.apply(r);
            return v == null ? null : ((Enum<?>) v).name();
        } : read;
        return new Column<>(c.column(), typeOf(rc), nullable, d.text(), values, getter);
    }

    private static ColumnType typeOf(RecordComponent rc) {
        Class<?> t = rc.getType();
        if (t == String.class || t.isEnum()) {
            return ColumnType.STRING;
        } else if (t == int.class || t == Integer.class) {
            return ColumnType.INT;
        } else if (t == long.class || t == Long.class) {
            return ColumnType.LONG;
        } else if (t == double.class || t == Double.class) {
            return ColumnType.DOUBLE;
        } else if (t == boolean.class || t == Boolean.class) {
            return ColumnType.BOOLEAN;
        } else if (t == double[].class) {
            return ColumnType.DOUBLE_ARRAY;
        } else if (t == double[][].class) {
            return ColumnType.DOUBLE_MATRIX;
        } else if (t == int[].class) {
            return ColumnType.INT_ARRAY;
        } else if (t == Instant.class) {
            return ColumnType.TIMESTAMP;
        } else if (t == Map.class && rc.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == String.class && p.getActualTypeArguments()[1] == Long.class) {
            return ColumnType.LONG_MAP;
        }
        throw new IllegalArgumentException(rc.getDeclaringRecord().getSimpleName() + "." + rc.getName()
                + ": no column type for " + rc.getGenericType());
    }

    /** {@code finalLoss} to {@code final_loss}, {@code hAtLeastK} to {@code h_at_least_k}. */
    static String snakeCase(String camel) {
        StringBuilder b = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                b.append('_').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static Object invoke(MethodHandle h, Object target) {
        try {
            return h.invoke(target);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public R fromValues(Map<String, Object> values) {
        List<Object> args = new ArrayList<>(components.size() + 1);
        if (provenance) {
            args.add(new Provenance((String) values.get("config_id"), (String) values.get("sweep"),
                    (Long) values.get("seed"), (String) values.get("config"), (String) values.get("code_version")));
        }
        for (Component c : components) {
            Object v = values.get(c.column());
            if (v != null && c.type().isEnum()) {
                v = enumConstant(c.type(), (String) v);
            }
            if (v == null && c.type().isPrimitive()) {
                throw new IllegalArgumentException(name + "." + c.column() + " is null but holds a " + c.type());
            }
            args.add(v);
        }
        try {
            @SuppressWarnings("unchecked")
            R r = (R) constructor.invokeWithArguments(args);
            return r;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public String doc() {
        return doc;
    }

    @Override
    public List<Column<R>> columns() {
        return columns;
    }

    @Override
    public String keyColumn() {
        return keyColumn;
    }

    @Override
    public List<Migration> migrations() {
        return migrations;
    }

    @Override
    public String toString() {
        return name;
    }
}
