package io.symsweep.cli;

import io.symsweep.experiment.Experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-input corpus through the real command line, in-process: every case of
 * {@code malformed/commands.txt}, and every malformed spec of the common module
 * ({@code common/src/test/resources/specs/malformed/}) through {@code validate} and {@code run}. Each must
 * exit with its status, print exactly its one line on stderr and nothing on stdout, and leave the folder
 * tree as it was.
 */
class MalformedCommandTest {

    /** The common module's malformed specs, seen from this module's directory (where surefire runs). */
    private static final Path SPECS = Path.of("../common/src/test/resources/specs/malformed");

    @TempDir
    static Path root;

    static Map<String, String> places;

    /** {@code symsweep args} in-process, without the environment's debug switch. */
    static CommandResult symsweep(String... args) {
        return CommandResult.symsweep(false, args);
    }

    @BeforeAll
    static void folders() throws Exception {
        Path spec = root.resolve("spec.yaml");
        Files.copy(Path.of(MalformedCommandTest.class.getResource("/specs/cli.yaml").toURI()), spec);
        Path empty = Files.createDirectory(root.resolve("empty"));
        Path file = Files.writeString(root.resolve("notes.txt"), "not a folder\n");
        Path tables = Files.createDirectory(root.resolve("sweep-with-a-file"));
        Files.writeString(tables.resolve("minima"), "a file where a table folder belongs\n");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        places = Map.of("{spec}", spec.toString(), "{dir}", empty.toString(), "{file}", file.toString(),
                "{missing}", root.resolve("missing").toString(), "{tables}", tables.toString(),
                "{port}", Integer.toString(port), "{table_names}", String.join(", ",
                        io.symsweep.experiment.Experiments.tables().stream().map(t -> t.name()).toList()));
    }

    static String substitute(String s) {
        for (Map.Entry<String, String> e : places.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }

    /** The cases of {@code commands.txt}: why, arguments, exit status, the line on stderr. */
    static Stream<Arguments> commandCases() throws IOException {
        List<String> lines;
        try (InputStream in = MalformedCommandTest.class.getResourceAsStream("/malformed/commands.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<Arguments> cases = new ArrayList<>();
        int i = 0;
        while (i < lines.size() && lines.get(i).startsWith("#")) {
            i++;
        }
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            String why = lines.get(i).substring(1).strip();
            String args = lines.get(i + 1);
            String expected = lines.get(i + 2);
            int space = expected.indexOf(' ');
            cases.add(Arguments.of(why, args, Integer.parseInt(expected.substring(0, space)),
                    expected.substring(space + 1)));
            i += 3;
        }
        return cases.stream();
    }

    static Stream<Path> malformedSpecs() throws IOException {
        try (Stream<Path> files = Files.list(SPECS)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandCases")
    void aMalformedCommandLineIsOneLineAndItsExitStatus(String why, String args, int status, String expected)
            throws IOException {
        String[] argv = args.isEmpty() ? new String[0] : args.split(" ", -1);
        for (int k = 0; k < argv.length; k++) {
            argv[k] = argv[k].equals("''") ? "" : substitute(argv[k]);
        }
        assertFailsCleanly(argv, status, substitute(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSpecs")
    void aMalformedSpecIsOneLineAndExitStatusTwoForValidateAndRun(Path spec) throws IOException {
        byte[] bytes = Files.readAllBytes(spec);
        int end = 0;
        while (bytes[end] != '\n') {
            end++;
        }
        String expected = "symsweep: " + new String(bytes, 0, end, StandardCharsets.US_ASCII)
                .substring("# expect: ".length()).replace("{file}", spec.toString()).replace("{kinds}",
                String.join(", ", Experiments.all().stream().map(k -> k.name()).toList()));
        assertFailsCleanly(new String[] {"validate", spec.toString()}, 2, expected);
        assertFailsCleanly(new String[] {"run", spec.toString(), "--out", places.get("{dir}") + "/out"}, 2, expected);
    }

    @Test
    void theCorpusHasAtLeastOneHundredCases() throws IOException {
        long commands = commandCases().count();
        long specs = malformedSpecs().count();
        assertTrue(commands >= 50, "command-line cases: " + commands);
        assertTrue(commands + specs >= 100, "cases: " + commands + " command lines + " + specs + " specs");
    }

    private static void assertFailsCleanly(String[] argv, int status, String expected) throws IOException {
        Map<String, String> before = tree(root);
        CommandResult r = symsweep(argv);
        assertEquals(expected + "\n", r.err(), "stderr of " + String.join(" ", argv));
        assertEquals(status, r.code(), "exit status of " + String.join(" ", argv));
        assertEquals("", r.out(), "stdout of " + String.join(" ", argv));
        assertEquals(before, tree(root), "nothing written by " + String.join(" ", argv));
    }

    /** Every path under {@code dir} with its size and modification time. */
    static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                out.put(dir.relativize(p).toString(), (a.isDirectory() ? "dir " : a.size() + " bytes ")
                        + a.lastModifiedTime().toMillis());
            }
        }
        return out;
    }
}
