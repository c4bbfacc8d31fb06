package io.github.jdbcv2.source.enumerator;

import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.source.split.KeyType;
import io.github.jdbcv2.source.sql.SourceSql;

import org.apache.flink.annotation.Internal;

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
 * Ranges over any orderable column (string, uuid, date, timestamp, decimal, integer) whose
 * boundaries come from the database: the largest value of each of {@code n} equal-count buckets
 * (found with {@code ROW_NUMBER() OVER (ORDER BY column)}), so skewed data still gives splits of
 * similar size. Equal boundaries merge; NULL keys get a split of their own.
 */
@Internal
public final class QuantileSplitAssigner extends AbstractJdbcSqlSplitAssigner {

    private static final Logger LOG = LoggerFactory.getLogger(QuantileSplitAssigner.class);

    private final String sql;
    private final String column;
    private final KeyType columnType;
    private final int partitions;
    private final RangeSplits splits;

    QuantileSplitAssigner(
            JdbcSplitAssignerContext context, String column, KeyType columnType, int partitions) {
        this.sql = context.getSql();
        this.column = column;
        this.columnType = columnType;
        this.partitions = partitions;
        this.splits = new RangeSplits(context, column, columnType);
    }

    @Override
    public List<JdbcSourceSplit> planSplits(Connection connection) throws SQLException {
        List<Object> maxima = new ArrayList<>();
        long nulls;
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery(SourceSql.quantileBoundaries(sql, column, partitions))) {
                while (rs.next()) {
                    maxima.add(columnType.read(rs, 1));
                }
            }
            try (ResultSet rs = s.executeQuery(SourceSql.nullCount(sql, column))) {
                rs.next();
                nulls = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new SQLException(
                    "Finding split boundaries of partition column '"
                            + column
                            + "' failed: "
                            + e.getMessage(),
                    e.getSQLState(),
                    e);
        }
        List<JdbcSourceSplit> planned = new ArrayList<>();
        if (!maxima.isEmpty()) {
            // The last maximum is the column's maximum: the last split is open-ended instead.
            List<Object> boundaries = new ArrayList<>();
            for (int i = 0; i < maxima.size() - 1; i++) {
                Object b = maxima.get(i);
                if (boundaries.isEmpty()
                        || !Objects.equals(boundaries.get(boundaries.size() - 1), b)) {
                    boundaries.add(b);
                }
            }
            // Range i is (boundary i-1, boundary i]; the first and the last are open on their outer
            // side.
            int n = boundaries.size();
            for (int i = 0; i <= n; i++) {
                Object lower = i == 0 ? null : boundaries.get(i - 1);
                Object upper = i == n ? null : boundaries.get(i);
                planned.add(splits.range(RangeSplits.rangeId(i), lower, upper));
            }
        }
        if (nulls > 0) {
            planned.add(splits.nulls());
        }
        LOG.info(
                "Planned {} splits over column {} from database quantiles", planned.size(), column);
        return planned;
    }
}
