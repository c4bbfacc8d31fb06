package io.github.jdbcv2.source.enumerator;

import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.source.split.KeyType;
import io.github.jdbcv2.source.sql.SourceSql;

import org.apache.flink.annotation.Internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Equal-width ranges over an integer column, bounds given or found with one {@code MIN/MAX} query.
 * The first and last ranges are open so rows outside given bounds are still read; NULL keys get a
 * split of their own. Arithmetic is exact (no overflow near {@code Long.MIN_VALUE}/{@code
 * Long.MAX_VALUE}).
 */
@Internal
public final class NumericRangeSplitAssigner extends AbstractJdbcSqlSplitAssigner {

    private static final Logger LOG = LoggerFactory.getLogger(NumericRangeSplitAssigner.class);

    private final String sql;
    private final String column;
    private final int partitions;
    @Nullable private final Long lowerBound;
    @Nullable private final Long upperBound;
    private final RangeSplits splits;

    NumericRangeSplitAssigner(
            JdbcSplitAssignerContext context,
            String column,
            int partitions,
            @Nullable Long lowerBound,
            @Nullable Long upperBound) {
        this.sql = context.getSql();
        this.column = column;
        this.partitions = partitions;
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.splits = new RangeSplits(context, column, KeyType.LONG);
    }

    @Override
    public List<JdbcSourceSplit> planSplits(Connection connection) throws SQLException {
        if (lowerBound != null) {
            return ranges(lowerBound, upperBound, true);
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(SourceSql.bounds(sql, column))) {
            int type = rs.getMetaData().getColumnType(1);
            if (type != Types.BIGINT
                    && type != Types.INTEGER
                    && type != Types.SMALLINT
                    && type != Types.TINYINT) {
                throw new IllegalArgumentException(
                        "Partition column '"
                                + column
                                + "' has SQL type "
                                + rs.getMetaData().getColumnTypeName(1)
                                + "; numeric range partitioning needs an integer column (smallint, integer, bigint)."
                                + " For other types use setPartitioning(column, partitions, keyType) with String,"
                                + " UUID, LocalDate, LocalDateTime or BigDecimal.");
            }
            rs.next();
            long min = rs.getLong(1);
            boolean empty = rs.wasNull();
            long max = rs.getLong(2);
            long nulls = rs.getLong(3);
            List<JdbcSourceSplit> planned = empty ? new ArrayList<>() : ranges(min, max, false);
            if (nulls > 0) {
                planned.add(splits.nulls());
            }
            LOG.info(
                    "Planned {} splits over column {} in [{}, {}]",
                    planned.size(),
                    column,
                    min,
                    max);
            return planned;
        } catch (SQLException e) {
            throw new SQLException(
                    "Finding the bounds of partition column '"
                            + column
                            + "' failed: "
                            + e.getMessage(),
                    e.getSQLState(),
                    e);
        }
    }

    private List<JdbcSourceSplit> ranges(long min, long max, boolean alwaysNullSplit) {
        List<JdbcSourceSplit> planned = new ArrayList<>();
        BigInteger lower = BigInteger.valueOf(min);
        BigInteger span = BigInteger.valueOf(max).subtract(lower).add(BigInteger.ONE);
        int n =
                span.compareTo(BigInteger.valueOf(partitions)) < 0
                        ? span.intValueExact()
                        : partitions;
        if (n <= 1) {
            planned.add(splits.range(RangeSplits.rangeId(0), null, null));
        } else {
            BigInteger count = BigInteger.valueOf(n);
            long previousEnd = 0;
            for (int i = 0; i < n; i++) {
                // Range i ends at 'end' inclusive and starts after the previous end: no bound
                // leaves the long range.
                long end =
                        lower.add(span.multiply(BigInteger.valueOf(i + 1)).divide(count))
                                .subtract(BigInteger.ONE)
                                .longValueExact();
                planned.add(
                        splits.range(
                                RangeSplits.rangeId(i),
                                i == 0 ? null : previousEnd,
                                i == n - 1 ? null : end));
                previousEnd = end;
            }
        }
        if (alwaysNullSplit) {
            planned.add(splits.nulls());
        }
        return planned;
    }
}
