package io.symsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.symsweep.experiment.Experiments;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Config ids never change silently: for every spec under {@code paper/} and {@code examples/}, the ids of its first
 * three configurations and the hash of all its canonical forms (one per line, in order), as computed on main at
 * commit e7bc358 before issue 10's refactoring. A change here means every results folder of that spec would be
 * recomputed.
 */
class PinnedIdsTest {

    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of("paper/corollary42.yaml",
                        List.of("05aa3a13797d5b35", "ad055df730f1db21", "2471f0a48e1a6acc"), "e51bbcbf6d28f676/20"),
                Arguments.of("paper/figure1.yaml",
                        List.of("fbb221e60057248b", "b649f483854861ef", "637128d52a6d6d10"), "0b64c3992880f414/16"),
                Arguments.of("paper/figure3a.yaml",
                        List.of("352d0baadafe7a9c", "5e123dbed553dbda", "48833f9a55858db1"), "cac385e90c4aa5c1/100"),
                Arguments.of("paper/figure3bc.yaml",
                        List.of("2ec27ee75eb5f5b3", "b8c1142b4378e672", "5236f9845aac70dc"), "158ccc6a0d6cd88a/20"),
                Arguments.of("paper/figure4.yaml",
                        List.of("4f988826010282be", "30b44613312af523", "68ee179538ede811"), "99d5bc0060a31046/1280"),
                Arguments.of("paper/proposition52.yaml",
                        List.of("75e94404f215aa72", "9c41a84041ffcb71", "1bb551568cb870cf"), "2fe60897ea8f0502/15"),
                Arguments.of("paper/proposition54.yaml",
                        List.of("e4adddfe1eb9d0f1", "9cab15af483e6201", "740c41c79d76fae7"), "7e893d078d9694e0/130"),
                Arguments.of("paper/proposition55.yaml",
                        List.of("20ca10d70839402c", "2666bbe6cd9ea163", "b6d2a7e6c700ae35"), "7523a7153bb34126/65"),
                Arguments.of("paper/proposition56.yaml",
                        List.of("19a942d3f6fa33d6", "79acda51306c656b", "3613104f65f60c4a"), "c6eecd0966a004fc/105"),
                Arguments.of("examples/quickstart.yaml",
                        List.of("b9568235147e0f0f", "ee21c24a0c229783", "40858b7996bb371e"), "ce310e63e2826a29/48"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void idsAndCanonicalFormsAreThoseOfMain(String spec, List<String> firstIds, String allFormsHash) {
        List<Configuration> cs = Experiments.reader().read(Path.of("..").resolve(spec)).configurations();
        List<String> ids = cs.stream().limit(3).map(Configuration::id).toList();
        StringBuilder all = new StringBuilder();
        cs.forEach(c -> all.append(c.canonicalForm()).append('\n'));
        String hash = ConfigIds.id(all.toString()) + "/" + cs.size();
        assertEquals(firstIds, ids, spec);
        assertEquals(allFormsHash, hash, spec);
    }
}
