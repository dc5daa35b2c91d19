package io.symsweep.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's column tables are generated from the row records' {@link ColumnDoc}s, so a column's doc has one source:
 * each table's block between {@code <!-- columns: NAME -->} and {@code <!-- /columns -->} must be what
 * {@link #markdown} renders. To regenerate them: {@code mvn -pl common test -Dtest=ReadmeTablesTest
 * -Dsymsweep.updateReadme=true}.
 */
class ReadmeTablesTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern BLOCK = Pattern.compile("<!-- columns: ([a-z_]+) -->\\n(.*?)<!-- /columns -->",
            Pattern.DOTALL);
    private static final List<String> PROVENANCE = List.of("config_id", "sweep", "seed", "config", "code_version",
            "schema_version");

    /** The markdown of {@code table}'s columns: its own, then one line for the provenance columns. */
    static String markdown(Table<?> table) {
        StringBuilder b = new StringBuilder("| column | type | meaning |\n|---|---|---|\n");
        boolean result = table.column(table.keyColumn()).name().equals("config_id");
        for (Column<?> c : table.columns()) {
            if (result && PROVENANCE.contains(c.name())) {
                continue;
            }
            b.append("| `").append(c.name()).append("` | ").append(type(c)).append(" | ")
                    .append(c.doc().replace("|", "\\|")).append(" |\n");
        }
        b.append(result ? "| `config_id`, `sweep`, `seed`, `config`, `code_version`, `schema_version` | | provenance "
                + "(see above) |\n" : "| `schema_version` | int | version of this table's schema |\n");
        return b.toString();
    }

    private static String type(Column<?> c) {
        String t = switch (c.type()) {
            case STRING -> c.allowedValues().isEmpty() ? "string" : "status";
            case INT -> "int";
            case LONG -> "long";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            case DOUBLE_ARRAY -> "array<double>";
            case DOUBLE_MATRIX -> "array<array<double>>";
            case INT_ARRAY -> "array<int>";
            case TIMESTAMP -> "timestamp";
            case LONG_MAP -> "map<string,long>";
        };
        return c.nullable() ? t + ", null" : t;
    }

    @Test
    void theReadmeColumnTablesAreTheDeclarations() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        List<Table<?>> tables = TableContractTest.tables().toList();
        StringBuilder updated = new StringBuilder();
        Matcher m = BLOCK.matcher(readme);
        int found = 0;
        int end = 0;
        while (m.find()) {
            Table<?> t = tables.stream().filter(x -> x.name().equals(m.group(1))).findFirst()
                    .orElseThrow(() -> new AssertionError("README documents an unknown table " + m.group(1)));
            updated.append(readme, end, m.start(2)).append(markdown(t));
            end = m.end(2);
            found++;
        }
        updated.append(readme.substring(end));
        if (Boolean.getBoolean("symsweep.updateReadme")) {
            Files.writeString(README, updated.toString(), StandardCharsets.UTF_8);
        }
        assertEquals(tables.size(), found, "every table has one generated block in the README");
        assertEquals(updated.toString(), readme, "the README's column tables differ from the declarations; "
                + "regenerate them with -Dsymsweep.updateReadme=true");
    }
}
