package io.symsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.symsweep.experiment.Experiments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The malformed inputs too large or too binary to keep as fixtures under {@code specs/malformed/}: each is
 * built here and must give its exact one-line message, naming the file.
 */
class MalformedInputTest {

    private static final String SPEC = """
            name: quickstart
            kind: rescaling-barrier
            architecture:
              widths: [4, 8, 8, 2]
            data:
              samples: 3
            training:
              learning_rate: 0.02
              steps: 100000
            seeds: 0..3
            probe:
              factors: [1, 10, 100]
            """;

    @TempDir
    Path dir;

    private String messageReading(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return messageReading(file);
    }

    private static String messageReading(Path file) {
        SpecException e = assertThrows(SpecException.class, () -> Experiments.reader().read(file));
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertEquals(0, e.getStackTrace().length, "no stack trace");
        return e.getMessage();
    }

    @Test
    void aFileOneByteOverTheLimitIsRejectedBeforeItIsRead() throws IOException {
        byte[] big = new byte[SpecText.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '#');
        Path file = dir.resolve("big.yaml");
        assertEquals(file + ": is 1048577 bytes; a spec may be at most 1048576 bytes (1 MiB)",
                messageReading("big.yaml", big));
    }

    @Test
    void aFileAtTheLimitIsRead() throws IOException {
        byte[] spec = SPEC.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[SpecText.MAX_BYTES];
        java.util.Arrays.fill(padded, (byte) '\n');
        System.arraycopy(spec, 0, padded, 0, spec.length);
        Path file = dir.resolve("padded.yaml");
        Files.write(file, padded);
        assertEquals(4 * 3, Experiments.reader().read(file).configurations().size(), "4 seeds x 3 factors");
    }

    @Test
    void aFolderIsNotASpec() {
        assertEquals(dir + ": is a folder, not a spec file", messageReading(dir));
    }

    @Test
    void utf16AndUtf32AreNamed() throws IOException {
        byte[] utf16 = ("\uFEFF" + SPEC).getBytes(StandardCharsets.UTF_16LE);
        assertEquals(dir.resolve("utf16.yaml") + ": is UTF-16 text (it starts with a UTF-16 byte-order mark); save "
                + "the spec as UTF-8", messageReading("utf16.yaml", utf16));
        byte[] utf32 = ("\uFEFF" + SPEC).getBytes(java.nio.charset.Charset.forName("UTF-32BE"));
        assertEquals(dir.resolve("utf32.yaml") + ": is UTF-32 text (it starts with a UTF-32 byte-order mark); save "
                + "the spec as UTF-8", messageReading("utf32.yaml", utf32));
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws IOException {
        Path file = dir.resolve("bom.yaml");
        Files.writeString(file, "\uFEFF" + SPEC);
        assertEquals(4 * 3, Experiments.reader().read(file).configurations().size(), "4 seeds x 3 factors");
    }

    @Test
    void binaryFilesNameTheirFirstNonTextByte() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertEquals(dir.resolve("figure.png") + ": is a binary file, not YAML text (byte 0x89 at offset 0)",
                messageReading("figure.png", png));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(SPEC.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(dir.resolve("spec.yaml.gz") + ": is a binary file, not YAML text (byte 0x1F at offset 0)",
                messageReading("spec.yaml.gz", gz.toByteArray()));
    }

    @Test
    void aLineOverTheLimitIsNamed() throws IOException {
        String text = SPEC + "# " + "x".repeat(200_000) + "\n";
        assertEquals(dir.resolve("long.yaml") + ": line 13 is 200002 characters long; a spec's lines may be at most "
                + "100000 characters (break long lists over several lines)",
                messageReading("long.yaml", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void nestingDeeperThan32LevelsIsRefused() throws IOException {
        // The factors list is level 2 (the root mapping 0, probe 1); the list at level 32 is the 31st one.
        String text = SPEC.replace("factors: [1, 10, 100]", "factors: " + "[".repeat(40) + "1" + "]".repeat(40));
        assertEquals("probe.factors" + "[0]".repeat(30) + ": nested more than 32 levels deep; a spec needs a few",
                messageReading("deep.yaml", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void textTooLargeForAFileIsRefusedToo() {
        SpecException e = assertThrows(SpecException.class,
                () -> Experiments.reader().parse("#".repeat(SpecText.MAX_BYTES + 1)));
        assertEquals("is 1048577 characters; a spec may be at most 1048576 bytes (1 MiB)", e.getMessage());
    }
}
