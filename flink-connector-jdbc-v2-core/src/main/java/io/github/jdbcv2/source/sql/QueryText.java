package io.github.jdbcv2.source.sql;

import org.apache.flink.annotation.Internal;

/**
 * Prepares the user's query for nesting in the queries the source builds ({@code SELECT ... FROM
 * (query) alias}, {@code COPY (query) TO STDOUT}): the statement terminator goes, and the closing
 * parenthesis goes on a line of its own so that a trailing {@code -- comment} cannot swallow it.
 */
@Internal
public final class QueryText {

    private QueryText() {}

    /**
     * {@code (query\n)}: the query without its terminator, as a parenthesised subquery.
     *
     * @throws IllegalArgumentException when the text holds more than one statement
     */
    public static String parenthesized(String sql) {
        String query = withoutTerminator(sql);
        return new StringBuilder(query.length() + 3)
                .append('(')
                .append(query)
                .append("\n)")
                .toString();
    }

    /**
     * The query without trailing {@code ;} terminators (those followed by nothing but whitespace,
     * comments and other terminators); semicolons inside literals, quoted names and comments stay.
     *
     * @throws IllegalArgumentException when a {@code ;} is followed by more SQL: the text holds
     *     more than one statement
     */
    public static String withoutTerminator(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        int firstTerminator = -1;
        int n = sql.length();
        for (int i = 0; i < n; ) {
            char c = sql.charAt(i);
            int end = lexer.tokenEnd(i);
            if (c == ';') {
                if (firstTerminator < 0) {
                    firstTerminator = i;
                }
            } else if (firstTerminator >= 0
                    && !Character.isWhitespace(c)
                    && !lexer.isCommentAt(i)) {
                throw new IllegalArgumentException(
                        "Invalid JDBC source option 'sql': a ';' at position "
                                + firstTerminator
                                + " is followed by more SQL, but the source reads one query; give one query"
                                + " (a single trailing ';' is allowed).");
            }
            i = end;
        }
        if (firstTerminator < 0) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length());
        for (int i = 0; i < n; ) {
            int end = lexer.tokenEnd(i);
            if (i < firstTerminator || sql.charAt(i) != ';') {
                out.append(sql, i, end);
            }
            i = end;
        }
        return out.toString();
    }
}
