package io.github.jdbcv2.source.enumerator;

import org.apache.flink.annotation.Internal;

/** Builds the SQL of splits by filtering the user's query as a derived table. */
@Internal
public final class SplitSql {

    /** Alias of the user's query inside split queries. */
    public static final String ALIAS = "jdbcv2_q";

    private SplitSql() {}

    /** {@code SELECT * FROM (sql) jdbcv2_q WHERE condition}. */
    public static String filter(String sql, String condition) {
        return "SELECT * FROM (" + stripTrailingSemicolon(sql) + ") " + ALIAS + " WHERE " + condition;
    }

    /** The query without a trailing semicolon or whitespace, so that it can be nested. */
    public static String stripTrailingSemicolon(String sql) {
        int end = sql.length();
        while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
            end--;
        }
        return sql.substring(0, end);
    }
}
