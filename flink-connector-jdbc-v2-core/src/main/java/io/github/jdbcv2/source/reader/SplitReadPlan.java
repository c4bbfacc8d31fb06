package io.github.jdbcv2.source.reader;

import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.source.split.KeyType;
import io.github.jdbcv2.source.split.SplitPosition;
import io.github.jdbcv2.source.sql.ColumnName;
import io.github.jdbcv2.source.sql.SourceSql;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

import java.io.IOException;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * How one split is read, decided once per split: whether its key is tracked (exactly-once, or
 * paging), whether it is read in pages, and the query text from the start and after a key.
 */
@Internal
final class SplitReadPlan {

    final JdbcSourceSplit split;

    /**
     * {@link JdbcRecordChunk#NO_KEY}, {@link JdbcRecordChunk#LONG_KEY} or {@link
     * JdbcRecordChunk#OBJECT_KEY}.
     */
    final byte keyMode;

    /** True when the split is read in keyset pages (paging on and the split has a unique key). */
    final boolean paged;

    @Nullable final Class<?> keyClass;
    private final String query;
    @Nullable private final String queryAfterKey;

    private SplitReadPlan(
            JdbcSourceSplit split, byte keyMode, boolean paged, @Nullable String limitClause) {
        this.split = split;
        this.keyMode = keyMode;
        this.paged = paged;
        KeyType type = split.getKeyType();
        this.keyClass = keyMode == JdbcRecordChunk.NO_KEY ? null : type.getJavaClass();
        String sql = split.getSql();
        String key = split.getKeyColumn();
        String limit = paged ? limitClause : null;
        boolean keyed = keyMode != JdbcRecordChunk.NO_KEY;
        this.query = keyed ? SourceSql.keyedRead(sql, key, false, limit) : sql;
        this.queryAfterKey = keyed ? SourceSql.keyedRead(sql, key, true, limit) : null;
    }

    /**
     * The plan for {@code split}; refuses exactly-once for a split without a unique key.
     *
     * @param pageLimitClause the clause ending a page's query, null without paging
     */
    static SplitReadPlan of(
            JdbcSourceSplit split, boolean exactlyOnce, @Nullable String pageLimitClause)
            throws IOException {
        KeyType type = split.getKeyType();
        if (exactlyOnce && (type == null || !split.isKeyUnique())) {
            throw new IOException(
                    "Cannot read split "
                            + split.splitId()
                            + " exactly-once: it has "
                            + (type == null
                                    ? "no key"
                                    : "the non-unique key '" + split.getKeyColumn() + "'")
                            + ", and resuming inside rows that tie (or by a row count) repeats and loses rows."
                            + " Exactly-once needs every split keyed by a unique key: declare one with"
                            + " setUniqueKey(...) (a custom split assigner keys its splits with"
                            + " JdbcSourceSplit.withKey(column, type, true)), or use AT_LEAST_ONCE.");
        }
        boolean paged = pageLimitClause != null && type != null && split.isKeyUnique();
        byte keyMode = JdbcRecordChunk.NO_KEY;
        if ((exactlyOnce || paged) && type != null) {
            keyMode = type == KeyType.LONG ? JdbcRecordChunk.LONG_KEY : JdbcRecordChunk.OBJECT_KEY;
        }
        return new SplitReadPlan(split, keyMode, paged, pageLimitClause);
    }

    boolean isKeyed() {
        return keyMode != JdbcRecordChunk.NO_KEY;
    }

    /**
     * True when the query from {@code position} skips the rows read with {@code key > ?} (which
     * skips NULLs too).
     */
    boolean readsAfterKey(SplitPosition position) {
        return isKeyed() && position.hasKey();
    }

    /** The query text to read on from {@code position}. */
    String sql(SplitPosition position) {
        return readsAfterKey(position) ? queryAfterKey : query;
    }

    /**
     * The values of the query's placeholders to read on from {@code position}: the split's, then
     * the last key.
     */
    Object[] parameters(SplitPosition position) {
        Object[] parameters = split.getParameters();
        if (!readsAfterKey(position)) {
            return parameters;
        }
        parameters = Arrays.copyOf(parameters, parameters.length + 1);
        parameters[parameters.length - 1] = position.getLastKey();
        return parameters;
    }

    /** Counts the rows whose key is NULL, which a query after a key never returns. */
    String nullKeyCountSql() {
        return SourceSql.nullKeyCount(split.getSql(), split.getKeyColumn());
    }

    /** The index of the key column among the query's result columns. */
    int keyIndex(ResultSetMetaData meta) throws SQLException {
        String column = split.getKeyColumn();
        String name = ColumnName.label(column);
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnLabel(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new SQLException(
                "Key column '"
                        + column
                        + "' is not among the query's result columns; select it in the query.");
    }

    /** The failure for a NULL in the unique key. */
    IOException nullKey() {
        String column = split.getKeyColumn();
        return new IOException(
                "Reading split "
                        + split.splitId()
                        + " failed: the unique key column '"
                        + column
                        + "' is NULL in a"
                        + " row of the query's result, but setUniqueKey declares a column that is unique and never"
                        + " NULL (a NULL key has no place in the key order, so it cannot be resumed after). Filter"
                        + " those rows out (WHERE "
                        + column
                        + " IS NOT NULL), declare another unique key, or read"
                        + " at-least-once without setUniqueKey and setPageSize.");
    }
}
