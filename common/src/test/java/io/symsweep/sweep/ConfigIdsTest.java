package io.symsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ids and seeds from SHA-256: the same on every machine, and different for different inputs. */
class ConfigIdsTest {

    private static byte[] sha256(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void idIsTheFirst64BitsOfSha256InHex() throws Exception {
        String id = ConfigIds.id("{\"kind\":\"rescaling-barrier\"}");
        assertEquals(ConfigIds.ID_HEX_DIGITS, id.length());
        assertEquals(HexFormat.of().formatHex(sha256("{\"kind\":\"rescaling-barrier\"}")).substring(0, 16), id);
        // SHA-256("abc") = ba7816bf 8f01cfea ... (FIPS 180-2, appendix B.1).
        assertEquals("ba7816bf8f01cfea", ConfigIds.id("abc"));
    }

    @Test
    void seedIsTheFirst64BitsOfSha256OfIdAndPurpose() throws Exception {
        // Golden values from Python, not from this code: struct.unpack('>q', hashlib.sha256(b'<id>/<purpose>')
        // .digest()[:8])[0].
        assertEquals(-9058681328091975453L, ConfigIds.seed("f00cc9fcb8921870", "init"));
        // Golden value; generator: the first 8 bytes, big-endian, of SHA-256("abc/init").
        assertEquals(ByteBuffer.wrap(sha256("abc/init")).getLong(), ConfigIds.seed("abc", "init"));
        assertEquals(-6349283256356658084L, ConfigIds.seed("abc", "init"));
    }

    @Test
    void seedDependsOnPurposeAndId() {
        assertNotEquals(ConfigIds.seed("abc", "init"), ConfigIds.seed("abc", "data"));
        assertNotEquals(ConfigIds.seed("abc", "init"), ConfigIds.seed("abd", "init"));
        Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seeds.add(ConfigIds.seed("config-" + i, "init"));
            seeds.add(ConfigIds.seed("config-" + i, "data"));
        }
        assertEquals(2000, seeds.size(), "no collisions among 2000 seeds");
        assertTrue(seeds.stream().anyMatch(s -> s < 0) && seeds.stream().anyMatch(s -> s > 0), "all 64 bits used");
    }
}
