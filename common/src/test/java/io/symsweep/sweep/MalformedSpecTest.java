package io.symsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.experiment.Experiments;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code specs/malformed/} is a small realistic spec with one defect; its first line,
 * {@code # expect: <message>}, is the exact {@link SpecException} message reading it (and expanding it,
 * for the cross-field checks) must give, {@code {file}} standing for the file's path and {@code {kinds}} for the
 * registered kinds, in registration order. The first line is ASCII; what follows may be anything (Latin-1 bytes,
 * a NUL, a control character).
 */
class MalformedSpecTest {

    private static final String EXPECT = "# expect: ";

    static Stream<Path> malformedSpecs() throws IOException, URISyntaxException {
        Path dir = Path.of(MalformedSpecTest.class.getResource("/specs/malformed").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSpecs")
    void givesTheExpectedOneLineMessage(Path spec) throws IOException {
        String first = firstLine(spec);
        assertTrue(first.startsWith(EXPECT), spec.getFileName() + " must start with '" + EXPECT + "'");
        // {kinds} stands for the registered kinds, so that registering one changes no fixture.
        String expected = first.substring(EXPECT.length()).replace("{file}", spec.toString()).replace("{kinds}",
                String.join(", ", Experiments.all().stream().map(k -> k.name()).toList()));

        SpecException e = assertThrows(SpecException.class,
                () -> Experiments.reader().read(spec).configurations());

        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        if (e.path().isEmpty()) {
            assertTrue(e.getMessage().startsWith(spec + ": ") || e.getMessage().startsWith("the sweep expands"),
                    "an error of the whole file names the file");
        } else {
            assertTrue(e.getMessage().startsWith(e.path() + ": "), "the message starts with the path");
        }
        assertEquals(0, e.getStackTrace().length, "a user error carries no stack trace");
    }

    /** The first line, read as bytes up to the first line feed (the rest of the file need not be UTF-8). */
    static String firstLine(Path spec) throws IOException {
        byte[] bytes = Files.readAllBytes(spec);
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.US_ASCII);
    }

    @Test
    void theFixturesCoverEveryKindOfDefect() throws IOException, URISyntaxException {
        List<String> names = malformedSpecs().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.size() >= 100, "at least 100 fixtures, found " + names.size());
        for (String required : List.of("unknown-top-level-key.yaml", "unknown-nested-key.yaml", "misspelt-kind.yaml",
                "negative-factor-in-list.yaml", "log-range-from-zero.yaml", "empty-seed-list.yaml",
                "empty-factor-list.yaml", "string-for-number.yaml", "float-for-integer.yaml", "map-for-list.yaml",
                "missing-learning-rate.yaml", "missing-seeds.yaml", "even-alpha-points.yaml",
                "too-few-alpha-points.yaml", "slope-one.yaml", "two-widths.yaml", "zero-width.yaml",
                "rescaled-layer-beyond-network.yaml", "invalid-yaml.yaml", "name-with-space.yaml",
                "reversed-seed-range.yaml", "duplicate-key.yaml", "two-documents.yaml", "latin1-byte.yaml",
                "nul-byte.yaml", "bell-character.yaml", "nan-factor.yaml", "inf-for-integer.yaml", "alias.yaml",
                "core-tag.yaml", "merge-key.yaml", "aa-max-below-min.yaml", "sc-four-widths.yaml",
                "od-zero-beta.yaml", "co-residual-without-eps.yaml")) {
            assertTrue(names.contains(required), "missing fixture " + required);
        }
    }
}
