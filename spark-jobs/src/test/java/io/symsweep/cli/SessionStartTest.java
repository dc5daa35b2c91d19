package io.symsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.symsweep.failure.EnvironmentException;
import java.net.BindException;
import java.net.ServerSocket;
import java.nio.file.AccessDeniedException;
import java.util.Map;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/**
 * What a session that does not start becomes, for every command (they all start Spark through {@link SessionStart}):
 * one line and exit status 3 for the environment's failures, 2 for the user's. The failures of a real start (a driver
 * port taken, a master that does not answer, for each command) are {@code FaultIT}'s.
 */
class SessionStartTest {

    @Test
    void aFailureNoRuleNamesIsTheEnvironmentsWithSparksFirstLine() {
        RuntimeException e = SessionStart.startFailure("local[2]", new IllegalStateException("wrapped",
                new BindException("Address already in use: Service 'sparkDriver' failed after 0 retries (starting from "
                        + "4040)! Consider increasing spark.port.maxRetries.\n\tat somewhere")));
        assertInstanceOf(EnvironmentException.class, e);
        assertEquals("Spark did not start (local[2]): IllegalStateException: wrapped; --debug or SYMSWEEP_DEBUG=1 "
                + "shows the stack trace", e.getMessage());
        assertEquals(3, Failures.classify(e).status());

        RuntimeException bind = SessionStart.startFailure("local[2]", new BindException("Address already in use: "
                + "Service 'sparkDriver' failed after 0 retries (starting from 4040)! Consider increasing "
                + "spark.port.maxRetries.\n\tat somewhere"));
        assertEquals("Spark did not start (local[2]): BindException: Address already in use: Service 'sparkDriver' "
                + "failed after 0 retries (starting from 4040)! Consider increasing spark.port.maxRetries; --debug or "
                + "SYMSWEEP_DEBUG=1 shows the stack trace", bind.getMessage());
        assertEquals(new Failures.Failure(3, bind.getMessage()), Failures.classify(bind));
    }

    @Test
    void aFailureAnotherRuleNamesKeepsThatRulesLineAndStatus() {
        RuntimeException denied = SessionStart.startFailure("local[*]",
                new RuntimeException(new AccessDeniedException("/tmp/spark-local")));
        assertEquals("Spark did not start (local[*]): /tmp/spark-local: permission denied; --debug or "
                + "SYMSWEEP_DEBUG=1 shows the stack trace", denied.getMessage());
        assertEquals(3, Failures.classify(denied).status());

        RuntimeException url = SessionStart.startFailure("nonsense",
                new SparkException("Could not parse Master URL: 'nonsense'"));
        assertInstanceOf(UserException.class, url);
        assertEquals(new Failures.Failure(2, "--master: Could not parse Master URL: 'nonsense'; " + MasterUrl.FORMS),
                Failures.classify(url));
    }

    @Test
    void theMasterIsCheckedBeforeSparkStarts() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String master = "spark://127.0.0.1:" + port;
        EnvironmentException e = assertThrows(EnvironmentException.class,
                () -> SessionStart.lease("symsweep test", master, Map.of()));
        assertEquals("--master " + master + ": no Spark master answers at 127.0.0.1:" + port + " (connection "
                + "refused); is the cluster up (deploy/cluster.sh start)?", e.getMessage());
        assertThrows(UserException.class, () -> SessionStart.lease("symsweep test", "local[0]", Map.of()));
    }
}
