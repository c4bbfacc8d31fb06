package io.github.jdbcv2.source;

import org.apache.flink.annotation.Internal;

/**
 * Counts JDBC placeholders ({@code ?}) outside string literals, quoted identifiers and comments.
 */
@Internal
final class SqlPlaceholders {

    private SqlPlaceholders() {}

    static int count(String sql) {
        int count = 0;
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                i = end < 0 ? n : end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
            } else if (c == '?') {
                if (i + 1 < n && sql.charAt(i + 1) == '?') {
                    // '??' is an escaped '?' operator (e.g. PostgreSQL jsonb), not a placeholder.
                    i++;
                } else {
                    count++;
                }
            }
        }
        return count;
    }
}
