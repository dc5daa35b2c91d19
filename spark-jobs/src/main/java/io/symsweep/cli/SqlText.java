package io.symsweep.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Spark SQL text split into statements at the semicolons that end them: a {@code ;} inside a string
 * ({@code '...'}, {@code "..."}, backslash escapes as in Spark's lexer), a quoted identifier
 * ({@code `...`}) or a comment ({@code -- ...}, nested {@code /* ... *}{@code /}) ends nothing. A doubled
 * quote ({@code 'it''s'}) closes and reopens the string, which scans the same. One pass, linear time.
 *
 * @param statements the complete statements, trimmed, without their {@code ;}; segments of only
 *                   comments and blanks are dropped
 * @param rest       the text after the last complete statement
 * @param complete   true when {@code rest} holds nothing but blanks and closed comments, so the text
 *                   may be run as it is
 */
record SqlText(List<String> statements, String rest, boolean complete) {

    SqlText {
        statements = List.copyOf(statements);
    }

    static SqlText scan(CharSequence text) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        boolean content = false;
        char quote = 0;
        boolean lineComment = false;
        int blockDepth = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : 0;
            if (lineComment) {
                lineComment = c != '\n';
            } else if (blockDepth > 0) {
                if (c == '*' && next == '/') {
                    blockDepth--;
                    i++;
                } else if (c == '/' && next == '*') {
                    blockDepth++;
                    i++;
                }
            } else if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '-' && next == '-') {
                lineComment = true;
                i++;
            } else if (c == '/' && next == '*') {
                blockDepth = 1;
                i++;
            } else if (c == ';') {
                if (content) {
                    statements.add(text.subSequence(start, i).toString().trim());
                }
                start = i + 1;
                content = false;
            } else if (!Character.isWhitespace(c)) {
                content = true;
                if (c == '\'' || c == '"' || c == '`') {
                    quote = c;
                }
            }
        }
        boolean open = quote != 0 || blockDepth > 0;
        return new SqlText(statements, text.subSequence(start, n).toString(), !open && !content);
    }
}
