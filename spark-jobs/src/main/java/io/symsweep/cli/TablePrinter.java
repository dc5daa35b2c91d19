package io.symsweep.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/** Prints query results as an aligned table, CSV (RFC 4180) or JSON lines. */
final class TablePrinter {

    /** Cells longer than this are shortened in the aligned table (CSV and JSON keep everything). */
    static final int MAX_CELL = 60;

    private TablePrinter() {
    }

    static void print(Dataset<Row> df, String format, int limit, PrintWriter out) {
        print(df, format, limit, out, "--limit N or --limit 0 for all");
    }

    /** Prints at most {@code limit} rows (0: all); a table cut short says so, with {@code moreHint}. */
    static void print(Dataset<Row> df, String format, int limit, PrintWriter out, String moreHint) {
        print(df, format, limit, out, moreHint, MAX_CELL);
    }

    /** As above, an aligned table's cells shortened to {@code maxCell} characters. */
    static void print(Dataset<Row> df, String format, int limit, PrintWriter out, String moreHint, int maxCell) {
        Dataset<Row> rows = limit > 0 ? df.limit(limit + 1) : df;
        switch (format) {
            case "json" -> {
                int n = 0;
                for (Iterator<String> it = (limit > 0 ? df.limit(limit) : df).toJSON().toLocalIterator(); it.hasNext(); n++) {
                    out.println(it.next());
                }
            }
            case "csv" -> {
                StructField[] fields = df.schema().fields();
                List<String> header = new ArrayList<>();
                for (StructField f : fields) {
                    header.add(csv(f.name()));
                }
                out.println(String.join(",", header));
                List<Row> collected = (limit > 0 ? df.limit(limit) : df).collectAsList();
                for (Row r : collected) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < fields.length; i++) {
                        cells.add(csv(cell(r, i, Integer.MAX_VALUE)));
                    }
                    out.println(String.join(",", cells));
                }
            }
            default -> table(df, rows.collectAsList(), limit, out, moreHint, maxCell);
        }
        out.flush();
    }

    private static void table(Dataset<Row> df, List<Row> rows, int limit, PrintWriter out, String moreHint, int maxCell) {
        StructField[] fields = df.schema().fields();
        boolean more = limit > 0 && rows.size() > limit;
        if (more) {
            rows = rows.subList(0, limit);
        }
        int[] width = new int[fields.length];
        boolean[] right = new boolean[fields.length];
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            width[i] = fields[i].name().length();
            right[i] = isNumeric(fields[i].dataType());
        }
        for (Row r : rows) {
            String[] c = new String[fields.length];
            for (int i = 0; i < fields.length; i++) {
                c[i] = cell(r, i, maxCell);
                width[i] = Math.max(width[i], c[i].length());
            }
            cells.add(c);
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            line.append(i == 0 ? "" : "  ").append(pad(fields[i].name(), width[i], right[i]));
        }
        out.println(line.toString().stripTrailing());
        line.setLength(0);
        for (int i = 0; i < fields.length; i++) {
            line.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        out.println(line);
        for (String[] c : cells) {
            line.setLength(0);
            for (int i = 0; i < c.length; i++) {
                line.append(i == 0 ? "" : "  ").append(pad(c[i], width[i], right[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println("(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s")
                + (more ? "; more rows not shown, " + moreHint : "") + ")");
    }

    private static boolean isNumeric(DataType t) {
        return t instanceof NumericType;
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(w - s.length());
        return right ? fill + s : s + fill;
    }

    /** A cell as text: NULL, numbers as Java prints them (shortest round-trip), arrays bracketed. */
    static String cell(Row r, int i, int max) {
        if (r.isNullAt(i)) {
            return "NULL";
        }
        Object v = r.get(i);
        String s = text(v);
        return s.length() > max ? s.substring(0, max - 4) + " ..." + (s.endsWith("]") ? "]" : "") : s;
    }

    private static String text(Object v) {
        if (v instanceof scala.collection.Iterable<?> seq) {
            StringBuilder b = new StringBuilder("[");
            scala.collection.Iterator<?> it = seq.iterator();
            boolean first = true;
            while (it.hasNext()) {
                b.append(first ? "" : ", ").append(text(it.next()));
                first = false;
            }
            return b.append(']').toString();
        }
        if (v instanceof Row row) {
            StringBuilder b = new StringBuilder("{");
            for (int i = 0; i < row.length(); i++) {
                b.append(i == 0 ? "" : ", ").append(row.isNullAt(i) ? "NULL" : text(row.get(i)));
            }
            return b.append('}').toString();
        }
        return String.valueOf(v);
    }

    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
