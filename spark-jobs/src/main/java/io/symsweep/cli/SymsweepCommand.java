package io.symsweep.cli;

import io.symsweep.BuildInfo;
import io.symsweep.sweep.Suggestions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code symsweep}: the entry point of the launcher and of spark-submit. Every failure is one line on stderr,
 * {@code symsweep: <what is wrong>}, and an exit status saying who can fix it ({@link Failures}): 2 for the
 * user's input, 3 for the environment, 70 for a defect of symsweep; {@code check} exits 1 when it found
 * problems. A command-line mistake adds {@code see `symsweep run --help`} to its line instead of the usage.
 * {@code --debug} (any position) or {@code SYMSWEEP_DEBUG=1} prints the stack trace after the line.
 */
@Command(name = "symsweep", mixinStandardHelpOptions = true, versionProvider = SymsweepCommand.Version.class,
        description = "Distributed sweeps over the loss landscape of neural networks through parameter-space symmetry.",
        subcommands = {RunCommand.class, ValidateCommand.class, SqlCommand.class, BenchCommand.class,
                ServeCommand.class, CheckCommand.class, ReproduceCommand.class, CommandLine.HelpCommand.class})
public final class SymsweepCommand implements Runnable {

    /** Exit status of a user error (bad spec, bad option): one line on stderr, no stack trace. */
    public static final int USER_ERROR = 2;

    /** The environment variable that, set to anything but {@code 0} or {@code false}, acts as {@code --debug}. */
    public static final String DEBUG_VARIABLE = "SYMSWEEP_DEBUG";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "on failure, print the stack trace after the one-line message (or set SYMSWEEP_DEBUG=1)")
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: run, validate, sql, bench or check");
    }

    /** The configured command line, with {@code SYMSWEEP_DEBUG} read from the environment. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, debugVariable(System.getenv(DEBUG_VARIABLE)));
    }

    /** The configured command line; {@code debugByEnvironment} acts as {@code --debug}. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean debugByEnvironment) {
        SymsweepCommand root = new SymsweepCommand();
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine at = ex.getCommandLine();
            at.getErr().println("symsweep: " + usageMistake(ex) + "; see `" + at.getCommandSpec().qualifiedName()
                    + " --help`");
            at.getErr().flush();
            return USER_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Failures.Failure f = Failures.classify(ex);
            PrintWriter e = commandLine.getErr();
            if (f.message() != null) {
                e.println("symsweep: " + f.message());
            }
            if (root.debug || debugByEnvironment) {
                ex.printStackTrace(e);
            }
            e.flush();
            return f.status();
        });
        return cl;
    }

    /** Picocli's message, made one line, with a suggestion for a misspelt command or option. */
    private static String usageMistake(CommandLine.ParameterException ex) {
        String message = Failures.firstLine(ex.getMessage());
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return message;
        }
        CommandLine at = u.getCommandLine();
        if (u.isUnknownOption()) {
            // Picocli lists every argument after an unknown option as unknown too; name the options only.
            List<String> options = u.getUnmatched().stream().filter(a -> a.startsWith("-")).toList();
            message = (options.size() == 1 ? "Unknown option: '" : "Unknown options: '") + String.join("', '", options)
                    + "'";
            String hint = Suggestions.closest(options.get(0).replaceFirst("=.*", ""),
                    at.getCommandSpec().optionsMap().keySet());
            return hint == null ? message : message + " (did you mean " + hint + "?)";
        }
        boolean atTop = at.getCommandSpec().parent() == null && !at.getParseResult().hasSubcommand();
        if (atTop) {
            String word = u.getUnmatched().get(0);
            String hint = Suggestions.closest(word, at.getSubcommands().keySet());
            return "unknown command '" + word + "'" + (hint == null ? "" : " (did you mean " + hint + "?)");
        }
        return message;
    }

    /** True when the variable's value asks for debugging output. */
    static boolean debugVariable(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return !v.isEmpty() && !v.equals("0") && !v.equals("false") && !v.equals("no");
    }

    public static void main(String[] args) {
        boolean debug = debugVariable(System.getenv(DEBUG_VARIABLE)) || List.of(args).contains("--debug");
        // Read by the launcher's log4j2 configuration: no stack traces, no reports of failed tasks (symsweep
        // reports the failure itself) unless debugging.
        System.setProperty("symsweep.log.exceptions", debug ? "full" : "none");
        System.setProperty("symsweep.log.tasks", debug ? "warn" : "off");
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = commandLine(out, err).execute(args);
        } catch (Throwable t) {
            // Errors (OutOfMemoryError) pass picocli's handler, which takes exceptions only.
            Failures.Failure f = Failures.classify(t);
            if (f.message() != null) {
                err.println("symsweep: " + f.message());
            }
            if (debug) {
                t.printStackTrace(err);
            }
            code = f.status();
        }
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
