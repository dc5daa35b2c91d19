package io.symsweep.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Processes the integration tests start: the repository, the application's class path and JVM flags as
 * {@code ./symsweep} uses them, and stopping a process and what it started, by PID.
 */
final class Launched {

    private Launched() {
    }

    /** The repository root ({@code symsweep.repo}, set by failsafe). */
    static Path repo() {
        return Path.of(System.getProperty("symsweep.repo", "..")).toAbsolutePath().normalize();
    }

    /** {@code java FLAGS -cp symsweep.jar:SPARK -Dlog4j2... io.symsweep.cli.SymsweepCommand ARGS}, as ./symsweep runs it. */
    static List<String> symsweepJava(String... args) throws IOException {
        Path target = repo().resolve("spark-jobs/target");
        List<String> cmd = java(target.resolve("symsweep.jar") + ":" + Files.readString(target.resolve("spark-classpath.txt")).strip());
        cmd.add("-Dlog4j2.configurationFile=symsweep-log4j2.properties");
        cmd.add("io.symsweep.cli.SymsweepCommand");
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code java} with Spark's module flags and {@code classpath}. */
    static List<String> java(String classpath) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptions().split(" ")));
        cmd.add("-cp");
        cmd.add(classpath);
        return cmd;
    }

    /** A process builder in the repository with the environment every symsweep process gets here. */
    static ProcessBuilder builder(List<String> cmd, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo().toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove(ServeCommand.TOKEN_ENV);
        pb.environment().putAll(env);
        return pb;
    }

    /** Stops {@code p} and every process it started, by PID: SIGTERM, then SIGKILL after 30 s. */
    static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(0, p.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle h : all) {
            while (h.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            h.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
