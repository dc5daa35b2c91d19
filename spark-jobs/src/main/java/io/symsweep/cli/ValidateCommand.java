package io.symsweep.cli;

import io.symsweep.experiment.Experiments;
import io.symsweep.experiment.TwoStageExperiment;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ConfigurationSpace;
import io.symsweep.sweep.SweepSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code symsweep validate SPEC}: parse and check a spec without Spark; print its size. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Parse and check a spec (no Spark); print the number of configurations.")
final class ValidateCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "the sweep spec")
    Path specFile;

    @Option(names = "--show", paramLabel = "N", defaultValue = "0",
            description = "also print the first N configurations (id and canonical form)")
    int show;

    @Override
    public Integer call() {
        OptionChecks.atLeast("--show", show, 0);
        SweepSpec sweep = Experiments.reader().read(specFile);
        ConfigurationSpace space = sweep.space();
        long validated = space.check();
        OptionalLong count = space.count();
        PrintWriter w = out();
        // A two-stage kind produces each artefact once for all the configurations that probe it; say how many.
        String artefactNote = "";
        if (Experiments.of(sweep) instanceof TwoStageExperiment<?> twoStage) {
            OptionalLong artefacts = twoStage.artefactProjection().map(p -> space.projection(p).count())
                    .orElse(OptionalLong.empty());
            if (artefacts.isPresent()) {
                artefactNote = " (" + artefacts.getAsLong() + " " + twoStage.artefactTable().name() + " to produce)";
            }
        }
        if (count.isPresent()) {
            long merged = sweep.crossProductSize() - count.getAsLong();
            w.printf("%s: valid %s spec, %d configurations%s%s%n", sweep.name(), sweep.kind().name(),
                    count.getAsLong(), artefactNote, merged > 0 ? ", " + merged + " duplicate points merged" : "");
        } else {
            w.printf("%s: valid %s spec, %d points%s (the kind does not declare what its normalisation reads: points "
                    + "that normalise alike are merged when the sweep runs)%n", sweep.name(), sweep.kind().name(),
                    space.size(), artefactNote);
        }
        if (!space.checkedHere()) {
            w.printf("  cross-field rules checked here on %d configurations; the sweep checks every configuration "
                    + "when it runs, before it computes anything%n", validated);
        }
        for (Configuration c : space.first(show)) {
            w.printf("  %s %s%n", c.id(), c.canonicalForm());
        }
        w.flush();
        return 0;
    }
}
