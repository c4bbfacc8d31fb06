package io.github.jdbcv2.source.sql;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

/**
 * Every query text the source builds around the user's query: the split ranges, the queries that
 * plan them, and the keyed (ordered, resumed, paged) read of a split. Column names come checked by
 * {@link ColumnName}; values are always {@code ?} placeholders. Built per split or per planning
 * round, never per row.
 */
@Internal
public final class SourceSql {

    /** Alias of the user's query inside split and planning queries. */
    public static final String QUERY_ALIAS = "jdbcv2_q";

    /** Alias of a split's query inside its keyed read. */
    public static final String SPLIT_ALIAS = "jdbcv2_r";

    private SourceSql() {}

    // Split ranges over the partition (or increasing) column.

    /**
     * The rows of {@code sql} with {@code column} in a range: {@code > ?} when {@code lower},
     * {@code <= ?} when {@code upper} (lower bound first), and {@code IS NOT NULL} when neither.
     */
    public static String range(String sql, String column, boolean lower, boolean upper) {
        String condition;
        if (lower && upper) {
            condition = column + " > ? AND " + column + " <= ?";
        } else if (lower) {
            condition = column + " > ?";
        } else if (upper) {
            condition = column + " <= ?";
        } else {
            condition = column + " IS NOT NULL";
        }
        return filter(sql, condition);
    }

    /** The rows of {@code sql} where {@code column} is NULL. */
    public static String nulls(String sql, String column) {
        return filter(sql, column + " IS NULL");
    }

    // Planning queries.

    /** {@code MIN(column), MAX(column)} and the number of NULLs in it. */
    public static String bounds(String sql, String column) {
        return "SELECT MIN("
                + column
                + "), MAX("
                + column
                + "), COUNT(*) - COUNT("
                + column
                + ") FROM "
                + derivedTable(sql);
    }

    /** The number of NULLs in {@code column}. */
    public static String nullCount(String sql, String column) {
        return "SELECT COUNT(*) - COUNT(" + column + ") FROM " + derivedTable(sql);
    }

    /**
     * The last value of each of {@code buckets} equal-count buckets of the non-NULL values of
     * {@code column}, in order; ROW_NUMBER rather than MAX, as not every type has MAX (uuid).
     */
    public static String quantileBoundaries(String sql, String column, int buckets) {
        return "SELECT "
                + column
                + " FROM (SELECT "
                + column
                + ", ROW_NUMBER() OVER (ORDER BY "
                + column
                + ") AS jdbcv2_rn, COUNT(*) OVER () AS jdbcv2_cnt FROM "
                + derivedTable(sql)
                + " WHERE "
                + column
                + " IS NOT NULL) jdbcv2_b WHERE FLOOR(jdbcv2_rn * "
                + buckets
                + " / jdbcv2_cnt) > FLOOR((jdbcv2_rn - 1) * "
                + buckets
                + " / jdbcv2_cnt) ORDER BY jdbcv2_rn";
    }

    /**
     * {@code MAX(column)}, with the database's {@code LOCALTIMESTAMP} as a second column when
     * {@code withClock}.
     */
    public static String maximum(String sql, String column, boolean withClock) {
        return "SELECT MAX("
                + column
                + ")"
                + (withClock ? ", LOCALTIMESTAMP" : "")
                + " FROM "
                + derivedTable(sql);
    }

    /**
     * Selects {@code column} and no row: its type, or an error when the query's result has no such
     * column.
     */
    public static String columnProbe(String sql, String column) {
        return "SELECT " + column + " FROM " + derivedTable(sql) + " WHERE 1 = 0";
    }

    // Reading a split.

    /**
     * A split's query ordered by its unique key {@code key}: after the last key read ({@code key >
     * ?}) when {@code afterKey}, and ended by {@code limitClause} (one page) unless it is null.
     */
    public static String keyedRead(
            String splitSql, String key, boolean afterKey, @Nullable String limitClause) {
        StringBuilder q =
                new StringBuilder(splitSql.length() + 96)
                        .append("SELECT * FROM ")
                        .append(QueryText.parenthesized(splitSql))
                        .append(' ')
                        .append(SPLIT_ALIAS);
        if (afterKey) {
            q.append(" WHERE ").append(key).append(" > ?");
        }
        q.append(" ORDER BY ").append(key);
        if (limitClause != null) {
            q.append(' ').append(limitClause);
        }
        return q.toString();
    }

    /**
     * Counts the rows of a split's query whose key is NULL: the rows {@code key > ?} never returns.
     */
    public static String nullKeyCount(String splitSql, String key) {
        return "SELECT COUNT(*) FROM "
                + QueryText.parenthesized(splitSql)
                + ' '
                + SPLIT_ALIAS
                + " WHERE "
                + key
                + " IS NULL";
    }

    /** The limit clause when the dialect names none: {@code LIMIT rows}. */
    public static String limit(int rows) {
        return "LIMIT " + rows;
    }

    /**
     * {@code (sql\n) jdbcv2_q}: the user's query as a derived table, safe with a trailing comment
     * or terminator.
     */
    private static String derivedTable(String sql) {
        return QueryText.parenthesized(sql) + ' ' + QUERY_ALIAS;
    }

    private static String filter(String sql, String condition) {
        return "SELECT * FROM " + derivedTable(sql) + " WHERE " + condition;
    }
}
