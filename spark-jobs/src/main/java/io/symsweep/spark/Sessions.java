package io.symsweep.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** SparkSessions for the CLI: embedded {@code local[*]} by default, or whatever spark-submit configured. */
public final class Sessions {

    private Sessions() {
    }

    /**
     * A session for {@code appName}: the running default session if there is one, else a new one. When {@code master} is null and spark-submit has set
     * {@code spark.master}, that master is used; otherwise {@code local[*]}. Local sessions bind to
     * 127.0.0.1 and run ND4J with one OpenMP thread per task.
     */
    public static Lease create(String appName, String master, Map<String, String> conf) {
        var existing = SparkSession.getDefaultSession();
        if (existing.isDefined()) {
            return new Lease(existing.get(), false);
        }
        SparkConf sc = new SparkConf(true);
        loadDefaults(sc);
        if (master != null) {
            sc.setMaster(master);
        } else if (!sc.contains("spark.master")) {
            sc.setMaster("local[*]");
        }
        String m = sc.get("spark.master");
        if (m.startsWith("local")) {
            sc.setIfMissing("spark.driver.host", "127.0.0.1");
            sc.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            sc.setIfMissing("spark.sql.shuffle.partitions", "8");
            // In local mode the one executor is the driver's own JVM, so a missed heartbeat only ever means that the
            // JVM stood still (a long GC pause, SIGSTOP, a suspended laptop). After Spark's default of 120 s Spark
            // would declare its only executor lost and fail the job (local mode allows no task retry); a day keeps
            // such a pause harmless. Other masters keep Spark's default, where the timeout finds dead executors.
            sc.setIfMissing("spark.storage.blockManagerHeartbeatTimeoutMs", "86400000");
        }
        sc.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
        sc.setIfMissing("spark.executor.extraJavaOptions", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0");
        if (!m.startsWith("local") && !sc.contains("spark.jars")) {
            // Started by ./symsweep rather than spark-submit: ship our own jar to the executors.
            String jar = applicationJar();
            if (jar != null) {
                sc.set("spark.jars", jar);
            }
        }
        sc.setIfMissing("spark.ui.showConsoleProgress", "false");
        sc.setIfMissing("spark.sql.debug.maxToStringFields", "200");
        sc.setAppName(appName);
        conf.forEach(sc::set);
        return new Lease(SparkSession.builder().config(sc).getOrCreate(), true);
    }

    /**
     * Adds what {@code $SPARK_CONF_DIR/spark-defaults.conf} (or {@code $SPARK_HOME/conf/...}) sets and the
     * configuration does not, as spark-submit would: {@code ./symsweep --master} then behaves like
     * spark-submit on a cluster set up by deploy/cluster.sh.
     */
    static void loadDefaults(SparkConf sc) {
        String dir = System.getenv("SPARK_CONF_DIR");
        if (dir == null && System.getenv("SPARK_HOME") != null) {
            dir = System.getenv("SPARK_HOME") + "/conf";
        }
        if (dir == null) {
            return;
        }
        java.nio.file.Path file = java.nio.file.Path.of(dir, "spark-defaults.conf");
        if (!java.nio.file.Files.isRegularFile(file)) {
            return;
        }
        java.util.Properties p = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(file)) {
            p.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("spark.")) {
                sc.setIfMissing(key, p.getProperty(key).trim());
            }
        }
    }

    /** The jar this class was loaded from, or null when running from a classes folder. */
    static String applicationJar() {
        try {
            var source = Sessions.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            String path = java.nio.file.Path.of(source.getLocation().toURI()).toString();
            return path.endsWith(".jar") ? path : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /**
     * A session for the length of one command: stopped on close if the command started it, left running
     * if it was already there (an embedding application, a test suite).
     */
    public record Lease(SparkSession session, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                session.stop();
            }
        }
    }
}
