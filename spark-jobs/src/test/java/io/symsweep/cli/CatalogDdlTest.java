package io.symsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.spark.SparkTables;
import io.symsweep.spark.SparkTestSession;
import io.symsweep.table.MinimumRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code symsweep sql --ddl}: the statements it prints, run in a fresh session of a local Spark with its
 * embedded (in-memory) catalog, register the tables so that queries by name read the sweep's files, with
 * the declared column docs as comments.
 */
class CatalogDdlTest {

    @TempDir
    Path dir;

    @Test
    void theDdlRegistersTheTablesInACatalogAndQueriesReadTheSweepsFiles() throws Exception {
        Path results = SweepFixture.results();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SymsweepCommand.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute("sql", "--ddl", "--results", results.toString(), "--database", "ddl_check");
        assertEquals(0, code, err.toString());
        String script = out.toString();
        assertTrue(script.startsWith("-- symsweep "), script);
        List<String> statements = SqlText.scan(script).statements();
        assertEquals(4, statements.size(), script);  // the database, barriers, minima, runs
        assertTrue(statements.get(0).endsWith("\nCREATE DATABASE IF NOT EXISTS `ddl_check`"), statements.get(0));

        SparkSession fresh = SparkTestSession.get().newSession();
        // The database's own folder in the test's temporary folder (the DDL's CREATE DATABASE is then a no-op).
        fresh.sql("CREATE DATABASE IF NOT EXISTS ddl_check LOCATION '" + dir.resolve("ddl_check.db").toUri() + "'");
        try {
            for (String s : statements) {
                fresh.sql(s);
            }
            String barriers = results.resolve("barriers").toUri().toString();
            assertEquals(rows(fresh, "SELECT config_id, factor, barrier, losses FROM parquet.`" + barriers + "` ORDER BY config_id"),
                    rows(fresh, "SELECT config_id, factor, barrier, losses FROM ddl_check.barriers ORDER BY config_id"));
            // specs/cli.yaml: 3 seeds, 7 factors each.
            assertEquals(List.of("[0,7]", "[1,7]", "[2,7]"), rows(fresh, "SELECT m.seed, count(*) FROM ddl_check.barriers b "
                    + "JOIN ddl_check.minima m ON b.minimum_id = m.config_id GROUP BY m.seed ORDER BY m.seed"));
            // Catalog tables, not temporary views: every other session of the application sees them.
            assertEquals(3, SparkTestSession.get().newSession().table("ddl_check.minima").count());

            List<String> described = new ArrayList<>();
            for (Row r : fresh.sql("DESCRIBE TABLE ddl_check.minima").collectAsList()) {
                described.add(r.getString(0) + " " + r.getString(1) + " " + r.getString(2));
            }
            List<String> declared = new ArrayList<>();
            for (StructField f : SparkTables.schema(MinimumRow.TABLE).fields()) {
                declared.add(f.name() + " " + f.dataType().simpleString() + " " + f.getComment().get());
            }
            assertEquals(declared, described);

            Map<String, String> extended = new TreeMap<>();
            for (Row r : fresh.sql("DESCRIBE TABLE EXTENDED ddl_check.minima").collectAsList()) {
                extended.put(r.getString(0), r.getString(1));
            }
            assertEquals("EXTERNAL", extended.get("Type"));
            assertEquals("parquet", extended.get("Provider"));
            assertEquals(MinimumRow.TABLE.doc(), extended.get("Comment"));
            assertEquals(results.resolve("minima").toUri().toString().replaceAll("/$", ""),
                    extended.get("Location").replaceAll("/$", "").replace("file:/", "file:///"));
        } finally {
            fresh.sql("DROP DATABASE IF EXISTS ddl_check CASCADE");
        }
        try (var files = Files.list(results.resolve("minima"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet")),
                    "dropping the external tables leaves the sweep's files");
        }
    }

    @Test
    void literalsAndIdentifiersAreQuotedForSparksParser() {
        assertEquals("'it\\'s a \\\\ and\\na line'", CatalogDdl.literal("it's a \\ and\na line"));
        assertEquals("`a``b`", CatalogDdl.identifier("a`b"));
        SparkSession spark = SparkTestSession.get();
        assertEquals("it's a \\ and\na line", spark.sql("SELECT " + CatalogDdl.literal("it's a \\ and\na line")).first().getString(0));
    }

    private static List<String> rows(SparkSession spark, String sql) {
        return spark.sql(sql).collectAsList().stream().map(Row::toString).toList();
    }
}
