package io.symsweep.cli;

import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Prints the JVM options Spark's own launcher adds ({@code --add-opens ...}), so {@code ./symsweep} starts
 * the embedded Spark exactly as spark-submit would.
 */
public final class JvmFlags {

    private JvmFlags() {
    }

    public static void main(String[] args) {
        System.out.println(JavaModuleOptions.defaultModuleOptions());
    }
}
