package io.symsweep.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.symsweep.experiment.Experiment;
import io.symsweep.experiment.TwoStageExperiment;
import io.symsweep.sweep.ConfigIds;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ConfigurationSpace;
import io.symsweep.table.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * A {@link SweepPlan} made on the executors. {@code spark.range(0, n)} over the sweep's points is mapped through
 * {@link Expansion} (the {@link ConfigurationSpace}, broadcast): each task normalises, validates where the driver
 * could not ({@link ConfigurationSpace#checkedHere()}) and hashes its own points, and drops the points that merge
 * into an earlier one (by the space's table, or by id in Spark when the kind does not declare its normalisation).
 * What the probe tables hold is removed by a left anti join against their key columns, and the pending points
 * (index, the artefact ids they need, a bit per probe table lacking them) are kept on the executors' disks for the
 * run. The artefacts to produce are the distinct artefact ids of all points less those the artefact table
 * holds, found by a Spark aggregation; the probe work is the pending probes grouped by artefact ids and joined with
 * the artefact rows. Each is hash-partitioned into slices ({@link Slices}) that batches take in order.
 *
 * <p>The driver holds the space (the axes' values), per-table counts and per-slice counts: nothing that grows with
 * the number of configurations. The committed ids are read once, when the plan is made; the files a table had then
 * are the ones Spark reads again should an executor's cached part of the plan be lost, so the plan is the same
 * snapshot for the whole run.
 */
final class ExecutorPlan implements SweepPlan {

    /** Points one expansion task covers, about. */
    static final long POINTS_PER_TASK = 200_000;
    /** Rows per shuffle partition of the planning queries, about. */
    static final long ROWS_PER_SHUFFLE_PARTITION = 250_000;
    /** Slices per batch of the configured (or first automatic) size, times the default parallelism. */
    static final int SLICES_PER_BATCH_PER_CORE = 4;
    /** At most this many slices per stage (each is a shuffle partition). */
    static final int MAX_SLICES = 4096;
    /** A group of more probes than this is probed in pieces of this size (one group is one call of the kind). */
    static final int MAX_PROBES_PER_CALL = 4096;

    /** Probes of a piece of a group, on average, at least (when the group has that many). */
    static final int MIN_PROBES_PER_PIECE = 256;

    private static final String IDX = "idx";
    private static final String PIECE = "piece";
    private static final String ID = "config_id";
    private static final String ARTEFACTS = "artefacts";
    private static final String MISSING = "missing";
    /** A bit per probe table the point's configuration writes to (bit i: table i), for a kind whose tables vary. */
    private static final String APPLIES = "applies";

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final ResultStore store;
    private final Experiment kind;
    private final ConfigurationSpace space;
    private final Broadcast<PlanContext> context;
    private final List<Table<?>> probeTables;
    private final int sliceTarget;
    private final Map<String, Long> planned = new LinkedHashMap<>();
    private final Dataset<Row> pending;
    /** Every point of the space (expanded again, not kept: the artefact stage reads it once). */
    private final Dataset<Row> points;
    /** The kind's probe configurations write to different tables ({@link TwoStageExperiment#probeTablesOf}). */
    private final boolean tablesVary;
    private final String shufflePartitions;

    /**
     * What every task of the plan needs, broadcast once: the space and, for a two-stage kind that declares its
     * artefacts as a projection, that projection (serialised together, so they share the space).
     */
    record PlanContext(ConfigurationSpace space, ConfigurationSpace.Projection artefact) implements Serializable {
    }

    /**
     * Plans {@code space} of {@code kind} against {@code store}.
     *
     * @param firstBatch configurations in a batch of the configured (or first automatic) size: sizes the slices
     */
    ExecutorPlan(SparkSession spark, ResultStore store, Experiment kind, ConfigurationSpace space, int firstBatch) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.store = store;
        this.kind = kind;
        this.space = space;
        this.probeTables = kind instanceof TwoStageExperiment<?> t ? t.probeTables() : kind.tables();
        ConfigurationSpace.Projection projection = kind instanceof TwoStageExperiment<?> t
                && space.tabulated() ? t.artefactProjection().map(space::projection).orElse(null) : null;
        this.context = jsc.broadcast(new PlanContext(space, projection));
        this.shufflePartitions = Long.toString(Math.max(jsc.defaultParallelism() * 4L,
                Math.min(2000, space.size() / ROWS_PER_SHUFFLE_PARTITION)));
        boolean twoStage = kind instanceof TwoStageExperiment<?>;
        this.tablesVary = kind instanceof TwoStageExperiment<?> t && t.probeTablesVary();
        Dataset<Row> expanded = spark.range(0, space.size(), 1, expansionTasks(space.size()))
                .mapPartitions(new Expansion(context, twoStage, tablesVary), Encoders.row(planSchema(twoStage,
                        tablesVary)));
        this.points = space.tabulated() ? expanded : expanded.dropDuplicates(ID);
        long configurations = space.count().isPresent() ? space.count().getAsLong()
                : planning(points::count);
        if (tablesVary) {
            Column[] perTable = new Column[probeTables.size()];
            for (int i = 0; i < perTable.length; i++) {
                perTable[i] = sum(when(applies(i), lit(1L)).otherwise(lit(0L)));
            }
            Row counts = planning(() -> points.agg(perTable[0], java.util.Arrays.copyOfRange(perTable, 1,
                    perTable.length)).first());
            for (int i = 0; i < perTable.length; i++) {
                planned.put(probeTables.get(i).name(), counts.isNullAt(i) ? 0L : counts.getLong(i));
            }
        } else {
            for (Table<?> t : probeTables) {
                planned.put(t.name(), configurations);
            }
        }
        if (kind instanceof TwoStageExperiment<?> t) {
            Dataset<Row> all = points;
            long artefacts = projection != null ? projection.count().getAsLong()
                    : planning(() -> all.select(posexplode(col(ARTEFACTS))).select("col").distinct().count());
            Map<String, Long> withArtefacts = new LinkedHashMap<>();
            withArtefacts.put(t.artefactTable().name(), artefacts);
            withArtefacts.putAll(planned);
            planned.clear();
            planned.putAll(withArtefacts);
        }
        Dataset<Row> missing = withMissing(points).drop(ID);
        this.pending = planning(() -> missing.persist(StorageLevel.DISK_ONLY()));
        this.sliceTarget = Math.max(1, firstBatch);
    }

    private static StructType planSchema(boolean twoStage, boolean tablesVary) {
        StructType s = new StructType().add(IDX, DataTypes.LongType, false).add(ID, DataTypes.StringType, false);
        s = twoStage ? s.add(ARTEFACTS, DataTypes.createArrayType(DataTypes.StringType, false), false) : s;
        return tablesVary ? s.add(APPLIES, DataTypes.IntegerType, false) : s;
    }

    private int expansionTasks(long points) {
        return (int) Math.max(jsc.defaultParallelism(), Math.min(10_000, points / POINTS_PER_TASK + 1));
    }

    /**
     * {@code points} with {@value #MISSING}, a bit per probe table that lacks the point's id (bit i: table i), keeping
     * the points some table lacks: one left anti join for one table, a left outer join per table otherwise.
     */
    private Dataset<Row> withMissing(Dataset<Row> points) {
        if (probeTables.size() == 1) {
            Dataset<Row> keys = committed(probeTables.get(0), "committed");
            return points.join(keys, points.col(ID).equalTo(keys.col("committed")), "left_anti")
                    .withColumn(MISSING, lit(1));
        }
        Column bits = lit(0);
        Dataset<Row> joined = points;
        for (int i = 0; i < probeTables.size(); i++) {
            String name = "committed_" + i;
            Dataset<Row> keys = committed(probeTables.get(i), name).distinct();
            joined = joined.join(keys, joined.col(ID).equalTo(keys.col(name)), "left_outer");
            Column lacks = tablesVary ? col(name).isNull().and(applies(i)) : col(name).isNull();
            bits = bits.plus(when(lacks, lit(1 << i)).otherwise(lit(0)));
        }
        return joined.withColumn(MISSING, bits).filter(col(MISSING).notEqual(lit(0))).select(keep(points));
    }

    /** The point's configuration writes to probe table {@code i}. */
    private static Column applies(int i) {
        return col(APPLIES).bitwiseAND(lit(1 << i)).notEqual(lit(0));
    }

    private static Column[] keep(Dataset<Row> points) {
        List<Column> cs = new ArrayList<>();
        for (String c : points.columns()) {
            cs.add(col(c));
        }
        cs.add(col(MISSING));
        return cs.toArray(new Column[0]);
    }

    /** The key column of {@code table} as {@code name} (empty when the table has no files yet). */
    private Dataset<Row> committed(Table<?> table, String name) {
        Dataset<Row> rows = store.read(table);
        if (rows == null) {
            return spark.createDataFrame(List.of(), new StructType().add(name, DataTypes.StringType));
        }
        return rows.select(col(table.keyColumn()).as(name));
    }

    /**
     * Runs {@code what} (which plans a query) with the planning settings: shuffle partitions for the sweep's size,
     * and no adaptive execution, so that a repartition into slices keeps exactly its partitions (adaptive execution
     * would coalesce them) and a slice is a partition.
     */
    private <T> T planning(Supplier<T> what) {
        Map<String, String> settings = Map.of("spark.sql.adaptive.enabled", "false", "spark.sql.shuffle.partitions",
                shufflePartitions);
        Map<String, String> before = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            before.put(k, spark.conf().contains(k) ? spark.conf().get(k) : null);
            spark.conf().set(k, v);
        });
        try {
            return what.get();
        } finally {
            before.forEach((k, v) -> {
                if (v == null) {
                    spark.conf().unset(k);
                } else {
                    spark.conf().set(k, v);
                }
            });
        }
    }

    @Override
    public Map<String, Long> planned() {
        return planned;
    }

    /** Slices for about {@code configurations} pending: {@value #SLICES_PER_BATCH_PER_CORE} per core per batch. */
    private int slices(long configurations) {
        long batches = (configurations + sliceTarget - 1) / sliceTarget;
        long s = batches * SLICES_PER_BATCH_PER_CORE * jsc.defaultParallelism();
        return (int) Math.max(1, Math.min(MAX_SLICES, s));
    }

    @Override
    public Slices<Configuration> artefacts() {
        if (!(kind instanceof TwoStageExperiment<?> twoStage)) {
            throw new IllegalStateException(kind.name() + " has no artefact stage");
        }
        Table<?> table = twoStage.artefactTable();
        // The artefacts of every point, not only of the pending ones: the artefact table holds every artefact of the
        // spec, also one whose probes are all committed (its file was quarantined as damaged).
        Dataset<Row> needed = points.select(col(IDX), posexplode(col(ARTEFACTS)).as(new String[] {"pos", "aid"}))
                .groupBy("aid").agg(min(struct(col(IDX), col("pos"))).as("first"));
        Dataset<Row> keys = committed(table, "committed");
        Dataset<Row> todo = needed.join(keys, needed.col("aid").equalTo(keys.col("committed")), "left_anti")
                .select(col("aid"), col("first." + IDX).as(IDX), col("first.pos").as("pos"));
        JavaRDD<Row> sliced = planning(() -> todo.repartition(slices(planned.get(table.name())), col("aid"))
                .javaRDD());
        long[] counts = perSlice(sliced, r -> 1);
        return new Slices<>(sliced.map(new ArtefactOf(context)), Map.of(table.name(), counts));
    }

    @Override
    public Slices<ProbeWork<?>> probes() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        JavaRDD<ProbeWork<?>> work;
        List<String> tables = probeTables.stream().map(Table::name).toList();
        if (kind instanceof TwoStageExperiment<?> twoStage) {
            Table<?> table = twoStage.artefactTable();
            long probes = planned.get(tables.get(0));
            // A group is the probes of one artefact set, in pieces (by a hash of the point) so that a few artefacts
            // with many probes each still spread over every slice; a piece is probed as one call of the kind.
            int pieces = piecesPerGroup(probes, planned.get(table.name()));
            Dataset<Row> groups = pending.groupBy(col(ARTEFACTS), pmod(xxhash64(col(IDX)), lit(pieces)).as(PIECE))
                    .agg(collect_list(struct(col(IDX), col(MISSING))).as("probes"));
            Dataset<Row> read = store.read(table);
            // No artefact yet (then no probe is pending, or GroupWork says which artefact is missing).
            Dataset<Row> artefactRows = read != null ? read
                    : spark.createDataFrame(List.of(), SparkTables.schema(table));
            Dataset<Row> rows = artefactRows.select(col(table.keyColumn()).as("row_id"),
                    struct(artefactRows.col("*")).as("row"));
            // Each artefact set once (it has a row per piece in groups): otherwise every piece would carry each
            // artefact's row once per piece of its set.
            Dataset<Row> wanted = groups.select(col(ARTEFACTS)).distinct().select(col(ARTEFACTS).as("group"),
                    posexplode(col(ARTEFACTS)).as(new String[] {"pos", "aid"}));
            Dataset<Row> found = wanted.join(rows, wanted.col("aid").equalTo(rows.col("row_id")), "left_outer")
                    .groupBy(col("group")).agg(collect_list(struct(col("pos"), col("aid"), col("row"))).as("rows"));
            Dataset<Row> joined = groups.join(found, groups.col(ARTEFACTS).equalTo(found.col("group")))
                    .select(col(ARTEFACTS), col("probes"), col("rows"), col(PIECE));
            // Spark's internal rows, not external ones: each piece holds its artefacts' rows, whose arrays an external
            // row would box element by element (measured: a fifth of a probe batch for Figure-4 minima).
            Dataset<Row> sliced = joined.repartition(slices(probes), col(ARTEFACTS), col(PIECE));
            StructType artefactSchema = (StructType) ((org.apache.spark.sql.types.ArrayType) sliced.schema()
                    .apply("rows").dataType()).elementType();
            JavaRDD<InternalRow> internal = planning(() -> sliced.queryExecution().toRdd().toJavaRDD());
            for (int i = 0; i < tables.size(); i++) {
                int bit = 1 << i;
                counts.put(tables.get(i), perSlice(internal, r -> {
                    ArrayData ps = r.getArray(1);
                    long n = 0;
                    for (int j = 0; j < ps.numElements(); j++) {
                        n += (ps.getStruct(j, 2).getInt(1) & bit) != 0 ? 1 : 0;
                    }
                    return n;
                }));
            }
            work = internal.flatMap(new GroupWork(context, table.name(), tables,
                    (StructType) artefactSchema.apply("row").dataType()));
        } else {
            long probes = planned.get(tables.get(0));
            JavaRDD<Row> sliced = planning(() -> pending.repartition(slices(probes), col(IDX)).javaRDD());
            for (int i = 0; i < tables.size(); i++) {
                int bit = 1 << i;
                counts.put(tables.get(i), perSlice(sliced, r -> (r.getInt(r.fieldIndex(MISSING)) & bit) != 0 ? 1 : 0));
            }
            work = sliced.map(new OneConfiguration(context, tables));
        }
        return new Slices<>(work, counts);
    }

    /**
     * Pieces each artefact set's probes are hashed into: about {@value #MAX_PROBES_PER_CALL} probes or fewer each, and
     * enough pieces in all for two per slice, but no piece of fewer than {@value #MIN_PROBES_PER_PIECE} probes on
     * average.
     */
    private int piecesPerGroup(long probes, long artefacts) {
        long perGroup = Math.max(1, probes / Math.max(1, artefacts));
        long bySize = (perGroup + MAX_PROBES_PER_CALL - 1) / MAX_PROBES_PER_CALL;
        long bySlices = (2L * slices(probes) + artefacts - 1) / Math.max(1, artefacts);
        long atMost = Math.max(1, perGroup / MIN_PROBES_PER_PIECE);
        return (int) Math.max(1, Math.min(Math.max(bySize, Math.min(bySlices, atMost)), 1 << 20));
    }

    /** Per slice, the sum of {@code count} over its rows: one job, which also writes the slices' shuffle. */
    private static <T> long[] perSlice(JavaRDD<T> sliced, RowCount<T> count) {
        long[] out = new long[sliced.getNumPartitions()];
        for (long[] c : sliced.mapPartitionsWithIndex((i, rows) -> {
            long n = 0;
            while (rows.hasNext()) {
                n += count.of(rows.next());
            }
            return List.of(new long[] {i, n}).iterator();
        }, false).collect()) {
            out[(int) c[0]] = c[1];
        }
        return out;
    }

    /** A serialisable count of one row. */
    private interface RowCount<T> extends Serializable {
        long of(T r);
    }

    @Override
    public void close() {
        pending.unpersist(false);
        context.destroy();
    }

    /**
     * Expands a range of point indices into plan rows {@code (idx, config_id[, artefacts])} on an executor: the points
     * that are the first of their configuration, validated unless the driver checked every rule, hashed with one
     * digest per task. The first point of each task is also normalised the long way and its canonical form compared
     * with the table's: a kind whose declared dependencies are wrong stops here rather than writing wrong ids.
     */
    private static final class Expansion implements MapPartitionsFunction<Long, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<PlanContext> context;
        private final boolean twoStage;
        private final boolean tablesVary;

        Expansion(Broadcast<PlanContext> context, boolean twoStage, boolean tablesVary) {
            this.context = context;
            this.twoStage = twoStage;
            this.tablesVary = tablesVary;
        }

        @Override
        public Iterator<Row> call(Iterator<Long> indices) {
            PlanContext ctx = context.value();
            ConfigurationSpace space = ctx.space();
            ConfigIds.Hasher hasher = ConfigIds.hasher();
            return new Iterator<>() {
                private Row next;
                private boolean verified;

                @Override
                public boolean hasNext() {
                    while (next == null && indices.hasNext()) {
                        next = row(indices.next());
                    }
                    return next != null;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Row r = next;
                    next = null;
                    return r;
                }

                private Row row(long index) {
                    if (!space.isRepresentative(index)) {
                        return null;
                    }
                    Configuration c = null;
                    String form;
                    if (space.tabulated()) {
                        form = space.canonicalForm(index);
                        if (!verified) {
                            String slow = space.kind().normalize(space.at(index)).canonicalForm();
                            if (!slow.equals(form)) {
                                throw new IllegalStateException("point " + index + ": the table gives " + form
                                        + " but normalising gives " + slow + " (kind " + space.kind().name()
                                        + "'s KeyDependencies are wrong)");
                            }
                            verified = true;
                        }
                    } else {
                        c = space.configuration(index);
                        form = c.canonicalForm();
                    }
                    if (!space.checkedHere()) {
                        space.kind().validate(c != null ? c : (c = space.configuration(index)));
                    }
                    String id = hasher.id(form);
                    if (!twoStage) {
                        return RowFactory.create(index, id);
                    }
                    List<String> artefacts;
                    if (ctx.artefact() != null) {
                        artefacts = List.of(hasher.id(ctx.artefact().canonicalForm(index)));
                    } else {
                        artefacts = new ArrayList<>();
                        TwoStageExperiment<?> k = (TwoStageExperiment<?>) space.kind();
                        for (Configuration a : k.artefactsOf(c != null ? c : space.configuration(index))) {
                            artefacts.add(a.id());
                        }
                    }
                    if (tablesVary) {
                        TwoStageExperiment<?> k = (TwoStageExperiment<?>) space.kind();
                        List<? extends Table<?>> all = k.probeTables();
                        int applies = 0;
                        for (Table<?> t : k.probeTablesOf(c != null ? c : space.configuration(index))) {
                            applies |= 1 << all.indexOf(t);
                        }
                        return RowFactory.create(index, id, artefacts.toArray(new String[0]), applies);
                    }
                    return RowFactory.create(index, id, artefacts.toArray(new String[0]));
                }
            };
        }
    }

    /** An artefact to produce, {@code (aid, idx, pos)}: artefact {@code pos} of the probe at point {@code idx}. */
    private static final class ArtefactOf implements org.apache.spark.api.java.function.Function<Row, Configuration> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<PlanContext> context;

        ArtefactOf(Broadcast<PlanContext> context) {
            this.context = context;
        }

        @Override
        public Configuration call(Row r) {
            ConfigurationSpace space = context.value().space();
            TwoStageExperiment<?> kind = (TwoStageExperiment<?>) space.kind();
            Configuration a = kind.artefactsOf(space.configuration(r.getLong(1))).get(r.getInt(2));
            if (!a.id().equals(r.getString(0))) {
                throw new IllegalStateException("artefact " + r.getString(0) + " of point " + r.getLong(1) + " is "
                        + a.id());
            }
            return a;
        }
    }

    /** The tables of {@code bits}: bit i is {@code tables.get(i)}. */
    private static Set<String> tables(int bits, List<String> tables) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < tables.size(); i++) {
            if ((bits & (1 << i)) != 0) {
                out.add(tables.get(i));
            }
        }
        return out;
    }

    /**
     * A group row {@code (artefacts, probes: [(idx, missing)], rows: [(pos, aid, artefact row)])} as probe work: the
     * artefact rows read back as records, the probes' configurations from the space; in pieces of at most
     * {@value #MAX_PROBES_PER_CALL} probes.
     */
    private static final class GroupWork implements FlatMapFunction<InternalRow, ProbeWork<?>> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<PlanContext> context;
        private final String artefactTable;
        private final List<String> tables;
        private final StructType artefactSchema;

        GroupWork(Broadcast<PlanContext> context, String artefactTable, List<String> tables, StructType artefactSchema) {
            this.context = context;
            this.artefactTable = artefactTable;
            this.tables = List.copyOf(tables);
            this.artefactSchema = artefactSchema;
        }

        @Override
        public Iterator<ProbeWork<?>> call(InternalRow group) {
            ConfigurationSpace space = context.value().space();
            TwoStageExperiment<?> kind = (TwoStageExperiment<?>) space.kind();
            return work(kind, space, group);
        }

        private <A> Iterator<ProbeWork<?>> work(TwoStageExperiment<A> kind, ConfigurationSpace space,
                InternalRow group) {
            int ids = group.getArray(0).numElements();
            List<A> artefacts = new ArrayList<>(java.util.Collections.nCopies(ids, null));
            ArrayData found = group.getArray(2);
            for (int j = 0; j < found.numElements(); j++) {
                InternalRow f = found.getStruct(j, 3);
                if (f.isNullAt(2)) {
                    throw new IllegalStateException("artefact " + f.getUTF8String(1) + " is missing from "
                            + artefactTable);
                }
                artefacts.set(f.getInt(0), SparkTables.fromInternalRow(kind.artefactTable(), artefactSchema,
                        f.getStruct(2, artefactSchema.size())));
            }
            ArrayData probes = group.getArray(1);
            List<ProbeWork<?>> out = new ArrayList<>();
            for (int from = 0; from < probes.numElements(); from += MAX_PROBES_PER_CALL) {
                List<PendingProbe> piece = new ArrayList<>();
                for (int j = from; j < Math.min(probes.numElements(), from + MAX_PROBES_PER_CALL); j++) {
                    InternalRow p = probes.getStruct(j, 2);
                    piece.add(new PendingProbe(space.configuration(p.getLong(0)), tables(p.getInt(1), tables)));
                }
                out.add(new ProbeWork<>(artefacts, piece));
            }
            return out.iterator();
        }
    }

    /** A pending point of an independent kind, {@code (idx, missing)}, as its own probe work. */
    private static final class OneConfiguration
            implements org.apache.spark.api.java.function.Function<Row, ProbeWork<?>> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<PlanContext> context;
        private final List<String> tables;

        OneConfiguration(Broadcast<PlanContext> context, List<String> tables) {
            this.context = context;
            this.tables = List.copyOf(tables);
        }

        @Override
        public ProbeWork<?> call(Row r) {
            ConfigurationSpace space = context.value().space();
            return new ProbeWork<>(List.of(), List.of(new PendingProbe(space.configuration(r.getLong(0)),
                    tables(r.getInt(r.fieldIndex(MISSING)), tables))));
        }
    }
}
