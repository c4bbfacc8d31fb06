package io.github.jdbcv2.source.enumerator;

import org.apache.flink.annotation.Internal;

import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.source.split.KeyType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ranges over any orderable column (string, uuid, date, timestamp, decimal, integer) whose boundaries come from the
 * database: the largest value of each of {@code n} equal-count buckets (found with {@code ROW_NUMBER() OVER (ORDER BY column)}), so
 * skewed data still gives splits of similar size. Equal boundaries merge; NULL keys get a split of their own.
 */
@Internal
public final class QuantileSplitAssigner extends AbstractJdbcSqlSplitAssigner {

    private static final Logger LOG = LoggerFactory.getLogger(QuantileSplitAssigner.class);

    private final String sql;
    private final String column;
    private final KeyType columnType;
    private final int partitions;
    private final String keyColumn;
    private final KeyType keyType;
    private final boolean keyUnique;

    QuantileSplitAssigner(JdbcSplitAssignerContext context, String column, KeyType columnType, int partitions) {
        this.sql = context.getSql();
        this.column = column;
        this.columnType = columnType;
        this.partitions = partitions;
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
    public List<JdbcSourceSplit> planSplits(Connection connection) throws SQLException {
        // The last row of each of n equal-count buckets; ROW_NUMBER rather than MAX: not every type has MAX (uuid).
        String boundariesSql =
                "SELECT " + column + " FROM (SELECT " + column + ", ROW_NUMBER() OVER (ORDER BY " + column
                        + ") AS jdbcv2_rn, COUNT(*) OVER () AS jdbcv2_cnt FROM " + SplitSql.derivedTable(sql)
                        + " WHERE " + column + " IS NOT NULL) jdbcv2_b WHERE FLOOR(jdbcv2_rn * " + partitions
                        + " / jdbcv2_cnt) > FLOOR((jdbcv2_rn - 1) * " + partitions
                        + " / jdbcv2_cnt) ORDER BY jdbcv2_rn";
        String nullsSql = "SELECT COUNT(*) - COUNT(" + column + ") FROM " + SplitSql.derivedTable(sql);
        List<Object> maxima = new ArrayList<>();
        long nulls;
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery(boundariesSql)) {
                while (rs.next()) {
                    maxima.add(columnType.read(rs, 1));
                }
            }
            try (ResultSet rs = s.executeQuery(nullsSql)) {
                rs.next();
                nulls = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new SQLException(
                    "Finding split boundaries of partition column '" + column + "' failed: " + e.getMessage(),
                    e.getSQLState(),
                    e);
        }
        List<JdbcSourceSplit> splits = new ArrayList<>();
        if (!maxima.isEmpty()) {
            // The last maximum is the column's maximum: the last split is open-ended instead.
            List<Object> boundaries = new ArrayList<>();
            for (int i = 0; i < maxima.size() - 1; i++) {
                Object b = maxima.get(i);
                if (boundaries.isEmpty() || !Objects.equals(boundaries.get(boundaries.size() - 1), b)) {
                    boundaries.add(b);
                }
            }
            if (boundaries.isEmpty()) {
                splits.add(range(0, column + " IS NOT NULL"));
            } else {
                splits.add(range(0, column + " <= ?", boundaries.get(0)));
                for (int i = 1; i < boundaries.size(); i++) {
                    splits.add(range(i, column + " > ? AND " + column + " <= ?", boundaries.get(i - 1), boundaries.get(i)));
                }
                splits.add(range(boundaries.size(), column + " > ?", boundaries.get(boundaries.size() - 1)));
            }
        }
        if (nulls > 0) {
            JdbcSourceSplit split = new JdbcSourceSplit("range-null", SplitSql.filter(sql, column + " IS NULL"), null);
            // Ordered by the declared unique key; when that is the partition column, reading any row fails naming it.
            splits.add(keyUnique ? split.withKey(keyColumn, keyType, true) : split);
        }
        LOG.info("Planned {} splits over column {} from database quantiles", splits.size(), column);
        return splits;
    }

    private JdbcSourceSplit range(int index, String condition, Object... parameters) {
        return new JdbcSourceSplit("range-" + index, SplitSql.filter(sql, condition), parameters)
                .withKey(keyColumn, keyType, keyUnique);
    }
}
