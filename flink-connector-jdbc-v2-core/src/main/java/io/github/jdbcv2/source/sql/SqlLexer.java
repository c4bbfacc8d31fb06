package io.github.jdbcv2.source.sql;

import org.apache.flink.annotation.Internal;

/**
 * Walks SQL text token by token as far as nesting it needs: string literals ({@code '...'}, {@code
 * E'...'} with backslash escapes), quoted identifiers ({@code "..."}, {@code `...`}), dollar quotes
 * ({@code $tag$...$tag$}), line comments and (nested) block comments are skipped as a whole;
 * everything else is one character.
 */
@Internal
final class SqlLexer {

    private final String sql;
    private final int length;

    SqlLexer(String sql) {
        this.sql = sql;
        this.length = sql.length();
    }

    /** True when {@code i} starts a comment. */
    boolean isCommentAt(int i) {
        char c = sql.charAt(i);
        return i + 1 < length
                && ((c == '-' && sql.charAt(i + 1) == '-')
                        || (c == '/' && sql.charAt(i + 1) == '*'));
    }

    /**
     * The index just after the token that starts at {@code i} (unterminated tokens run to the end).
     */
    int tokenEnd(int i) {
        char c = sql.charAt(i);
        if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
            int end = sql.indexOf('\n', i);
            return end < 0 ? length : end + 1;
        }
        if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
            return blockCommentEnd(i);
        }
        if (c == '\'') {
            return stringEnd(i, isEscapeStringPrefix(i));
        }
        if (c == '"' || c == '`') {
            int end = sql.indexOf(c, i + 1);
            // A doubled quote inside starts the next quoted token right away: the same name
            // continues.
            return end < 0 ? length : end + 1;
        }
        if (c == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
            int tagEnd = dollarTagEnd(i);
            if (tagEnd > 0) {
                String tag = sql.substring(i, tagEnd);
                int end = sql.indexOf(tag, tagEnd);
                return end < 0 ? length : end + tag.length();
            }
        }
        return i + 1;
    }

    private int blockCommentEnd(int start) {
        int depth = 0;
        int i = start;
        while (i < length) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return length;
    }

    private int stringEnd(int start, boolean backslashEscapes) {
        int i = start + 1;
        while (i < length) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < length && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return length;
    }

    /** {@code E'...'}: the E stands alone, not at the end of a longer word. */
    private boolean isEscapeStringPrefix(int quote) {
        if (quote == 0) {
            return false;
        }
        char e = sql.charAt(quote - 1);
        return (e == 'E' || e == 'e') && (quote == 1 || !isIdentifierPart(sql.charAt(quote - 2)));
    }

    /**
     * The index after {@code $tag$} starting at {@code i}, or -1 when {@code i} starts no dollar
     * quote.
     */
    private int dollarTagEnd(int i) {
        int j = i + 1;
        if (j < length && Character.isDigit(sql.charAt(j))) {
            // $1 is a positional parameter, not a dollar quote.
            return -1;
        }
        while (j < length && sql.charAt(j) != '$') {
            if (!isIdentifierPart(sql.charAt(j))) {
                return -1;
            }
            j++;
        }
        return j < length ? j + 1 : -1;
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
