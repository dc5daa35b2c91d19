package io.symsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code symsweep serve} as a separate process on a free port of 127.0.0.1, queried by Spark's JVM Connect
 * client in a second JVM (the client's jar shadows classes of the server's, so it never shares a class
 * path with it): the rows equal {@code symsweep sql}'s on the same folder; with a token set, a client
 * without it is refused; SIGTERM to the server's PID stops it and frees the port.
 */
class ServeIT {

    private static final String QUERY = "SELECT config_id, minimum_id, factor, barrier, midpoint_loss FROM barriers "
            + "ORDER BY config_id";

    @TempDir
    Path dir;

    private static Path results;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void sweep() throws Exception {
        results = SweepFixture.results();
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            Launched.stop(p);
        }
    }

    @Test
    void aConnectClientInAnotherJvmGetsTheRowsSymsweepSqlPrints() throws Exception {
        StringWriter expected = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SymsweepCommand.commandLine(new PrintWriter(expected), new PrintWriter(err))
                .execute("sql", "--results", results.toString(), "--format", "csv", "--limit", "0", QUERY);
        assertEquals(0, code, err.toString());
        assertEquals(22, expected.toString().lines().count(), "a header and 21 barriers");

        int port = Launched.freePort();
        Process server = startServer(port, Map.of());
        Client c = client("sc://127.0.0.1:" + port, QUERY);
        assertEquals(0, c.code(), c.output());
        assertEquals(expected.toString(), c.rows(), "the same rows, the same text");
        assertTrue(c.output().contains("session: org.apache.spark.sql.connect.SparkSession"), c.output());

        Client tables = client("sc://127.0.0.1:" + port, "SHOW TABLES");
        assertEquals("namespace,tableName,isTemporary\ndefault,barriers,false\ndefault,minima,false\ndefault,runs,false\n", tables.rows());
        Client doc = client("sc://127.0.0.1:" + port, "DESCRIBE minima");
        assertTrue(doc.rows().startsWith("col_name,data_type,comment\n"
                + "config_id,string,id of the row's configuration: the first 64 bits of the SHA-256 of config, in hex\n"), doc.rows());

        long pid = server.pid();
        assertTrue(ProcessHandle.of(pid).orElseThrow().destroy(), "SIGTERM to " + pid);
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stops on SIGTERM");
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        }, "the port is closed");
        String stderr = Launched.read(dir.resolve("server.err"));
        assertFalse(stderr.contains("Exception in thread"), stderr);
    }

    @Test
    void withATokenSetAClientWithoutItIsRefused() throws Exception {
        int port = Launched.freePort();
        startServer(port, Map.of(ServeCommand.TOKEN_ENV, "s3cret-for-the-test"));
        Client without = client("sc://localhost:" + port, "SELECT count(*) AS n FROM minima");
        assertNotEquals(0, without.code(), without.output());
        assertTrue(without.output().contains("UNAUTHENTICATED"), without.output());
        Client with = client("sc://localhost:" + port + "/;token=s3cret-for-the-test", "SELECT count(*) AS n FROM minima");
        assertEquals(0, with.code(), with.output());
        assertEquals("n\n3\n", with.rows());
    }

    private Process startServer(int port, Map<String, String> env) throws Exception {
        Path out = dir.resolve("server.out");
        Path err = dir.resolve("server.err");
        Process p = Launched.builder(Launched.symsweepJava("serve", "--results", results.toString(), "--port",
                Integer.toString(port)), env).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        started.add(p);
        String url = "at sc://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Launched.read(out).contains(url)) {
            assertTrue(p.isAlive(), "serve exited early:\n" + Launched.read(err));
            assertTrue(System.nanoTime() < deadline, "serve did not start in 300 s:\n" + Launched.read(err));
            Thread.sleep(200);
        }
        return p;
    }

    record Client(int code, String output) {
        /** The CSV lines the client printed, without its last line (the session's class). */
        String rows() {
            StringBuilder b = new StringBuilder();
            for (String l : output.lines().toList()) {
                if (l.startsWith("session: ")) {
                    break;
                }
                b.append(l).append('\n');
            }
            return b.toString();
        }
    }

    private Client client(String url, String sql) throws IOException, InterruptedException {
        Path target = Launched.repo().resolve("spark-jobs/target");
        String classpath = target.resolve("test-classes") + ":"
                + Files.readString(target.resolve("connect-client-classpath.txt")).strip();
        List<String> cmd = Launched.java(classpath);
        cmd.addAll(List.of(ConnectQuery.class.getName(), url, sql));
        Path out = dir.resolve("client.out");
        Path err = dir.resolve("client.err");
        Process p = Launched.builder(cmd, Map.of()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        started.add(p);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the client finished");
        return new Client(p.exitValue(), p.exitValue() == 0 ? Launched.read(out) : Launched.read(out) + Launched.read(err));
    }
}
