package io.github.jdbcv2.source.enumerator;

import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.source.split.KeyType;
import io.github.jdbcv2.source.sql.SourceSql;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

/**
 * Makes the splits of the user's query over ranges of one column, each keyed by the declared unique
 * key, else by that column (not unique: at-least-once only).
 */
@Internal
final class RangeSplits {

    /** Id of the split of the rows with NULL in the column. */
    private static final String NULL_ID = "range-null";

    private final String sql;
    private final String column;
    private final String keyColumn;
    private final KeyType keyType;
    private final boolean keyUnique;

    RangeSplits(JdbcSplitAssignerContext context, String column, KeyType columnType) {
        this.sql = context.getSql();
        this.column = column;
        String uniqueKey = context.getUniqueKeyColumn();
        this.keyColumn = uniqueKey != null ? uniqueKey : column;
        this.keyType = uniqueKey != null ? context.getUniqueKeyType() : columnType;
        this.keyUnique = uniqueKey != null;
    }

    /**
     * The rows with the column in {@code (lower, upper]}, a null bound leaving that side open
     * (both: not NULL).
     */
    JdbcSourceSplit range(String id, @Nullable Object lower, @Nullable Object upper) {
        Object[] parameters =
                lower != null && upper != null
                        ? new Object[] {lower, upper}
                        : lower != null
                                ? new Object[] {lower}
                                : upper != null ? new Object[] {upper} : null;
        return new JdbcSourceSplit(
                        id, SourceSql.range(sql, column, lower != null, upper != null), parameters)
                .withKey(keyColumn, keyType, keyUnique);
    }

    /**
     * The rows with NULL in the column, ordered by the declared unique key if there is one; when
     * that is the column itself, reading any row here fails naming it.
     */
    JdbcSourceSplit nulls() {
        JdbcSourceSplit split = new JdbcSourceSplit(NULL_ID, SourceSql.nulls(sql, column), null);
        return keyUnique ? split.withKey(keyColumn, keyType, true) : split;
    }

    /** Id of the {@code index}-th range split. */
    static String rangeId(int index) {
        return "range-" + index;
    }
}
