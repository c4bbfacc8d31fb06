package io.github.jdbcv2.source.enumerator;

import org.apache.flink.annotation.Internal;

import io.github.jdbcv2.source.sql.QueryText;

/** Builds the SQL of splits by filtering the user's query as a derived table. */
@Internal
public final class SplitSql {

    /** Alias of the user's query inside split queries. */
    public static final String ALIAS = "jdbcv2_q";

    private SplitSql() {}

    /** {@code SELECT * FROM (sql\n) jdbcv2_q WHERE condition}. */
    public static String filter(String sql, String condition) {
        return "SELECT * FROM " + derivedTable(sql) + " WHERE " + condition;
    }

    /** {@code (sql\n) jdbcv2_q}: the user's query as a derived table, safe with a trailing comment or terminator. */
    public static String derivedTable(String sql) {
        return QueryText.parenthesized(sql) + ' ' + ALIAS;
    }
}
