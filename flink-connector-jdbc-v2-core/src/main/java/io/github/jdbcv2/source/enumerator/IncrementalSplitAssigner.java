package io.github.jdbcv2.source.enumerator;

import org.apache.flink.annotation.Internal;

import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.source.split.KeyType;
import io.github.jdbcv2.source.split.TypedValues;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Continuous mode: each discovery reads {@code MAX(column)} and, when it grew past the high-water mark, adds the split
 * {@code mark < column <= max}. The mark is checkpointed, so new rows are read once across failures. Assumes values
 * of the column become visible in increasing order; rows with NULL in the column are never read.
 */
@Internal
public final class IncrementalSplitAssigner extends AbstractJdbcSqlSplitAssigner {

    private static final Logger LOG = LoggerFactory.getLogger(IncrementalSplitAssigner.class);

    private final String sql;
    private final String column;
    private final KeyType columnType;
    private final String keyColumn;
    private final KeyType keyType;
    private final boolean keyUnique;

    /** The largest value already covered by a split; written on the coordinator thread, read by discovery. */
    @Nullable private volatile Object highWaterMark;

    IncrementalSplitAssigner(JdbcSplitAssignerContext context, String column, KeyType columnType) {
        this.sql = context.getSql();
        this.column = column;
        this.columnType = columnType;
        if (context.getUniqueKeyColumn() != null) {
            this.keyColumn = context.getUniqueKeyColumn();
            this.keyType = context.getUniqueKeyType();
            this.keyUnique = true;
        } else {
            this.keyColumn = column;
            this.keyType = columnType;
            this.keyUnique = false;
        }
    }

    @Override
    public boolean isBounded() {
        return false;
    }

    @Override
    public boolean needsPlanning() {
        return true;
    }

    @Override
    public boolean isFinished() {
        return false;
    }

    @Nullable
    public Object getHighWaterMark() {
        return highWaterMark;
    }

    @Override
    public List<JdbcSourceSplit> planSplits(Connection connection) throws SQLException {
        Object from = highWaterMark;
        Object max;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(" + column + ") FROM " + SplitSql.derivedTable(sql))) {
            rs.next();
            max = columnType.read(rs, 1);
        }
        if (max == null || (from != null && compare(max, from) <= 0)) {
            return Collections.emptyList();
        }
        JdbcSourceSplit split =
                from == null
                        ? new JdbcSourceSplit("incremental-(,"  + max + "]", SplitSql.filter(sql, column + " <= ?"), new Object[] {max})
                        : new JdbcSourceSplit(
                                "incremental-(" + from + "," + max + "]",
                                SplitSql.filter(sql, column + " > ? AND " + column + " <= ?"),
                                new Object[] {from, max});
        return Collections.singletonList(split.withKey(keyColumn, keyType, keyUnique));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    @Override
    public void addPlannedSplits(List<JdbcSourceSplit> splits) {
        for (JdbcSourceSplit split : splits) {
            Object[] p = split.getParameters();
            Object from = p.length == 1 ? null : p[0];
            if (!Objects.equals(from, highWaterMark)) {
                LOG.debug("Dropping stale discovery {} (mark is now {})", split.splitId(), highWaterMark);
                continue;
            }
            highWaterMark = p[p.length - 1];
            pending.add(split);
            LOG.info("Discovered new rows: split {}", split.splitId());
        }
    }

    @Override
    protected void writeState(DataOutput out) throws IOException {
        TypedValues.write(highWaterMark, out);
    }

    @Override
    protected void readState(DataInput in) throws IOException {
        highWaterMark = TypedValues.read(in);
    }
}
