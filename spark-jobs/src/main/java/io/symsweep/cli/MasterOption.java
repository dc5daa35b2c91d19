package io.symsweep.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --master} option of the commands that start Spark ({@code run}, {@code sql}, {@code serve},
 * {@code reproduce}; a picocli mixin): the URL, checked by {@link MasterUrl#check} before anything starts, so that
 * a malformed or silent master is one line and nothing is written.
 */
final class MasterOption {

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: local[*], or what spark-submit set)")
    String url;

    /** The {@code --master} URL, null when not given (then spark-submit's or {@code local[*]}), after {@link MasterUrl#check}. */
    String checked() {
        MasterUrl.check(url);
        return url;
    }
}
