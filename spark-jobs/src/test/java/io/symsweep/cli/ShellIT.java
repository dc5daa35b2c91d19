package io.symsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell as a user meets it: {@code ./symsweep sql} on a real pseudo-terminal (util-linux
 * {@code script} holds the terminal; its line discipline turns the Ctrl-C byte into SIGINT for the shell's
 * process group, as a terminal emulator's does). A multi-line statement, a typo, Ctrl-C on a statement
 * that would run for hours, Ctrl-D, then a second session recalling the last statement with the Up key.
 * The incubator-module warning the JVM prints must not reach the terminal.
 */
class ShellIT {

    private static final String WARNING = "WARNING: Using incubator modules";

    @TempDir
    Path dir;

    private static Path results;
    private Terminal session;

    @BeforeAll
    static void sweep() throws Exception {
        results = SweepFixture.results();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (session != null) {
            Launched.stop(session.process);
        }
    }

    @Test
    void aSessionOnATerminalThenItsHistoryInTheNext() throws Exception {
        Path history = dir.resolve("history");
        session = new Terminal(history);
        session.expect("symsweep> ", 300);
        assertTrue(session.text().contains("symsweep: starting Spark (local[*]) ... ready in "), session.text());

        session.type("SELECT factor,\r  count(*) AS n\rFROM barriers WHERE factor < 2\rGROUP BY factor ORDER BY factor;\r");
        session.expect("factor  n\n------  -\n   1.0  3\n   1.5  3\n(2 rows)\n", 120);

        session.type("SELEC 1;\r");
        session.expect("error: [PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'. SQLSTATE: 42601 (line 1, pos 0)\n", 60);

        // 10^13 rows: hours on two cores. Ctrl-C once the shell has taken the line (and started the statement).
        session.type("SELECT sum(id % 10) AS s FROM range(10000000000000);\r");
        session.expect("range(10000000000000);\n", 60);
        Thread.sleep(3000);
        session.type("\u0003");
        session.expect("cancelled\n", 120);

        session.type("SELECT 42 AS answer;\r");
        session.expect("answer\n------\n    42\n(1 row)\n", 120);
        session.leave("\u0004", "Ctrl-D");
        assertTrue(Files.readString(history).contains("SELECT factor,\\n  count(*) AS n\\nFROM barriers"),
                "the multi-line statement is one history entry");

        session = new Terminal(history);
        session.expect("symsweep> ", 300);
        // The Up key as xterm sends it in the keypad mode JLine switches on.
        session.type("\u001bOA\r");
        session.expect("answer\n------\n    42\n(1 row)\n", 120);
        session.leave("\\q\r", "\\q");
    }

    /** {@code ./symsweep sql} on a pseudo-terminal; what it shows, with the terminal's control sequences removed. */
    private static final class Terminal {

        final Process process;
        private final OutputStream keys;
        private final StringBuffer screen = new StringBuffer();
        private int mark;

        Terminal(Path history) throws IOException {
            String command = "stty cols 200 rows 50; exec ./symsweep sql --results '" + results + "' --history '" + history + "'";
            process = Launched.builder(List.of("script", "-qfec", command, "/dev/null"), Map.of("TERM", "xterm"))
                    .redirectErrorStream(true).start();
            keys = process.getOutputStream();
            Thread reader = new Thread(() -> {
                byte[] buf = new byte[4096];
                try (InputStream in = process.getInputStream()) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        screen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    screen.append("\n[read failed: ").append(e).append(']');
                }
            }, "pty-reader");
            reader.setDaemon(true);
            reader.start();
        }

        void type(String s) throws IOException {
            keys.write(s.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        }

        /** Types {@code s}, which ends the shell ({@code how}): it exits with status 0 and showed no JVM warning. */
        void leave(String s, String how) throws IOException, InterruptedException {
            type(s);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), how + " leaves");
            assertEquals(0, process.exitValue());
            String shown = text();
            assertFalse(shown.contains(WARNING), shown);
        }

        /** Everything shown so far: escape sequences and carriage returns removed. */
        String text() {
            return screen.toString()
                    .replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "")
                    .replaceAll("\u001b\\][^\u0007]*\u0007", "")
                    .replaceAll("\u001b[=>]", "")
                    .replace("\r", "");
        }

        /** Waits until {@code expected} shows after what the last expect found. */
        void expect(String expected, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                boolean ended = !process.isAlive();
                Thread.sleep(ended ? 500 : 0);
                String t = text();
                int at = t.indexOf(expected, mark);
                if (at >= 0) {
                    mark = at + expected.length();
                    return;
                }
                if (System.nanoTime() > deadline || ended) {
                    throw new AssertionError("expected within " + seconds + " s: " + expected + "\nthe terminal shows:\n"
                            + t.substring(Math.min(mark, t.length())));
                }
                Thread.sleep(100);
            }
        }
    }
}
