/**
 * The {@code symsweep} command line (picocli): {@code run}, {@code validate}, {@code sql} (one query, the
 * interactive shell, catalog DDL), {@code serve} (Spark Connect), {@code bench}. The same main
 * class serves the local launcher and {@code spark-submit}.
 */
package io.symsweep.cli;
