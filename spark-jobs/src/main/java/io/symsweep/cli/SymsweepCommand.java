package io.symsweep.cli;

import io.symsweep.BuildInfo;
import io.symsweep.sweep.SpecException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code symsweep}: the entry point of the launcher and of spark-submit. */
@Command(name = "symsweep", mixinStandardHelpOptions = true, versionProvider = SymsweepCommand.Version.class,
        description = "Distributed sweeps over the loss landscape of neural networks through parameter-space symmetry.",
        subcommands = {RunCommand.class, ValidateCommand.class, SqlCommand.class, BenchCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class SymsweepCommand implements Runnable {

    /** Exit status of a user error (bad spec, bad option): one line on stderr, no stack trace. */
    public static final int USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: run, validate, sql or bench");
    }

    /** The configured command line; exit codes: 0 ok, 1 failure, 2 user error. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SymsweepCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof SpecException || ex instanceof UserException) {
                commandLine.getErr().println("symsweep: " + ex.getMessage());
                commandLine.getErr().flush();
                return USER_ERROR;
            }
            throw ex;
        });
        return cl;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** {@code symsweep --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"symsweep " + BuildInfo.version()};
        }
    }
}
