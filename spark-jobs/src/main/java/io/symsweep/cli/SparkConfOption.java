package io.symsweep.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The repeatable {@code --conf KEY=VALUE} option of the commands that start a Spark session of their own (a picocli mixin). */
final class SparkConfOption {

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "extra Spark configuration (repeatable)")
    Map<String, String> entries = new LinkedHashMap<>();
}
