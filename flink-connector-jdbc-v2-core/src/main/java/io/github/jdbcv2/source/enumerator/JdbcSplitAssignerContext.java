package io.github.jdbcv2.source.enumerator;

import io.github.jdbcv2.source.split.KeyType;

import org.apache.flink.annotation.PublicEvolving;

import javax.annotation.Nullable;

import java.io.Serializable;

/**
 * What an assigner knows of the source: its SQL, the number of placeholders in it and a declared
 * unique key.
 */
@PublicEvolving
public final class JdbcSplitAssignerContext implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String sql;
    private final int placeholderCount;
    @Nullable private final String uniqueKeyColumn;
    @Nullable private final KeyType uniqueKeyType;

    public JdbcSplitAssignerContext(
            String sql,
            int placeholderCount,
            @Nullable String uniqueKeyColumn,
            @Nullable KeyType uniqueKeyType) {
        this.sql = sql;
        this.placeholderCount = placeholderCount;
        this.uniqueKeyColumn = uniqueKeyColumn;
        this.uniqueKeyType = uniqueKeyType;
    }

    public String getSql() {
        return sql;
    }

    public int getPlaceholderCount() {
        return placeholderCount;
    }

    /**
     * A column declared unique (and not null) in the query's result, used to resume exactly-once
     * reads.
     */
    @Nullable
    public String getUniqueKeyColumn() {
        return uniqueKeyColumn;
    }

    @Nullable
    public KeyType getUniqueKeyType() {
        return uniqueKeyType;
    }

    /** True when {@code column} is the declared unique key. */
    public boolean isUniqueKey(String column) {
        return uniqueKeyColumn != null && uniqueKeyColumn.equalsIgnoreCase(column);
    }
}
