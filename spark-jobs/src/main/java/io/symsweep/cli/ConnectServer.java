package io.symsweep.cli;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.connect.service.SparkConnectService$;

/**
 * Spark's Connect service (spark-connect_2.13, provided by the Spark installation) run in this JVM's
 * SparkContext, as Spark's own {@code SparkConnectServer} does. The only class that names Spark Connect's
 * classes, so that the other commands load without them.
 */
final class ConnectServer {

    private ConnectServer() {
    }

    /** Starts the gRPC service at {@code spark.connect.grpc.binding.address:port}; returns the bound port. */
    static int start(SparkContext sc) {
        SparkConnectService$.MODULE$.start(sc);
        return SparkConnectService$.MODULE$.localPort();
    }

    /** Blocks until the service stops. */
    static void awaitTermination() throws InterruptedException {
        SparkConnectService$.MODULE$.server().awaitTermination();
    }

    /** Stops the service (its sessions and the gRPC server), if it runs. */
    static void stop() {
        SparkConnectService$ connect = SparkConnectService$.MODULE$;
        if (connect.started() && !connect.stopped()) {
            connect.stop(connect.stop$default$1(), connect.stop$default$2());
        }
    }
}
