package io.symsweep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code symsweep check DIR}: reads every file of every table and reports each problem on one line. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a results folder without Spark: every file of every table must be a complete Parquet "
                + "file with its table's declared schema and schema version, and no config_id may appear twice in "
                + "a table. Prints one line per problem and a summary.",
                "DIR may be one sweep's folder (results/figure4) or a folder of sweeps (results/).",
                "Exit status: 0 no problems, 1 problems found, 2 DIR is not a results folder."})
final class CheckCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "DIR", description = "the results folder")
    String dir;

    @Override
    public Integer call() throws IOException {
        if (dir.isBlank()) {
            throw new UserException("check: DIR must be a folder, found an empty path");
        }
        ResultFolderCheck check = new ResultFolderCheck(new org.apache.hadoop.conf.Configuration());
        ResultFolderCheck.Report report = check.check(dir);
        PrintWriter out = out();
        for (ResultFolderCheck.Finding f : report.findings()) {
            out.println(f.line());
        }
        long problems = report.problems();
        out.printf("check %s: %d table%s (%s), %d file%s, %d rows; %s%n", dir, report.tables().size(),
                report.tables().size() == 1 ? "" : "s", String.join(", ", report.tables()), report.files(),
                report.files() == 1 ? "" : "s", report.rows(),
                problems == 0 ? "no problems" : problems + " problem" + (problems == 1 ? "" : "s"));
        out.flush();
        return problems == 0 ? 0 : Failures.PROBLEMS_FOUND;
    }
}
