package io.symsweep.reproduce;

import io.symsweep.report.Claim;
import io.symsweep.report.ClaimResult;
import io.symsweep.report.ClaimStatus;
import io.symsweep.report.Figure;
import io.symsweep.report.ReportWriter;
import io.symsweep.sweep.SweepSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * A reproduction: the specs the chosen claims need, each run into {@code OUT/<spec>} (resuming), then the
 * claims evaluated and the figures drawn into {@code OUT/report/}. Every input is checked ({@link #plan}) before
 * any Spark job starts.
 */
public final class Reproduction {

    /** What to reproduce: the specs at a scale, the claims (all, or those {@code --only} chose), where to write. */
    public record Plan(PaperSpecs specs, List<Claim> claims, Map<String, SweepSpec> sweeps, Path out) {
    }

    /** The outcome: every claim's verdict, the figures, and the exit status (1 when a claim failed). */
    public record Outcome(List<ClaimResult> results, List<Figure> figures, Path report) {
        public List<ClaimResult> failed() {
            return results.stream().filter(r -> r.status() == ClaimStatus.FAIL).toList();
        }

        public int exitCode() {
            return failed().isEmpty() ? 0 : 1;
        }
    }

    private Reproduction() {
    }

    /**
     * Checks everything a run needs, without Spark: the specs parse at this scale, {@code only} names claims or
     * groups, and {@code out} holds no results of another scale (its {@code specs/<name>.yaml}, written by an
     * earlier run, must equal this one's).
     */
    public static Plan plan(PaperSpecs specs, List<Claim> claims, List<String> only, Path out) {
        List<Claim> chosen = claims;
        if (only != null && !only.isEmpty()) {
            Set<String> known = new LinkedHashSet<>();
            claims.forEach(c -> known.add(c.group()));
            chosen = new ArrayList<>();
            for (String o : only) {
                List<Claim> match = claims.stream().filter(c -> c.id().equals(o) || c.group().equals(o)).toList();
                if (match.isEmpty()) {
                    throw new ReproduceException("--only: no claim " + o + "; claims: " + String.join(", ", known)
                            + " (or one id such as " + claims.get(0).id() + ")");
                }
                chosen.addAll(match);
            }
            chosen = List.copyOf(new LinkedHashSet<>(chosen));
        }
        Map<String, SweepSpec> sweeps = new LinkedHashMap<>();
        Set<String> needed = new LinkedHashSet<>();
        chosen.forEach(c -> needed.add(c.spec()));
        for (String name : PaperSpecs.ordered(needed)) {
            SweepSpec s = specs.spec(name);
            Path written = out.resolve("specs").resolve(name + ".yaml");
            if (Files.isRegularFile(written)) {
                String before;
                try {
                    before = Files.readString(written, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (!before.equals(specs.text(name))) {
                    throw new ReproduceException("--out: " + out.resolve(name) + " holds the results of another "
                            + "spec or scale (" + written + " differs from " + name + " at scale " + specs.scale()
                            + "); choose another --out");
                }
            }
            sweeps.put(name, s);
        }
        return new Plan(specs, chosen, sweeps, out);
    }

    /** Runs the plan's specs, evaluates its claims and writes the report. */
    public static Outcome run(SparkSession spark, Plan plan, PrintWriter log) {
        long start = System.nanoTime();
        SweepRunner runner = new SweepRunner(spark);
        List<String> timings = new ArrayList<>();
        for (Map.Entry<String, SweepSpec> e : plan.sweeps().entrySet()) {
            String name = e.getKey();
            writeSpec(plan, name);
            SweepRunner.SpecRun run = runner.run(e.getValue(), plan.out().resolve(name).toString());
            log.printf(Locale.ROOT, "%s: %d configurations, %d rows computed now, %.1f s%n", name,
                    run.configurations(), run.computed(), run.seconds());
            run.tables().forEach(t -> log.println("  " + t));
            log.flush();
            timings.add(String.format(Locale.ROOT, "%s %.0f s", name, run.seconds()));
        }
        ResultTables tables = new ResultTables(spark, plan.out().toString());
        List<ClaimResult> results = new ArrayList<>();
        for (Claim c : plan.claims()) {
            results.add(evaluate(tables, c));
        }
        List<Figure> figures = new ArrayList<>();
        List<Drawing> drawings = new ArrayList<>(new PaperFigures(tables).drawings());
        drawings.addAll(new AlignmentFigures(tables).drawings());
        for (Drawing d : drawings) {
            if (plan.sweeps().containsKey(d.spec())) {
                try {
                    figures.add(d.draw().get());
                } catch (Exception ex) {
                    log.println("symsweep: figure " + d.name() + " not drawn: " + firstLine(ex));
                }
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        Path report = plan.out().resolve("report");
        String notes = String.format(Locale.ROOT, "Scale %s; results under %s; specs run: %s; total %.0f s "
                + "(spec times include resuming: rows already there are not recomputed).", plan.specs().scale(),
                plan.out(), String.join(", ", timings), seconds);
        new ReportWriter("symsweep reproduce: Zhao, Dehmamy, Walters, Yu (ICML 2025) and the alignment experiments, "
                + "scale " + plan.specs().scale(), plan.out().toString(), results, figures, notes).write(report);
        for (ClaimResult r : results) {
            log.printf(Locale.ROOT, "%-13s %-22s predicted %s; measured %s; %d cases%s%n", r.status(), r.claim().id(),
                    r.predicted(), r.measured(), r.cases(), r.note().isEmpty() ? "" : " (" + r.note() + ")");
        }
        log.printf(Locale.ROOT, "report: %s (claims.md, claims.json, index.html, %d figures)   time: %.1f s%n",
                report, figures.size(), seconds);
        log.flush();
        return new Outcome(results, figures, report);
    }

    /**
     * One claim's verdict: NOT_MEASURED when the column it awaits is absent or null in every row (the rows were
     * written before it existed, or its measurement was turned off), FAIL when its query fails.
     */
    static ClaimResult evaluate(ResultTables tables, Claim c) {
        if (c.awaitsColumn() != null) {
            String[] tc = c.awaitsColumn().split("\\.");
            if (!tables.hasValues(c.spec(), tc[0], tc[1])) {
                return ClaimResult.notMeasured(c, "no row of table " + tc[0] + " of " + c.spec() + " has a value in "
                        + "column " + tc[1]);
            }
        }
        List<Map<String, Object>> rows;
        try {
            rows = tables.query(c.spec(), c.sql());
        } catch (Exception ex) {
            // Spark's AnalysisException is checked in Java's eyes but thrown undeclared.
            return ClaimResult.failed(c, "the query failed: " + firstLine(ex));
        }
        if (rows.size() != 1) {
            return ClaimResult.failed(c, "the query returned " + rows.size() + " rows, expected 1");
        }
        return ClaimResult.of(c, rows.get(0));
    }

    private static void writeSpec(Plan plan, String name) {
        Path file = plan.out().resolve("specs").resolve(name + ".yaml");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, plan.specs().text(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
