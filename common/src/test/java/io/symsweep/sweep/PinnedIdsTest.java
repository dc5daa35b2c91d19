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

    /** Spec, the ids of its first three configurations, the hash of all its canonical forms / their number. */
    private static final String PINNED = """
            paper/corollary42.yaml 05aa3a13797d5b35 ad055df730f1db21 2471f0a48e1a6acc e51bbcbf6d28f676/20
            paper/figure1.yaml fbb221e60057248b b649f483854861ef 637128d52a6d6d10 0b64c3992880f414/16
            paper/figure3a.yaml 352d0baadafe7a9c 5e123dbed553dbda 48833f9a55858db1 cac385e90c4aa5c1/100
            paper/figure3bc.yaml 2ec27ee75eb5f5b3 b8c1142b4378e672 5236f9845aac70dc 158ccc6a0d6cd88a/20
            paper/figure4.yaml 4f988826010282be 30b44613312af523 68ee179538ede811 99d5bc0060a31046/1280
            paper/proposition52.yaml 75e94404f215aa72 9c41a84041ffcb71 1bb551568cb870cf 2fe60897ea8f0502/15
            paper/proposition54.yaml e4adddfe1eb9d0f1 9cab15af483e6201 740c41c79d76fae7 7e893d078d9694e0/130
            paper/proposition55.yaml 20ca10d70839402c 2666bbe6cd9ea163 b6d2a7e6c700ae35 7523a7153bb34126/65
            paper/proposition56.yaml 19a942d3f6fa33d6 79acda51306c656b 3613104f65f60c4a c6eecd0966a004fc/105
            examples/quickstart.yaml b9568235147e0f0f ee21c24a0c229783 40858b7996bb371e ce310e63e2826a29/48
            """;

    static Stream<Arguments> specs() {
        return PINNED.lines().map(String::trim).filter(l -> !l.isEmpty()).map(l -> l.split(" "))
                .map(f -> Arguments.of(f[0], List.of(f[1], f[2], f[3]), f[4]));
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
