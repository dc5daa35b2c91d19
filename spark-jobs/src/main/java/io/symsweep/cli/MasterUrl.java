package io.symsweep.cli;

import io.symsweep.failure.EnvironmentException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --master} URL checked before Spark starts, against the forms Spark 4.2 accepts
 * ({@code SparkMasterRegex} and {@code SparkContext.createTaskScheduler}): {@code local}, {@code local[N]},
 * {@code local[*]}, {@code local[N,F]} ({@code F} task failures allowed), {@code local-cluster[N,C,M]},
 * {@code spark://HOST:PORT[,HOST:PORT...]}, {@code yarn}, {@code k8s://[https://]HOST[:PORT]}. Mesos was
 * removed in Spark 4.0. A standalone master must also answer on its port.
 */
final class MasterUrl {

    /** The accepted forms, for messages. */
    static final String FORMS = "allowed: local, local[N], local[*], local[N,F], local-cluster[N,C,M], "
            + "spark://HOST:PORT[,HOST:PORT...], yarn, k8s://HOST:PORT";

    private static final Pattern LOCAL_N = Pattern.compile("local\\[\\s*([0-9]+|\\*)\\s*]");
    private static final Pattern LOCAL_N_F = Pattern.compile("local\\[\\s*([0-9]+|\\*)\\s*,\\s*([0-9]+)\\s*]");
    private static final Pattern LOCAL_CLUSTER =
            Pattern.compile("local-cluster\\[\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*]");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9_.-]+):([0-9]{1,5})");
    private static final Pattern K8S = Pattern.compile("k8s://((https?)://)?(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9_.-]+)"
            + "(:[0-9]{1,5})?/?");

    /** How long a standalone master has to accept a connection. */
    private static final int CONNECT_MILLIS = 5_000;

    private MasterUrl() {
    }

    /**
     * Checks {@code master} (null: the default, nothing to check). A malformed URL is a {@link UserException};
     * a standalone master that does not answer, or a cluster manager this class path lacks, an
     * {@link EnvironmentException}.
     */
    static void check(String master) {
        if (master == null) {
            return;
        }
        String m = master;
        if (m.equals("local") || LOCAL_N.matcher(m).matches()) {
            Matcher n = LOCAL_N.matcher(m);
            if (n.matches() && !n.group(1).equals("*")) {
                positive(master, "the number of threads N", n.group(1));
            }
            return;
        }
        Matcher nf = LOCAL_N_F.matcher(m);
        if (nf.matches()) {
            if (!nf.group(1).equals("*")) {
                positive(master, "the number of threads N", nf.group(1));
            }
            positive(master, "the number of task failures allowed F", nf.group(2));
            return;
        }
        Matcher lc = LOCAL_CLUSTER.matcher(m);
        if (lc.matches()) {
            positive(master, "the number of workers N", lc.group(1));
            positive(master, "the cores per worker C", lc.group(2));
            positive(master, "the memory per worker M (MiB)", lc.group(3));
            if (System.getenv("SPARK_HOME") == null) {
                throw new UserException("--master " + master + ": local-cluster starts its executors from a Spark "
                        + "installation; set SPARK_HOME (and SPARK_SCALA_VERSION=2.13), see deploy/README.md");
            }
            return;
        }
        if (m.startsWith("spark://")) {
            checkStandalone(master);
            return;
        }
        if (m.equals("yarn")) {
            requireClusterManager(master, "org.apache.spark.deploy.yarn.YarnClusterManager", "YARN");
            return;
        }
        if (m.startsWith("k8s://")) {
            if (!K8S.matcher(m).matches()) {
                throw new UserException("--master " + master + ": a Kubernetes master is k8s://HOST:PORT or "
                        + "k8s://https://HOST:PORT (the API server)");
            }
            requireClusterManager(master, "org.apache.spark.scheduler.cluster.k8s.KubernetesClusterManager",
                    "Kubernetes");
            return;
        }
        if (m.startsWith("mesos://")) {
            throw new UserException("--master " + master + ": Spark 4 no longer supports Mesos; " + FORMS);
        }
        String hint = hint(m);
        throw new UserException("--master: not a Spark master URL: '" + master + "'" + hint + "; " + FORMS);
    }

    private static String hint(String m) {
        String lower = m.strip().toLowerCase(Locale.ROOT);
        if (!lower.equals(m) && (lower.startsWith("local") || lower.startsWith("spark://") || lower.equals("yarn")
                || lower.startsWith("k8s://"))) {
            return " (did you mean " + lower + "?)";
        }
        if (m.startsWith("local")) {
            return " (local takes [N], [*], [N,F]: threads and task failures)";
        }
        if (HOST_PORT.matcher(m).matches()) {
            return " (did you mean spark://" + m + "?)";
        }
        return "";
    }

    private static void positive(String master, String what, String digits) {
        long v;
        try {
            v = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            v = Long.MAX_VALUE;
        }
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new UserException("--master " + master + ": " + what + " must be between 1 and "
                    + Integer.MAX_VALUE + ", found " + digits);
        }
    }

    /** {@code spark://h1:p1,h2:p2}: every address well formed, and at least one master accepting connections. */
    private static void checkStandalone(String master) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",", -1)) {
            Matcher hp = HOST_PORT.matcher(hostPort);
            if (!hp.matches()) {
                throw new UserException("--master " + master + ": each standalone master is HOST:PORT (e.g. "
                        + "spark://127.0.0.1:7077), found '" + hostPort + "'");
            }
            int port = Integer.parseInt(hp.group(2));
            if (port < 1 || port > 65535) {
                throw new UserException("--master " + master + ": the port must be between 1 and 65535, found "
                        + hp.group(2));
            }
            String host = hp.group(1).startsWith("[") ? hp.group(1).substring(1, hp.group(1).length() - 1)
                    : hp.group(1);
            addresses.add(InetSocketAddress.createUnresolved(host, port));
        }
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress a : addresses) {
            String failure = connect(a.getHostString(), a.getPort());
            if (failure == null) {
                return;
            }
            failures.add(a.getHostString() + ":" + a.getPort() + " (" + failure + ")");
        }
        throw new EnvironmentException("--master " + master + ": no Spark master answers at "
                + String.join(", ", failures) + "; is the cluster up (deploy/cluster.sh start)?");
    }

    /** Null when a TCP connection to {@code host:port} opens within {@link #CONNECT_MILLIS}, else why not. */
    private static String connect(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
            return null;
        } catch (UnknownHostException e) {
            return "unknown host";
        } catch (java.net.SocketTimeoutException e) {
            return "no answer within " + CONNECT_MILLIS / 1000 + " s";
        } catch (IOException e) {
            return Failures.firstLine(e.getMessage()).toLowerCase(Locale.ROOT);
        }
    }

    private static void requireClusterManager(String master, String className, String what) {
        try {
            Class.forName(className, false, MasterUrl.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new EnvironmentException("--master " + master + ": this class path has no " + what + " support "
                    + "(spark-" + what.toLowerCase(Locale.ROOT) + " is not bundled); submit "
                    + "spark-jobs/target/symsweep.jar with a Spark distribution's spark-submit --master " + master);
        }
    }
}
