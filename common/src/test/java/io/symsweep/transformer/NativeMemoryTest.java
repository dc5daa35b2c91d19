package io.symsweep.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {

    private static final long MB = 1 << 20;

    @Test
    void aCollectionIsDueOnlyPastTheAllowanceAboveWhatTheLastOneLeft() {
        NativeMemory.Watermark w = new NativeMemory.Watermark(512 * MB);
        assertFalse(w.due(3000 * MB), "the first reading sets the mark");
        assertFalse(w.due(3512 * MB), "exactly the allowance above the mark");
        assertTrue(w.due(3513 * MB));
        w.collected(3400 * MB);
        assertFalse(w.due(3900 * MB), "the mark is what the collection left, not the first reading");
        assertTrue(w.due(3913 * MB));
    }

    @Test
    void aLargeFixedFootprintDoesNotCollectOnEveryGraph() {
        // A process whose collections free nothing (everything resident is live): one collection per allowance of
        // growth, not one per reading.
        NativeMemory.Watermark w = new NativeMemory.Watermark(512 * MB);
        List<Long> collections = new ArrayList<>();
        long resident = 6000 * MB;
        for (int graph = 0; graph < 100; graph++) {
            resident += 40 * MB;
            if (w.due(resident)) {
                collections.add(resident);
                w.collected(resident);
            }
        }
        // 100 graphs of 40 MB: 4000 MB of growth, a collection each time 13 graphs (520 MB) have piled up.
        assertEquals(7, collections.size(), collections.toString());
        assertEquals(6000 * MB + 14 * 40 * MB, collections.get(0));
    }
}
