package io.symsweep.cli;

import io.symsweep.experiment.Experiments;
import io.symsweep.experiment.TwoStageExperiment;
import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.SweepSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code symsweep validate SPEC}: parse and check a spec without Spark; print its size. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Parse and check a spec (no Spark); print the number of configurations.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "the sweep spec")
    Path specFile;

    @Option(names = "--show", paramLabel = "N", defaultValue = "0",
            description = "also print the first N configurations (id and canonical form)")
    int show;

    @Override
    public Integer call() {
        OptionChecks.atLeast("--show", show, 0);
        SweepSpec sweep = Experiments.reader().read(specFile);
        List<Configuration> configurations = sweep.configurations();
        PrintWriter w = spec.commandLine().getOut();
        long merged = sweep.crossProductSize() - configurations.size();
        // A two-stage kind produces each artefact once for all the configurations that probe it; say how many.
        String minimaNote = "";
        if (Experiments.of(sweep) instanceof TwoStageExperiment<?> twoStage) {
            Set<String> artefacts = new HashSet<>();
            for (Configuration c : configurations) {
                twoStage.artefactsOf(c).forEach(a -> artefacts.add(a.id()));
            }
            minimaNote = " (" + artefacts.size() + " " + twoStage.artefactTable().name() + " to produce)";
        }
        w.printf("%s: valid %s spec, %d configurations%s%s%n", sweep.name(), sweep.kind().name(),
                configurations.size(), minimaNote, merged > 0 ? ", " + merged + " duplicate points merged" : "");
        for (int i = 0; i < Math.min(show, configurations.size()); i++) {
            w.printf("  %s %s%n", configurations.get(i).id(), configurations.get(i).canonicalForm());
        }
        w.flush();
        return 0;
    }
}
