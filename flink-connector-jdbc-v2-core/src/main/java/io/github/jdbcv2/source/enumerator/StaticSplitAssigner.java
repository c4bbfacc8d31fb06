package io.github.jdbcv2.source.enumerator;

import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.source.split.KeyType;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Splits known without asking the database: the user's query once, or once per explicit parameter
 * set. A declared unique key makes them resumable by keyset.
 */
@Internal
public final class StaticSplitAssigner extends AbstractJdbcSqlSplitAssigner {

    private final String sql;
    private final List<Object[]> parameterSets;
    @Nullable private final String keyColumn;
    @Nullable private final KeyType keyType;

    /** {@code parameterSets} empty: one split with the query as it is. */
    StaticSplitAssigner(JdbcSplitAssignerContext context, List<Object[]> parameterSets) {
        this.sql = context.getSql();
        this.parameterSets = parameterSets;
        this.keyColumn = context.getUniqueKeyColumn();
        this.keyType = context.getUniqueKeyType();
    }

    @Override
    public void open(Collection<JdbcSourceSplit> restoredSplits, @Nullable byte[] restoredState)
            throws IOException {
        super.open(restoredSplits, restoredState);
        if (restoredState == null) {
            addPlannedSplits(createSplits());
        }
    }

    private List<JdbcSourceSplit> createSplits() {
        List<JdbcSourceSplit> splits = new ArrayList<>();
        if (parameterSets.isEmpty()) {
            splits.add(keyed(new JdbcSourceSplit("single", sql, null)));
        } else {
            for (int i = 0; i < parameterSets.size(); i++) {
                splits.add(
                        keyed(
                                new JdbcSourceSplit(
                                        "parameters-" + i, sql, parameterSets.get(i).clone())));
            }
        }
        return splits;
    }

    private JdbcSourceSplit keyed(JdbcSourceSplit split) {
        return keyColumn == null ? split : split.withKey(keyColumn, keyType, true);
    }

    @Override
    public List<JdbcSourceSplit> planSplits(Connection connection) {
        return Collections.emptyList();
    }
}
