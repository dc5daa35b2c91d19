package io.symsweep.spark;

import io.symsweep.sweep.ConfigIds;
import io.symsweep.table.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The checks of one file of a table folder, with Hadoop's file system and Parquet's reader (no Spark session), so
 * that one damaged file is named without hiding the others. A file must be Parquet (magic {@code PAR1} at both ends),
 * carry the Spark schema of its table's declaration ({@link SparkTables#schema}) in its footer, hold that table's
 * {@code schema_version} and well-formed keys in every row, and match its checksum file when it has one. Used by
 * {@code symsweep check} (every check), by a run before it reads a table ({@link ResultStore#quarantineDamaged}: every
 * check) and by the readers {@code sql} and {@code serve} ({@link #checkFooter}: magic, footer and schema, which reads
 * only the footer).
 */
public final class TableFiles {

    /** The footer key under which Spark stores a Parquet file's Spark schema (ParquetWriteSupport). */
    public static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    /** What a file is to the table it lies in. */
    public enum Condition {
        /** Readable as a file of the table. */
        SOUND,
        /** Not a file of the table: truncated, foreign, another schema, unreadable rows, changed after writing. */
        DAMAGED,
        /** A file of the table written by another schema version, which this symsweep does not read. */
        OTHER_VERSION
    }

    /**
     * The outcome of checking one file.
     *
     * @param condition what the file is
     * @param problems  one line each (without the file's name), none for a sound file
     * @param ids       the keys of its rows as longs, sorted (config ids are 16 hex digits; other keys are hashed),
     *                  or null when its rows were not read
     * @param rows      rows in the file (from the footer), 0 when the footer was not read
     */
    public record Verdict(Condition condition, List<String> problems, long[] ids, long rows) {

        public Verdict {
            problems = List.copyOf(problems);
        }

        static Verdict damaged(String problem) {
            return new Verdict(Condition.DAMAGED, List.of(problem), null, 0);
        }

        /** The first problem, or null for a sound file. */
        public String reason() {
            return problems.isEmpty() ? null : problems.get(0);
        }
    }

    private final Configuration rawConf;

    /** Checks files of the file systems {@code conf} configures. */
    public TableFiles(Configuration conf) {
        // Local files are read past Hadoop's checksums first, so that a truncated or replaced file is named as such
        // rather than as a checksum error; the checksums are verified separately.
        this.rawConf = new Configuration(conf);
        rawConf.set("fs.file.impl", org.apache.hadoop.fs.RawLocalFileSystem.class.getName());
        rawConf.setBoolean("fs.file.impl.disable.cache", true);
    }

    /** Every declared table by name, the declarations sharing a name (several kinds may write one table) together. */
    public static java.util.Map<String, List<Table<?>>> declared() {
        java.util.Map<String, List<Table<?>>> out = new java.util.LinkedHashMap<>();
        for (Table<?> t : io.symsweep.experiment.Experiments.tables()) {
            out.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    /** {@code p} as a user names it: a local path without its {@code file:} scheme, any other URI whole. */
    public static String shown(Path p) {
        java.net.URI u = p.toUri();
        return "file".equals(u.getScheme()) ? u.getPath() : p.toString();
    }

    /** True for the names of Spark's and Hadoop's own files and folders ({@code _SUCCESS}, {@code .x.crc}, ...). */
    public static boolean hidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    /**
     * Every check of {@code file}, a file of one of {@code tables} (the declarations sharing its folder's name, newest
     * first): magic, footer, schema, its rows' keys and schema versions, and its checksum file when {@code fs} keeps
     * one.
     */
    public Verdict check(FileSystem fs, FileStatus file, List<? extends Table<?>> tables) {
        return check(fs, file, tables, true);
    }

    /** Magic, footer and schema of {@code file}, reading only its ends: what a reader needs to skip it. */
    public Verdict checkFooter(FileSystem fs, FileStatus file, List<? extends Table<?>> tables) {
        return check(fs, file, tables, false);
    }

    private Verdict check(FileSystem fs, FileStatus s, List<? extends Table<?>> tables, boolean readRows) {
        Path path = s.getPath();
        long length = s.getLen();
        if (length == 0) {
            return Verdict.damaged("empty file (0 bytes), not Parquet");
        }
        try {
            FileSystem raw = path.getFileSystem(rawConf);
            byte[] head = new byte[4];
            byte[] tail = new byte[4];
            try (FSDataInputStream in = raw.open(path)) {
                int n = in.read(head, 0, (int) Math.min(4, length));
                if (n < 4 || !Arrays.equals(head, MAGIC)) {
                    return Verdict.damaged("not a Parquet file (" + length + " bytes; it does not start with PAR1)");
                }
                if (length < 12) {
                    return Verdict.damaged("truncated Parquet file (" + length + " bytes; no footer)");
                }
                in.readFully(length - 4, tail);
                if (!Arrays.equals(tail, MAGIC)) {
                    return Verdict.damaged("truncated Parquet file (" + length + " bytes; it does not end with PAR1, "
                            + "so its footer is missing)");
                }
            }
            ParquetMetadata footer;
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, rawConf))) {
                footer = reader.getFooter();
            } catch (IOException | RuntimeException e) {
                return Verdict.damaged("damaged Parquet footer (" + firstLine(e.getMessage()) + ")");
            }
            long rows = footer.getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
            List<String> problems = new ArrayList<>();
            Table<?> table = schemaCheck(footer, tables, problems);
            if (table == null) {
                Condition c = problems.isEmpty() ? Condition.DAMAGED : otherVersion(path, footer, tables, problems);
                return new Verdict(c, problems, null, rows);
            }
            if (!readRows) {
                return new Verdict(Condition.SOUND, List.of(), null, rows);
            }
            long[] ids = readIds(path, footer.getFileMetaData().getSchema(), table, problems);
            if (ids == null) {
                return new Verdict(Condition.DAMAGED, problems, null, rows);
            }
            checksum(fs, path, problems);
            Condition c = problems.isEmpty() ? Condition.SOUND
                    : problems.size() == 1 && problems.get(0).startsWith(WRITTEN_WITH) ? Condition.OTHER_VERSION
                    : Condition.DAMAGED;
            return new Verdict(c, problems, ids, rows);
        } catch (IOException e) {
            return Verdict.damaged("cannot read (" + firstLine(e.getMessage()) + ")");
        }
    }

    private static final String WRITTEN_WITH = "written with schema version ";

    /** The declared table the footer's Spark schema matches, or null with the problem added. */
    private static Table<?> schemaCheck(ParquetMetadata footer, List<? extends Table<?>> tables, List<String> problems) {
        String json = footer.getFileMetaData().getKeyValueMetaData().get(SPARK_SCHEMA_KEY);
        if (json == null) {
            problems.add("foreign Parquet file: not written by Spark (its footer has no Spark schema)");
            return null;
        }
        StructType found;
        try {
            found = (StructType) DataType.fromJson(json);
        } catch (RuntimeException e) {
            problems.add("foreign Parquet file: its Spark schema does not parse");
            return null;
        }
        String firstDifference = null;
        for (Table<?> t : tables) {
            // Columns a declared migration adds are absent from files of the older versions it reads.
            Set<String> added = new TreeSet<>();
            t.migrations().forEach(m -> added.addAll(m.addedColumns()));
            String d = difference(SparkTables.schema(t), found, added);
            if (d == null) {
                return t;
            }
            if (firstDifference == null) {
                firstDifference = d;
            }
        }
        Table<?> t = tables.get(0);
        problems.add("schema differs from table " + t.name() + " (schema version " + t.schemaVersion() + "): "
                + firstDifference);
        return null;
    }

    /**
     * A file whose schema has every declared column and more, and whose rows were written by a later schema version
     * than this symsweep's: a newer symsweep's file, left where it is ({@link Condition#OTHER_VERSION}, its problem
     * replaced by the version's); anything else that differs is {@link Condition#DAMAGED}.
     */
    private Condition otherVersion(Path path, ParquetMetadata footer, List<? extends Table<?>> tables,
            List<String> problems) {
        Table<?> newest = tables.get(0);
        String json = footer.getFileMetaData().getKeyValueMetaData().get(SPARK_SCHEMA_KEY);
        if (json == null || !problems.get(0).contains("unexpected column") || problems.get(0).contains("missing column")
                || problems.get(0).contains(", declared ")) {
            return Condition.DAMAGED;
        }
        List<String> versionProblems = new ArrayList<>();
        long[] ids = readIds(path, footer.getFileMetaData().getSchema(), newest, versionProblems);
        if (ids == null || versionProblems.size() != 1 || !versionProblems.get(0).startsWith(WRITTEN_WITH)) {
            return Condition.DAMAGED;
        }
        problems.set(0, versionProblems.get(0));
        return Condition.OTHER_VERSION;
    }

    /** Null when the column names and types agree (nullability and comments aside), else what differs. */
    public static String difference(StructType declared, StructType found) {
        return difference(declared, found, Set.of());
    }

    /** As {@link #difference(StructType, StructType)}, allowing the columns {@code mayLack} to be absent. */
    static String difference(StructType declared, StructType found, Set<String> mayLack) {
        List<String> parts = new ArrayList<>();
        Set<String> foundNames = new TreeSet<>(Arrays.asList(found.fieldNames()));
        List<String> missing = new ArrayList<>();
        for (StructField d : declared.fields()) {
            if (!foundNames.contains(d.name())) {
                if (!mayLack.contains(d.name())) {
                    missing.add(d.name());
                }
                continue;
            }
            StructField f = found.apply(d.name());
            if (!plain(d.dataType()).equals(plain(f.dataType()))) {
                parts.add("column " + d.name() + " is " + f.dataType().simpleString() + ", declared "
                        + d.dataType().simpleString());
            }
        }
        Set<String> declaredNames = new TreeSet<>(Arrays.asList(declared.fieldNames()));
        List<String> unexpected = new ArrayList<>();
        for (String n : found.fieldNames()) {
            if (!declaredNames.contains(n)) {
                unexpected.add(n);
            }
        }
        if (!missing.isEmpty()) {
            parts.add(0, "missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        if (!unexpected.isEmpty()) {
            parts.add("unexpected column" + (unexpected.size() > 1 ? "s " : " ") + String.join(", ", unexpected));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** The type with every nullability flag set and no metadata, for comparing shapes. */
    private static DataType plain(DataType t) {
        if (t instanceof ArrayType a) {
            return DataTypes.createArrayType(plain(a.elementType()), true);
        }
        if (t instanceof StructType s) {
            List<StructField> fields = new ArrayList<>();
            for (StructField f : s.fields()) {
                fields.add(DataTypes.createStructField(f.name(), plain(f.dataType()), true));
            }
            return DataTypes.createStructType(fields);
        }
        return t;
    }

    /** Reads the key and {@code schema_version} of every row; sorted ids, or null (a problem added). */
    private long[] readIds(Path path, MessageType schema, Table<?> table, List<String> problems) {
        String key = table.keyColumn();
        // Result tables are keyed by config ids (16 hex digits, read as longs); runs by UUIDs, hashed to longs.
        boolean configIds = key.equals("config_id");
        if (!schema.containsField(key) || !schema.containsField("schema_version")) {
            problems.add("damaged Parquet data (no column " + (schema.containsField(key) ? "schema_version" : key)
                    + ")");
            return null;
        }
        Type idType = schema.getType(key);
        Type versionType = schema.getType("schema_version");
        Configuration c = new Configuration(rawConf);
        c.set(ReadSupport.PARQUET_READ_SCHEMA, new MessageType(schema.getName(), idType, versionType).toString());
        long[] ids = new long[1024];
        int n = 0;
        Set<Integer> versions = new TreeSet<>();
        String badId = null;
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), path).withConf(c).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                String id = g.getFieldRepetitionCount(key) == 0 ? null : g.getString(key, 0);
                if (g.getFieldRepetitionCount("schema_version") > 0) {
                    versions.add(g.getInteger("schema_version", 0));
                }
                if (id == null || configIds && (id.length() != ConfigIds.ID_HEX_DIGITS || !id.matches("[0-9a-f]+"))) {
                    badId = badId == null ? String.valueOf(id) : badId;
                    continue;
                }
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, 2 * n);
                }
                ids[n++] = configIds ? Long.parseUnsignedLong(id, 16) : java.util.UUID.nameUUIDFromBytes(
                        id.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getMostSignificantBits();
            }
        } catch (IOException | RuntimeException e) {
            problems.add("damaged Parquet data (" + firstLine(e.getMessage()) + ")");
            return null;
        }
        if (badId != null) {
            problems.add(configIds ? "a config_id that is not " + ConfigIds.ID_HEX_DIGITS + " hex digits: '" + badId
                    + "'" : "a row without its " + key);
        }
        versions.removeAll(table.readableVersions());
        if (!versions.isEmpty()) {
            problems.add(WRITTEN_WITH + versions + " of table " + table.name() + "; this symsweep writes version "
                    + table.schemaVersion() + " (rerun with --fresh, or choose another --out)");
        }
        long[] sorted = Arrays.copyOf(ids, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Reads the whole file through the checksumming file system when a checksum file is beside it. */
    private static void checksum(FileSystem fs, Path path, List<String> problems) throws IOException {
        Path crc = new Path(path.getParent(), "." + path.getName() + ".crc");
        if (!(fs instanceof org.apache.hadoop.fs.ChecksumFileSystem) || !fs.exists(crc)) {
            return;
        }
        byte[] buffer = new byte[1 << 16];
        try (FSDataInputStream in = fs.open(path)) {
            while (in.read(buffer) >= 0) {
                // reading is the check
            }
        } catch (ChecksumException e) {
            problems.add("does not match its checksum file " + crc.getName() + " (changed after it was written)");
        }
    }

    /** The first line of a message, trimmed. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }
}
