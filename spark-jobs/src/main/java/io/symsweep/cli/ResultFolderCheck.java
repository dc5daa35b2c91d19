package io.symsweep.cli;

import io.symsweep.experiment.Experiments;
import io.symsweep.spark.SparkTables;
import io.symsweep.sweep.ConfigIds;
import io.symsweep.sweep.ExperimentKind;
import io.symsweep.table.Table;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Reads every file of every table folder of a results folder, one at a time with Hadoop's file system and
 * Parquet's reader (no Spark session), so one damaged file cannot hide the others. Each file must be
 * Parquet (magic {@code PAR1} at both ends), carry the Spark schema of its table's declaration
 * ({@link SparkTables#schema}) in its footer, hold that table's {@code schema_version} in every row, and
 * match its checksum file when it has one; across a table's files no {@code config_id} may appear twice.
 * Files and folders whose names start with {@code .} or {@code _} are Spark's and Hadoop's (checksums,
 * {@code _SUCCESS}, an interrupted job's {@code _temporary}) and are not data.
 */
final class ResultFolderCheck {

    /** The footer key under which Spark stores a Parquet file's Spark schema (ParquetWriteSupport). */
    static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    /** One line of the report: a problem (counted) or a note. */
    record Finding(boolean problem, String line) {
    }

    /** The findings and the totals of what was read. */
    record Report(List<Finding> findings, List<String> tables, int files, long rows) {
        long problems() {
            return findings.stream().filter(Finding::problem).count();
        }
    }

    private final Map<String, List<Table<?>>> declared = new LinkedHashMap<>();
    private final Configuration conf;
    private final Configuration rawConf;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> tablesSeen = new TreeSet<>();
    private int files;
    private long rows;

    ResultFolderCheck(Configuration conf) {
        for (Table<?> t : Experiments.tables()) {
            declared.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
        }
        this.conf = conf;
        // Local files are read past Hadoop's checksums first, so that a truncated or replaced file is named as
        // such rather than as a checksum error; the checksums are verified separately.
        this.rawConf = new Configuration(conf);
        rawConf.set("fs.file.impl", org.apache.hadoop.fs.RawLocalFileSystem.class.getName());
        rawConf.setBoolean("fs.file.impl.disable.cache", true);
    }

    /** The names of every declared table. */
    Set<String> tableNames() {
        return declared.keySet();
    }

    /**
     * Checks {@code dir}: a sweep's folder (holding table folders), or a folder of sweeps. Throws
     * {@link UserException} when it is neither.
     */
    Report check(String dir) throws IOException {
        Path root = new Path(dir);
        FileSystem fs = root.getFileSystem(conf);
        FileStatus status;
        try {
            status = fs.getFileStatus(root);
        } catch (FileNotFoundException e) {
            throw new UserException("check: no such folder " + dir);
        }
        if (!status.isDirectory()) {
            throw new UserException("check: " + dir + " is a file, not a results folder");
        }
        if (holdsTables(fs, root)) {
            checkSweep(fs, root, dir);
        } else {
            boolean any = false;
            for (FileStatus s : list(fs, root)) {
                if (s.isDirectory() && !hidden(s.getPath().getName()) && holdsTables(fs, s.getPath())) {
                    checkSweep(fs, s.getPath(), join(dir, s.getPath().getName()));
                    any = true;
                }
            }
            if (!any) {
                throw new UserException("check: " + dir + " holds no tables (" + String.join(", ", tableNames())
                        + "); give a sweep's folder, such as results/quickstart, or a folder of them");
            }
        }
        return new Report(List.copyOf(findings), List.copyOf(tablesSeen), files, rows);
    }

    /** True when {@code dir} has a child named like a table; a folder that cannot be listed has none. */
    private boolean holdsTables(FileSystem fs, Path dir) {
        List<FileStatus> children;
        try {
            children = list(fs, dir);
        } catch (IOException e) {
            return false;
        }
        for (FileStatus s : children) {
            if (declared.containsKey(s.getPath().getName())) {
                return true;
            }
        }
        return false;
    }

    private void checkSweep(FileSystem fs, Path sweep, String shown) throws IOException {
        for (FileStatus s : list(fs, sweep)) {
            String name = s.getPath().getName();
            String at = join(shown, name);
            if (hidden(name)) {
                continue;
            }
            if (declared.containsKey(name)) {
                if (!s.isDirectory()) {
                    problem(at, "a file where the folder of table " + name + " belongs");
                } else {
                    checkTable(fs, s.getPath(), at, declared.get(name));
                }
            } else if (s.isDirectory()) {
                problem(at, "stray folder: not a table of symsweep (" + String.join(", ", tableNames()) + ")");
            }
        }
    }

    private void checkTable(FileSystem fs, Path dir, String shown, List<Table<?>> tables) throws IOException {
        tablesSeen.add(dir.getName());
        List<long[]> idsPerFile = new ArrayList<>();
        List<String> fileNames = new ArrayList<>();
        for (FileStatus s : list(fs, dir)) {
            String name = s.getPath().getName();
            String at = join(shown, name);
            if (name.equals("_temporary")) {
                note(at, "staging folder of an interrupted job; the next run of the sweep deletes it");
                continue;
            }
            if (hidden(name)) {
                continue;
            }
            if (s.isDirectory()) {
                problem(at, "stray folder inside table " + dir.getName() + " (a table folder holds Parquet files)");
                continue;
            }
            files++;
            long[] ids = checkFile(fs, s, at, tables);
            if (ids != null) {
                idsPerFile.add(ids);
                fileNames.add(name);
            }
        }
        duplicates(shown, idsPerFile, fileNames);
    }

    /** The file's config ids (sorted), or null when it could not be read as a table file. */
    private long[] checkFile(FileSystem fs, FileStatus s, String at, List<Table<?>> tables) {
        Path path = s.getPath();
        long length = s.getLen();
        if (length == 0) {
            problem(at, "empty file (0 bytes), not Parquet");
            return null;
        }
        try {
            FileSystem raw = path.getFileSystem(rawConf);
            byte[] head = new byte[4];
            byte[] tail = new byte[4];
            try (FSDataInputStream in = raw.open(path)) {
                int n = in.read(head, 0, (int) Math.min(4, length));
                if (n < 4 || !Arrays.equals(head, MAGIC)) {
                    problem(at, "not a Parquet file (" + length + " bytes; it does not start with PAR1)");
                    return null;
                }
                if (length < 12) {
                    problem(at, "truncated Parquet file (" + length + " bytes; no footer)");
                    return null;
                }
                in.readFully(length - 4, tail);
                if (!Arrays.equals(tail, MAGIC)) {
                    problem(at, "truncated Parquet file (" + length + " bytes; it does not end with PAR1, so its "
                            + "footer is missing)");
                    return null;
                }
            }
            ParquetMetadata footer;
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, rawConf))) {
                footer = reader.getFooter();
            } catch (IOException | RuntimeException e) {
                problem(at, "damaged Parquet footer (" + Failures.firstLine(e.getMessage()) + ")");
                return null;
            }
            Table<?> table = schemaCheck(at, footer, tables);
            if (table == null) {
                return null;
            }
            long[] ids = readIds(path, at, footer.getFileMetaData().getSchema(), table);
            if (ids != null) {
                checksum(fs, path, at);
            }
            return ids;
        } catch (IOException e) {
            problem(at, "cannot read (" + Failures.firstLine(e.getMessage()) + ")");
            return null;
        }
    }

    /** The declared table the footer's Spark schema matches, or null (a problem recorded). */
    private Table<?> schemaCheck(String at, ParquetMetadata footer, List<Table<?>> tables) {
        String json = footer.getFileMetaData().getKeyValueMetaData().get(SPARK_SCHEMA_KEY);
        if (json == null) {
            problem(at, "foreign Parquet file: not written by Spark (its footer has no Spark schema)");
            return null;
        }
        StructType found;
        try {
            found = (StructType) DataType.fromJson(json);
        } catch (RuntimeException e) {
            problem(at, "foreign Parquet file: its Spark schema does not parse");
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
        problem(at, "schema differs from table " + t.name() + " (schema version " + t.schemaVersion() + "): "
                + firstDifference);
        return null;
    }

    /** Null when the column names and types agree (nullability and comments aside), else what differs. */
    static String difference(StructType declared, StructType found) {
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

    /** Reads {@code config_id} and {@code schema_version} of every row; sorted ids, or null (a problem recorded). */
    private long[] readIds(Path path, String at, MessageType schema, Table<?> table) {
        String key = table.keyColumn();
        // Result tables are keyed by config ids (16 hex digits, read as longs); runs by UUIDs, hashed to longs.
        boolean configIds = key.equals("config_id");
        Type idType = schema.getType(key);
        Type versionType = schema.getType("schema_version");
        Configuration c = new Configuration(rawConf);
        c.set(ReadSupport.PARQUET_READ_SCHEMA, new MessageType(schema.getName(), idType, versionType).toString());
        long[] ids = new long[1024];
        int n = 0;
        long read = 0;
        Set<Integer> versions = new TreeSet<>();
        String badId = null;
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), path).withConf(c).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                read++;
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
            problem(at, "damaged Parquet data (" + Failures.firstLine(e.getMessage()) + ")");
            return null;
        }
        rows += read;
        if (badId != null) {
            problem(at, configIds ? "a config_id that is not " + ConfigIds.ID_HEX_DIGITS + " hex digits: '" + badId + "'"
                    : "a row without its " + key);
        }
        versions.removeAll(table.readableVersions());
        if (!versions.isEmpty()) {
            problem(at, "written with schema version " + versions + " of table " + table.name() + "; this symsweep "
                    + "writes version " + table.schemaVersion() + " (rerun with --fresh, or choose another --out)");
        }
        long[] sorted = Arrays.copyOf(ids, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Reads the whole file through the checksumming file system when a checksum file is beside it. */
    private void checksum(FileSystem fs, Path path, String at) throws IOException {
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
            problem(at, "does not match its checksum file " + crc.getName() + " (changed after it was written)");
        }
    }

    /** One problem line per table whose files hold a config id more than once. */
    private void duplicates(String shown, List<long[]> idsPerFile, List<String> fileNames) {
        int total = 0;
        for (long[] ids : idsPerFile) {
            total += ids.length;
        }
        long[] all = new long[total];
        int k = 0;
        for (long[] ids : idsPerFile) {
            System.arraycopy(ids, 0, all, k, ids.length);
            k += ids.length;
        }
        Arrays.sort(all);
        long duplicated = 0;
        long extra = 0;
        Long example = null;
        for (int i = 0, j; i < all.length; i = j) {
            for (j = i + 1; j < all.length && all[j] == all[i]; j++) {
                // the run of equal ids from i to j - 1
            }
            if (j - i > 1) {
                duplicated++;
                extra += j - i - 1;
                example = example == null ? all[i] : example;
            }
        }
        if (example == null) {
            return;
        }
        List<String> holders = new ArrayList<>();
        for (int f = 0; f < idsPerFile.size(); f++) {
            long[] ids = idsPerFile.get(f);
            int at = Arrays.binarySearch(ids, example);
            if (at >= 0) {
                int count = 1;
                for (int j = at + 1; j < ids.length && ids[j] == example; j++) {
                    count++;
                }
                for (int j = at - 1; j >= 0 && ids[j] == example; j--) {
                    count++;
                }
                holders.add(fileNames.get(f) + (count > 1 ? " (" + count + " times)" : ""));
            }
        }
        String id = String.format("%016x", example);
        problem(shown, duplicated + " config_id" + (duplicated > 1 ? "s appear" : " appears") + " more than once ("
                + extra + " extra row" + (extra > 1 ? "s" : "") + "), e.g. " + id + " in " + String.join(" and ",
                holders));
    }

    private void problem(String at, String what) {
        findings.add(new Finding(true, at + ": " + what));
    }

    private void note(String at, String what) {
        findings.add(new Finding(false, "note: " + at + ": " + what));
    }

    private static boolean hidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    private static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** The entries of {@code dir} by name; none when it vanished meanwhile. */
    private static List<FileStatus> list(FileSystem fs, Path dir) throws IOException {
        FileStatus[] s;
        try {
            s = fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return List.of();
        }
        Arrays.sort(s, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
        return Arrays.asList(s);
    }
}
