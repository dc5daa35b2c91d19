package io.symsweep.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A subcommand of {@code symsweep}: it prints through picocli's writers (so tests and the shell can capture them). */
abstract class Subcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Standard output of this invocation. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error of this invocation. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
