package io.symsweep.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignPatternTest {

    @Test
    void labelsAndIndicesAreOneToOne() {
        Set<Integer> indices = new HashSet<>();
        for (SignPattern p : Fixtures.allPatterns(5)) {
            assertEquals(p, SignPattern.parse(p.label()));
            indices.add(p.index());
        }
        assertEquals(32, indices.size());
        assertEquals(32, SignPattern.count(5));
        assertEquals(2 + 8 + 16, SignPattern.parse("+-+--").index());
        assertEquals(1, SignPattern.parse("++-").firstDifference(SignPattern.parse("+--")));
        assertEquals(-1, SignPattern.parse("+-").firstDifference(SignPattern.parse("+-")));
        assertThrows(IllegalArgumentException.class, () -> new SignPattern(new int[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> SignPattern.parse("+x"));
    }
}
