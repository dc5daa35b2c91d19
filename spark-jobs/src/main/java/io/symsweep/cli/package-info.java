/**
 * The {@code symsweep} command line (picocli): {@code run}, {@code validate}, {@code sql}. The same main
 * class serves the local launcher and {@code spark-submit}.
 */
package io.symsweep.cli;
