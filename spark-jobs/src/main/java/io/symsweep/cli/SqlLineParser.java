package io.symsweep.cli;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * The shell's reading of its input buffer for JLine. Enter accepts the buffer when it is complete: it ends
 * its last statement with {@code ;} outside strings and comments ({@link SqlText}), or is a backslash
 * command ({@code \d}), a {@code quit} or {@code exit}, or blank; otherwise JLine asks for another line
 * (the {@link EOFError} is JLine's signal for that). For completion the word under the cursor is the run
 * of identifier characters around it, so {@code b.fac} completes {@code fac}.
 */
final class SqlLineParser implements Parser {

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !isComplete(line)) {
            throw new EOFError(-1, -1, "a statement ends with ;", ";");
        }
        int start = cursor;
        while (start > 0 && isIdentifierPart(line.charAt(start - 1))) {
            start--;
        }
        int end = cursor;
        while (end < line.length() && isIdentifierPart(line.charAt(end))) {
            end++;
        }
        return new Word(line, cursor, line.substring(start, end), cursor - start);
    }

    /** True when Enter should run {@code buffer} rather than continue it on a new line. */
    static boolean isComplete(String buffer) {
        String t = buffer.strip();
        return t.isEmpty() || t.startsWith("\\") || isQuit(t) || SqlText.scan(buffer).complete();
    }

    /** {@code quit}, {@code exit}, with or without {@code ;}, any case. */
    static boolean isQuit(String stripped) {
        String w = stripped.endsWith(";") ? stripped.substring(0, stripped.length() - 1).strip() : stripped;
        return w.equalsIgnoreCase("quit") || w.equalsIgnoreCase("exit");
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The line with the identifier under the cursor as its only word; candidates are inserted as they are. */
    private record Word(String line, int cursor, String word, int wordCursor) implements CompletingParsedLine {

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }
    }
}
