package io.symsweep.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifiers and random seeds derived from canonical forms with SHA-256, so they are the same on every
 * machine, JVM and partitioning.
 */
public final class ConfigIds {

    /** Hex digits of a configuration id (64 bits). */
    public static final int ID_HEX_DIGITS = 16;

    private ConfigIds() {
    }

    /** The id of a canonical form: the first 64 bits of its SHA-256, in hex. */
    public static String id(String canonicalForm) {
        return HexFormat.of().formatHex(sha256(canonicalForm), 0, ID_HEX_DIGITS / 2);
    }

    /** A 64-bit seed for one purpose ({@code "init"}, {@code "data"}) of the thing identified by {@code id}. */
    public static long seed(String id, String purpose) {
        byte[] h = sha256(id + "/" + purpose);
        long s = 0;
        for (int i = 0; i < 8; i++) {
            s = (s << 8) | (h[i] & 0xffL);
        }
        return s;
    }

    /** Ids from one reused SHA-256 digest, for a thread that hashes many canonical forms (not thread-safe). */
    public static final class Hasher {

        private final MessageDigest sha = digest();

        /** {@link ConfigIds#id} of {@code canonicalForm}. */
        public String id(String canonicalForm) {
            return HexFormat.of().formatHex(sha.digest(canonicalForm.getBytes(StandardCharsets.UTF_8)), 0,
                    ID_HEX_DIGITS / 2);
        }
    }

    /** A new {@link Hasher}. */
    public static Hasher hasher() {
        return new Hasher();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
