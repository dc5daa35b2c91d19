package io.symsweep.sweep;

import io.symsweep.failure.EnvironmentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The text of a spec, checked before any YAML is parsed, in one pass over the bytes each, so that rejecting
 * any input costs time linear in its size (at most {@link #MAX_BYTES} are ever read):
 * <ul>
 *   <li>at most {@link #MAX_BYTES} bytes (a regular file's size is checked before it is opened);</li>
 *   <li>UTF-8, naming the byte offset of the first byte that is not (a file with a NUL byte is called binary,
 *       one with a UTF-16 or UTF-32 byte-order mark is named as such);</li>
 *   <li>YAML's printable characters only (YAML 1.1, section 5.1: tab, line breaks, U+0020-U+007E, U+0085,
 *       U+00A0-U+D7FF, U+E000-U+FFFD and above U+FFFF);</li>
 *   <li>lines of at most {@link #MAX_LINE_CHARS} characters. SnakeYAML's reader copies the unread part of its
 *       window each time it reads 1024 more characters, so a scalar, comment or run of spaces of length
 *       {@code L} costs {@code O(L^2 / 1024)}: measured 0.3 s at 1 MB, 4.5 s at 4 MB. Bounding the line bounds
 *       every such run and makes parsing linear (at most {@code MAX_LINE_CHARS / 1024} copies per character).</li>
 * </ul>
 */
public final class SpecText {

    /** The largest spec, in bytes: 1 MiB. The paper's specs are under 2 KB. */
    public static final int MAX_BYTES = 1 << 20;

    /** The longest line, in characters. */
    public static final int MAX_LINE_CHARS = 100_000;

    private SpecText() {
    }

    /**
     * The text of {@code file}, checked up to its lines (which {@link #checkText} checks). A missing file, a folder, an oversized or non-text file is a
     * {@link SpecException} naming the file; a file that cannot be read (permissions, I/O) an
     * {@link EnvironmentException}.
     */
    public static String read(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw SpecException.ofSpec(source, "is a folder, not a spec file");
            }
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw tooLarge(source, Files.size(file) + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                // A pipe or device has no size to check first: read one byte more than allowed.
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new SpecException("", "no such file: " + file);
        } catch (AccessDeniedException e) {
            throw new EnvironmentException(source + ": cannot read the spec: permission denied", e);
        } catch (IOException e) {
            throw new EnvironmentException(source + ": cannot read the spec: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(source, "more than " + MAX_BYTES + " bytes");
        }
        return decode(bytes, source);
    }

    private static SpecException tooLarge(String source, String size) {
        return SpecException.ofSpec(source, "is " + size + "; a spec may be at most " + MAX_BYTES
                + " bytes (1 MiB)");
    }

    /** {@code bytes} as UTF-8 text of printable characters, or a {@link SpecException} naming the first bad byte. */
    static String decode(byte[] bytes, String source) {
        String bom = byteOrderMark(bytes);
        if (bom != null) {
            throw SpecException.ofSpec(source, "is " + bom + " text (it starts with a " + bom + " byte-order mark); "
                    + "save the spec as UTF-8");
        }
        int nul = indexOf(bytes, (byte) 0);
        int malformed = firstMalformed(bytes);
        int control = firstControl(bytes, malformed < 0 ? bytes.length : malformed);
        if (nul >= 0) {
            int first = min(nul, min(malformed, control));
            throw SpecException.ofSpec(source, "is a binary file, not YAML text (byte " + hex(bytes[first])
                    + " at offset " + first + ")");
        }
        if (malformed >= 0 && (control < 0 || malformed < control)) {
            throw SpecException.ofSpec(source, "is not UTF-8 text: byte " + hex(bytes[malformed]) + " at offset "
                    + malformed + " (" + position(bytes, malformed) + ") is not valid UTF-8; save the spec as UTF-8");
        }
        if (control >= 0) {
            throw SpecException.ofSpec(source, "control character " + codePoint(bytes, control) + " at offset "
                    + control + " (" + position(bytes, control) + "); a spec is plain text");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Checks text given directly or read by {@link #read}: at most {@link #MAX_BYTES} characters, printable
     * characters only, and lines of at most {@link #MAX_LINE_CHARS} characters.
     */
    static void checkText(String text, String source) {
        if (text.length() > MAX_BYTES) {
            throw tooLarge(source, text.length() + " characters");
        }
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!printable(c)) {
                throw SpecException.ofSpec(source, "control character " + String.format("U+%04X", c) + " at line "
                        + line + ", column " + column + "; a spec is plain text");
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(c);
        }
        checkLines(text, source);
    }

    /** Lines of at most {@link #MAX_LINE_CHARS} characters (line breaks: LF, CR, CR LF). */
    static void checkLines(String text, String source) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                if (i - start > MAX_LINE_CHARS) {
                    throw SpecException.ofSpec(source, "line " + line + " is " + (i - start) + " characters long; "
                            + "a spec's lines may be at most " + MAX_LINE_CHARS + " characters (break long lists "
                            + "over several lines)");
                }
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** YAML 1.1 printable characters (section 5.1). */
    static boolean printable(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static String byteOrderMark(byte[] b) {
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return "UTF-32";
        }
        if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE)) {
            return "UTF-16";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Offset of the first byte of the first malformed UTF-8 sequence, or -1. */
    private static int firstMalformed(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                r = decoder.flush(out);
                return r.isError() ? in.position() : -1;
            }
            out.clear();
        }
    }

    /**
     * Offset of the first character outside YAML's printable set among the first {@code end} bytes (valid
     * UTF-8), or -1. C0 controls and DEL are single bytes; C1 controls are C2 80 to C2 9F; U+FFFE and U+FFFF
     * are EF BF BE and EF BF BF.
     */
    private static int firstControl(byte[] b, int end) {
        for (int i = 0; i < end; i++) {
            int x = b[i] & 0xFF;
            if ((x < 0x20 && x != 0x9 && x != 0xA && x != 0xD) || x == 0x7F) {
                return i;
            }
            if (x == 0xC2 && i + 1 < end && (b[i + 1] & 0xFF) >= 0x80 && (b[i + 1] & 0xFF) <= 0x9F
                    && (b[i + 1] & 0xFF) != 0x85) {
                return i;
            }
            if (x == 0xEF && i + 2 < end && (b[i + 1] & 0xFF) == 0xBF && ((b[i + 2] & 0xFF) == 0xBE
                    || (b[i + 2] & 0xFF) == 0xBF)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, byte value) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int min(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    private static String hex(byte b) {
        return String.format("0x%02X", b & 0xFF);
    }

    private static String codePoint(byte[] b, int offset) {
        int end = Math.min(b.length, offset + 3);
        String s = new String(b, offset, end - offset, StandardCharsets.UTF_8);
        return String.format("U+%04X", s.codePointAt(0));
    }

    /** "line L, column C" of a byte offset whose preceding bytes are valid UTF-8; columns count characters. */
    private static String position(byte[] b, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (b[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String prefix;
        try {
            prefix = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, lineStart, offset - lineStart))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("the bytes before the first malformed one decode", e);
        }
        return "line " + line + ", column " + (prefix.codePointCount(0, prefix.length()) + 1);
    }
}
