package io.symsweep.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Writes a report folder: {@code claims.md}, {@code claims.json} (the same rows for programs),
 * {@code index.html} (claims and figures, each PNG embedded as base64: one file, no external asset) and one
 * PNG per figure.
 */
public final class ReportWriter {

    private final String heading;
    private final String resultsRoot;
    private final List<ClaimResult> claims;
    private final List<Figure> figures;
    private final String notes;

    /**
     * @param heading     the report's title line (what was run, at which scale)
     * @param resultsRoot the folder holding one results folder per spec, as the SQL commands should name it
     * @param notes       a paragraph of context (timings, scale), plain text
     */
    public ReportWriter(String heading, String resultsRoot, List<ClaimResult> claims, List<Figure> figures,
            String notes) {
        this.heading = heading;
        this.resultsRoot = resultsRoot;
        this.claims = List.copyOf(claims);
        this.figures = List.copyOf(figures);
        this.notes = notes == null ? "" : notes;
    }

    /** Writes the four kinds of file into {@code dir} (created if missing). */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Figure f : figures) {
                Files.write(dir.resolve(f.name() + ".png"), f.png());
            }
            Files.writeString(dir.resolve("claims.md"), markdown());
            Files.writeString(dir.resolve("claims.json"), json());
            Files.writeString(dir.resolve("index.html"), html());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir, e);
        }
    }

    /** {@code claims.md}: the table, then each claim's statement, tolerance and the command that reruns it. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(heading).append("\n\n");
        if (!notes.isEmpty()) {
            b.append(notes).append("\n\n");
        }
        b.append("| claim | status | predicted | measured | cases | spec |\n|---|---|---|---|---|---|\n");
        for (ClaimResult r : claims) {
            b.append("| ").append(cell(r.claim().title())).append(" | **").append(r.status()).append("**")
                    .append(r.note().isEmpty() ? "" : " (" + cell(r.note()) + ")").append(" | ")
                    .append(cell(r.predicted())).append(" | ").append(cell(r.measured())).append(" | ")
                    .append(r.cases()).append(" | ").append(r.claim().spec()).append(" |\n");
        }
        b.append('\n');
        for (ClaimResult r : claims) {
            Claim c = r.claim();
            b.append("## ").append(c.title()).append(" — ").append(r.status()).append("\n\n");
            b.append("- id: `").append(c.id()).append("`\n");
            b.append("- statement: ").append(c.statement()).append('\n');
            b.append("- prediction: ").append(c.prediction()).append('\n');
            b.append("- tolerance: ").append(c.tolerance()).append('\n');
            b.append("- predicted: ").append(r.predicted()).append("; measured: ").append(r.measured())
                    .append("; cases: ").append(r.cases()).append('\n');
            if (!r.note().isEmpty()) {
                b.append("- note: ").append(r.note()).append('\n');
            }
            b.append("\n```bash\n").append(c.command(resultsRoot)).append("\n```\n\n");
        }
        if (!figures.isEmpty()) {
            b.append("## Figures\n\n");
            for (Figure f : figures) {
                b.append("### ").append(f.title()).append("\n\n").append(f.caption()).append("\n\n![")
                        .append(f.title()).append("](").append(f.name()).append(".png)\n\n");
            }
        }
        return b.toString();
    }

    /** {@code claims.json}: one object per claim. */
    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode rows = mapper.createArrayNode();
        for (ClaimResult r : claims) {
            Claim c = r.claim();
            ObjectNode o = rows.addObject();
            o.put("claim", c.id());
            o.put("group", c.group());
            o.put("title", c.title());
            o.put("status", r.status().name());
            o.put("predicted", r.predicted());
            o.put("measured", r.measured());
            o.put("cases", r.cases());
            o.put("statement", c.statement());
            o.put("prediction", c.prediction());
            o.put("tolerance", c.tolerance());
            o.put("spec", c.spec());
            o.put("results", resultsRoot + "/" + c.spec());
            o.put("sql", c.sql());
            o.put("note", r.note());
        }
        try {
            return mapper.writeValueAsString(rows) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code index.html}: self-contained (inline style, figures as data URIs). */
    public String html() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(heading))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;"
                        + "color:#222}table{border-collapse:collapse;width:100%;font-size:14px}"
                        + "td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}"
                        + "th{background:#f3f3f3}td:nth-child(2){width:7em}td:nth-child(7){width:4em}.PASS{background:#d9f2d9;font-weight:bold}"
                        + ".FAIL{background:#f8d0d0;font-weight:bold}.NOT_MEASURED{background:#eee;font-weight:bold}"
                        + "pre{background:#f7f7f7;padding:6px;white-space:pre-wrap;font-size:12px}"
                        + "details{margin:.3em 0}img{max-width:100%;border:1px solid #ddd}"
                        + "figure{margin:1.5em 0}figcaption{font-size:14px;color:#444}</style></head><body>\n");
        b.append("<h1>").append(esc(heading)).append("</h1>\n");
        if (!notes.isEmpty()) {
            b.append("<p>").append(esc(notes)).append("</p>\n");
        }
        long passed = claims.stream().filter(r -> r.status() == ClaimStatus.PASS).count();
        long failed = claims.stream().filter(r -> r.status() == ClaimStatus.FAIL).count();
        b.append("<p>").append(passed).append(" passed, ").append(failed).append(" failed, ")
                .append(claims.size() - passed - failed).append(" not measured.</p>\n");
        b.append("<table><tr><th>claim</th><th>status</th><th>statement</th><th>predicted</th><th>measured</th>"
                + "<th>tolerance</th><th>cases</th><th>SQL</th></tr>\n");
        for (ClaimResult r : claims) {
            Claim c = r.claim();
            b.append("<tr><td>").append(esc(c.title())).append("<br><code>").append(esc(c.id()))
                    .append("</code></td><td class=\"").append(r.status()).append("\">").append(r.status())
                    .append(r.note().isEmpty() ? "" : "<br><small>" + esc(r.note()) + "</small>").append("</td><td>")
                    .append(esc(c.statement())).append("<br><small>prediction: ").append(esc(c.prediction()))
                    .append("</small></td><td>").append(esc(r.predicted())).append("</td><td>")
                    .append(esc(r.measured())).append("</td><td><small>").append(esc(c.tolerance()))
                    .append("</small></td><td>").append(r.cases()).append("</td><td><details><summary>")
                    .append(esc(c.spec())).append("</summary><pre>").append(esc(c.command(resultsRoot)))
                    .append("</pre></details></td></tr>\n");
        }
        b.append("</table>\n");
        for (Figure f : figures) {
            b.append("<figure id=\"").append(f.name()).append("\"><h2>").append(esc(f.title()))
                    .append("</h2><img alt=\"").append(esc(f.title())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(f.png())).append("\"><figcaption>")
                    .append(esc(f.caption())).append("</figcaption></figure>\n");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
