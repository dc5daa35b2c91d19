package io.symsweep.cli;

import io.symsweep.report.Claim;
import io.symsweep.report.ClaimResult;
import io.symsweep.reproduce.AlignmentClaims;
import io.symsweep.reproduce.PaperClaims;
import io.symsweep.reproduce.PaperSpecs;
import io.symsweep.reproduce.ReproduceException;
import io.symsweep.reproduce.Reproduction;
import io.symsweep.spark.Sessions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code symsweep reproduce}: every paper spec at a scale, then the claims report and the figures. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduce the first paper (Zhao, Dehmamy, Walters, Yu, ICML 2025): run every paper spec at "
                + "the chosen scale into DIR/<spec> (resuming what is there), then write DIR/report/: claims.md, "
                + "claims.json, a self-contained index.html and one PNG per figure.",
                "Exit status 1 when a claim fails (named on stderr)."})
final class ReproduceCommand extends Subcommand {

    @Option(names = "--scale", paramLabel = "SCALE", defaultValue = "paper",
            description = "quick (CI, minutes), paper (the paper's sizes) or large (well past them, for a cluster); "
                    + "default: ${DEFAULT-VALUE}")
    String scale;

    @Option(names = "--scale-file", paramLabel = "FILE",
            description = "a scale overlay of your own instead of --scale (as paper/scales/quick.yaml)")
    Path scaleFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/reproduce-<scale>)")
    Path out;

    @Mixin
    MasterOption master;

    @Option(names = "--only", paramLabel = "CLAIM", split = ",",
            description = "only these claims (ids or groups: cor4.2, cor4.2-independent, prop4.3, prop5.2, prop5.3, "
                    + "prop5.4, prop5.5, prop5.6, prop6.1, fig3bc, thm6.2, align-linear, align-rescaled, align-digits) "
                    + "and the specs they need")
    List<String> only = new ArrayList<>();

    @Option(names = "--specs", paramLabel = "DIR",
            description = "the folder of paper specs (default: paper/ of the working directory or of the checkout "
                    + "the jar was built in)")
    Path specs;

    @Override
    public Integer call() {
        PrintWriter w = out();
        Reproduction.Outcome outcome;
        String masterUrl = master.checked();
        try {
            PaperSpecs paper = PaperSpecs.at(specsDir(), scale, scaleFile);
            Path dir = out != null ? out : Path.of("results", "reproduce-" + paper.scale());
            List<Claim> claims = new ArrayList<>(PaperClaims.all(paper));
            claims.addAll(AlignmentClaims.all());
            Reproduction.Plan plan = Reproduction.plan(paper, claims, only, dir);
            try (Sessions.Lease lease = SessionStart.announced(err(),
                    "symsweep reproduce " + paper.scale(), masterUrl, Map.of())) {
                outcome = Reproduction.run(lease.session(), plan, w);
            }
        } catch (ReproduceException e) {
            throw new UserException(e.getMessage());
        }
        List<ClaimResult> failed = outcome.failed();
        if (!failed.isEmpty()) {
            PrintWriter err = err();
            err.println("symsweep: " + failed.size() + " claim" + (failed.size() == 1 ? "" : "s") + " failed: "
                    + String.join(", ", failed.stream().map(r -> r.claim().id()).toList()) + " (see "
                    + outcome.report().resolve("claims.md") + ")");
            err.flush();
        }
        return outcome.exitCode();
    }

    private Path specsDir() {
        if (specs != null) {
            return specs;
        }
        Path here = Path.of("paper");
        if (Files.isRegularFile(here.resolve("figure4.yaml"))) {
            return here;
        }
        try {
            // The jar is spark-jobs/target/symsweep.jar of a checkout: its paper/ is three levels up.
            Path jar = Path.of(ReproduceCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path checkout = jar.getParent() == null ? null : jar.getParent().getParent();
            checkout = checkout == null ? null : checkout.getParent();
            if (checkout != null && Files.isRegularFile(checkout.resolve("paper").resolve("figure4.yaml"))) {
                return checkout.resolve("paper");
            }
        } catch (java.net.URISyntaxException | SecurityException e) {
            // fall through to the message below
        }
        throw new UserException("--specs: no paper/ folder here or beside the jar; give --specs DIR");
    }
}
