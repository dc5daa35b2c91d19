package io.symsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.spark.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code symsweep reproduce} on the command line: bad options are one line and status 2, a run writes the report. */
class ReproduceCommandTest {

    @TempDir
    static Path dir;

    static final String PAPER = Path.of("").toAbsolutePath().getParent().resolve("paper").toString();

    @BeforeAll
    static void session() {
        SparkTestSession.get();
    }

    @Test
    void aBadScaleOrClaimIsOneLineAndNothingIsWritten() {
        Path out = dir.resolve("bad");
        CommandResult r = CommandResult.symsweep("reproduce", "--specs", PAPER, "--scale", "huge", "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("symsweep: --scale: must be quick, paper or large, found huge\n", r.err());
        r = CommandResult.symsweep("reproduce", "--specs", PAPER, "--scale", "quick", "--only", "prop5.3,nope", "--out",
                out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("symsweep: --only: no claim nope; claims: cor4.2, "), r.err());
        assertEquals(1, r.err().lines().count());
        assertFalse(Files.exists(out));
    }

    @Test
    void oneClaimAtATinyScale() throws Exception {
        Path out = dir.resolve("tiny");
        Path scale = Path.of(ReproduceCommandTest.class.getResource("/scales/tiny.yaml").toURI());
        CommandResult r = CommandResult.symsweep("reproduce", "--specs", PAPER, "--scale-file", scale.toString(), "--only",
                "prop5.3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("PASS          prop5.3"), r.out());
        assertTrue(Files.readString(out.resolve("report/claims.json")).contains("\"status\" : \"PASS\""));
    }
}
