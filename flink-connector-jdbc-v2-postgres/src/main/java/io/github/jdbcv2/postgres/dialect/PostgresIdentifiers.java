package io.github.jdbcv2.postgres.dialect;

import org.apache.flink.annotation.Internal;

/**
 * Quotes PostgreSQL identifiers. A dotted name ({@code schema.table}) is quoted part by part; a
 * part that is already double-quoted ({@code "My.Table"}) is kept as written, so a name containing
 * a dot can be passed pre-quoted.
 */
@Internal
final class PostgresIdentifiers {

    private PostgresIdentifiers() {}

    static String quote(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException(
                    "A PostgreSQL identifier must not be null or empty, got: "
                            + (identifier == null ? "null" : "''"));
        }
        int n = identifier.length();
        StringBuilder out = new StringBuilder(n + 8);
        int start = 0;
        while (true) {
            int end = identifier.charAt(start) == '"' ? endOfQuotedPart(identifier, start) : -1;
            if (end > 0 && (end == n || identifier.charAt(end) == '.')) {
                out.append(identifier, start, end);
            } else {
                end = identifier.indexOf('.', start);
                if (end < 0) {
                    end = n;
                }
                if (end == start) {
                    throw emptyPart(identifier);
                }
                appendQuoted(out, identifier, start, end);
            }
            if (end == n) {
                return out.toString();
            }
            out.append('.');
            start = end + 1;
            if (start == n) {
                throw emptyPart(identifier);
            }
        }
    }

    /**
     * The index just after the quote closing the quoted part opened at {@code start}, or -1 if it
     * is not closed.
     */
    private static int endOfQuotedPart(String s, int start) {
        for (int i = start + 1; i < s.length(); i++) {
            if (s.charAt(i) == '"') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static void appendQuoted(StringBuilder out, String s, int from, int to) {
        out.append('"');
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static IllegalArgumentException emptyPart(String identifier) {
        return new IllegalArgumentException(
                "The identifier '"
                        + identifier
                        + "' has an empty part; expected a name like table, schema.table "
                        + "or \"Name.With.Dots\".");
    }
}
