package io.symsweep.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.BiFunction;
import picocli.CommandLine;

/** What one in-process {@code symsweep} invocation returned and printed: the tests' way to run the command line. */
record CommandResult(int code, String out, String err) {

    /** {@code symsweep args} in-process, the debug switch read from the environment as {@code main} reads it. */
    static CommandResult symsweep(String... args) {
        return capture(SymsweepCommand::commandLine, args);
    }

    /** {@code symsweep args} in-process, with {@code debugByEnvironment} in place of the environment's switch. */
    static CommandResult symsweep(boolean debugByEnvironment, String... args) {
        return capture((out, err) -> SymsweepCommand.commandLine(out, err, debugByEnvironment), args);
    }

    private static CommandResult capture(BiFunction<PrintWriter, PrintWriter, CommandLine> commandLine,
            String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = commandLine.apply(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new CommandResult(code, out.toString(), err.toString());
    }
}
