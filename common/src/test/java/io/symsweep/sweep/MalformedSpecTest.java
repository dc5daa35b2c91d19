package io.symsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.experiment.Experiments;
import java.io.IOException;
import java.net.URISyntaxException;
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
 * for the cross-field checks) must give ({@code {kinds}}: the registered kinds, in registration order).
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
        String first = Files.readAllLines(spec).get(0);
        assertTrue(first.startsWith(EXPECT), spec.getFileName() + " must start with '" + EXPECT + "'");
        // {kinds} stands for the registered kinds, so that registering one changes no fixture.
        String expected = first.substring(EXPECT.length()).replace("{kinds}",
                String.join(", ", Experiments.all().stream().map(k -> k.name()).toList()));

        SpecException e = assertThrows(SpecException.class,
                () -> Experiments.reader().read(spec).configurations());

        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertFalse(e.path().isEmpty(), "names the path");
        assertTrue(e.getMessage().startsWith(e.path() + ": "), "the message starts with the path");
        assertEquals(0, e.getStackTrace().length, "a user error carries no stack trace");
    }

    @Test
    void theFixturesCoverEveryKindOfDefect() throws IOException, URISyntaxException {
        List<String> names = malformedSpecs().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.size() >= 14, "at least 14 fixtures, found " + names.size());
        for (String required : List.of("unknown-top-level-key.yaml", "unknown-nested-key.yaml", "misspelt-kind.yaml",
                "negative-factor-in-list.yaml", "log-range-from-zero.yaml", "empty-seed-list.yaml",
                "empty-factor-list.yaml", "string-for-number.yaml", "float-for-integer.yaml", "map-for-list.yaml",
                "missing-learning-rate.yaml", "missing-seeds.yaml", "even-alpha-points.yaml",
                "too-few-alpha-points.yaml", "slope-one.yaml", "two-widths.yaml", "zero-width.yaml",
                "rescaled-layer-beyond-network.yaml", "invalid-yaml.yaml", "name-with-space.yaml",
                "reversed-seed-range.yaml", "duplicate-key.yaml")) {
            assertTrue(names.contains(required), "missing fixture " + required);
        }
    }
}
