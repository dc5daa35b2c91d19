package io.symsweep.cli;

import io.symsweep.spark.Sessions;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code symsweep serve}: a Spark Connect server (Spark 4.2) over one sweep's tables, registered as
 * external tables in the server's catalog so that every client session sees them by name (a temporary
 * view would be private to the server's own session). PySpark, Spark's JVM client or any Connect client
 * then queries them at {@code sc://HOST:PORT}. It binds to 127.0.0.1 unless {@code --bind} says otherwise,
 * and refuses a non-loopback address unless an authentication token is set, which clients then present
 * ({@code sc://HOST:PORT/;token=...}). It runs until SIGTERM or Ctrl-C.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the tables of one sweep to Spark Connect clients (PySpark, Spark's JVM client, notebooks) "
                + "until Ctrl-C or SIGTERM.",
                "Binds to 127.0.0.1. Another --bind address needs an authentication token: SPARK_CONNECT_AUTHENTICATE_TOKEN "
                        + "in the environment (or --conf " + ServeCommand.TOKEN_CONF + "=...), which clients pass as "
                        + "sc://HOST:PORT/;token=... over TLS."})
final class ServeCommand extends Subcommand {

    static final String TOKEN_CONF = "spark.connect.authenticate.token";
    static final String TOKEN_ENV = "SPARK_CONNECT_AUTHENTICATE_TOKEN";
    private static final String ADDRESS_CONF = "spark.connect.grpc.binding.address";
    private static final String PORT_CONF = "spark.connect.grpc.binding.port";

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "one sweep's folder, or a folder of sweeps (the newest is served) (default: ${DEFAULT-VALUE})")
    String results;

    @Option(names = "--port", paramLabel = "N", defaultValue = "15002", description = "port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Mixin
    MasterOption master;

    @Mixin
    SparkConfOption conf;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        if (port < 1 || port > 65535) {
            throw new UserException("--port: must be in 1..65535, found " + port);
        }
        // Before the announcement below: a bad or silent master is then the one line (SessionStart checks again).
        String masterUrl = master.checked();
        for (String key : List.of(ADDRESS_CONF, PORT_CONF)) {
            if (conf.entries.containsKey(key)) {
                throw new UserException("--conf " + key + ": set by serve; use --bind and --port");
            }
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UserException("--bind: unknown address " + bind);
        }
        if (!address.isLoopbackAddress() && !tokenConfigured()) {
            throw new UserException("--bind " + bind + ": not a loopback address, and no authentication token is set; "
                    + "export " + TOKEN_ENV + "=<secret> (or --conf " + TOKEN_CONF + "=<secret>) and connect with "
                    + "sc://HOST:" + port + "/;token=<secret> through TLS, or bind 127.0.0.1");
        }
        ResultTables tables = ResultTables.find(results, false, err);
        Map<String, String> locations = tables.singleLocations("serve");
        Path warehouse = SqlCommand.temporaryWarehouse();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SqlCommand.deleteRecursively(warehouse),
                "symsweep-serve-cleanup"));
        Map<String, String> sparkConf = new LinkedHashMap<>(conf.entries);
        sparkConf.put(ADDRESS_CONF, address.getHostAddress());
        sparkConf.put(PORT_CONF, Integer.toString(port));
        sparkConf.put("spark.sql.warehouse.dir", warehouse.toUri().toString());
        sparkConf.putIfAbsent("spark.ui.enabled", "false");
        SessionStart.Announcement starting = new SessionStart.Announcement(err, masterUrl, " and Spark Connect");
        tables.warnDamaged(err);
        Sessions.Lease lease;
        try {
            lease = SessionStart.lease("symsweep serve", masterUrl, sparkConf);
        } catch (RuntimeException e) {
            starting.failed();
            throw e;
        }
        SparkSession spark = lease.session();
        Map<String, CatalogDdl.Source> sources = new LinkedHashMap<>();
        locations.forEach((name, location) ->
                sources.put(name, new CatalogDdl.Source(location, spark.read().parquet(location).schema())));
        for (String statement : CatalogDdl.statements(null, sources)) {
            spark.sql(statement);
        }
        int boundPort = ConnectServer.start(spark.sparkContext());
        Runtime.getRuntime().addShutdownHook(new Thread(ConnectServer::stop, "symsweep-serve-stop"));
        starting.ready();
        String host = address.isAnyLocalAddress() ? localHostName() : bind;
        String url = "sc://" + host + ":" + boundPort;
        out.println("symsweep serve: " + locations.size() + " tables (" + String.join(", ", locations.keySet())
                + ") of " + tables.sweeps().get(0) + " at " + url);
        out.println("  e.g. PySpark: SparkSession.builder.remote(\"" + url + "\").getOrCreate().sql(\"SHOW TABLES\").show()");
        out.println("  Ctrl-C or SIGTERM stops the server");
        out.flush();
        try {
            ConnectServer.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lease.close();
        return 0;
    }

    private boolean tokenConfigured() {
        String env = System.getenv(TOKEN_ENV);
        return conf.entries.containsKey(TOKEN_CONF) || System.getProperty(TOKEN_CONF) != null || (env != null && !env.isEmpty());
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "HOST";
        }
    }
}
