package io.symsweep.cli;

import io.symsweep.experiment.Experiments;
import io.symsweep.experiment.IndependentExperiment;
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
        Set<String> minima = new HashSet<>();
        for (Configuration c : configurations) {
            minima.add(c.project(k -> !sweep.kind().isProbeKey(k)).id());
        }
        PrintWriter w = spec.commandLine().getOut();
        long merged = sweep.crossProductSize() - configurations.size();
        // A two-stage kind trains each minimum once for all its probe settings; say how many.
        String minimaNote = sweep.kind() instanceof IndependentExperiment ? ""
                : " (" + minima.size() + " minima to train)";
        w.printf("%s: valid %s spec, %d configurations%s%s%n", sweep.name(), sweep.kind().name(),
                configurations.size(), minimaNote, merged > 0 ? ", " + merged + " duplicate points merged" : "");
        for (int i = 0; i < Math.min(show, configurations.size()); i++) {
            w.printf("  %s %s%n", configurations.get(i).id(), configurations.get(i).canonicalForm());
        }
        w.flush();
        return 0;
    }
}
