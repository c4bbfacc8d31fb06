package io.github.jdbcv2.table.source;

import io.github.jdbcv2.dialect.CommitHorizonProbe;
import io.github.jdbcv2.dialect.JdbcDialectLoader;
import io.github.jdbcv2.dialect.JdbcV2Factory;
import io.github.jdbcv2.source.ContinuousUnBoundingSettings;
import io.github.jdbcv2.source.JdbcReadOptions;
import io.github.jdbcv2.source.JdbcSource;
import io.github.jdbcv2.source.JdbcSourceBuilder;
import io.github.jdbcv2.source.enumerator.JdbcSplitAssigners;
import io.github.jdbcv2.source.enumerator.JdbcSqlSplitAssigner;
import io.github.jdbcv2.source.reader.extractor.RowDataResultExtractor;
import io.github.jdbcv2.source.split.KeyType;
import io.github.jdbcv2.table.JdbcPushedFilter;
import io.github.jdbcv2.table.JdbcTableContext;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.expressions.ResolvedExpression;
import org.apache.flink.table.types.logical.RowType;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * Builds the FLIP-27 {@link JdbcSource} of a table scan: the query ({@link #query}), the split
 * assigner (partition ranges, narrowed by the pushed filters; the increasing column of a continuous
 * scan; one split otherwise) and the read options. Runs at planning time.
 */
@Internal
final class JdbcScanRuntime {

    private JdbcScanRuntime() {}

    /** What the scan reads: columns, filter and limit. */
    static final class Query {
        final String sql;
        final Serializable[] parameters;

        /** Whether the query has a LIMIT (then it is read as one split). */
        final boolean limited;

        Query(String sql, Serializable[] parameters, boolean limited) {
            this.sql = sql;
            this.parameters = parameters;
            this.limited = limited;
        }
    }

    /**
     * {@code SELECT <projected columns, then the key columns the source needs> FROM <table> [WHERE
     * <pushed filter>] [ORDER BY <unique key>] [<limit clause>]}. Every name is quoted by the
     * dialect and every value is a placeholder, so neither a comment nor a {@code ;} in a name can
     * end the statement early.
     */
    static Query query(
            JdbcTableContext table,
            JdbcScanSpec spec,
            int[] projected,
            @Nullable JdbcPushedFilter filter,
            long limit) {
        StringBuilder sql = new StringBuilder(64).append("SELECT ");
        boolean[] selected = new boolean[table.columns().size()];
        int count = 0;
        for (int i : projected) {
            sql.append(count++ == 0 ? "" : ", ").append(table.quotedColumn(i));
            selected[i] = true;
        }
        // Columns the splits filter or order by, after the produced ones (the converter reads
        // only the produced ones, by position).
        for (int i : new int[] {spec.partitionIndex, spec.uniqueKeyIndex, spec.increasingIndex}) {
            if (i >= 0 && !selected[i]) {
                sql.append(count++ == 0 ? "" : ", ").append(table.quotedColumn(i));
                selected[i] = true;
            }
        }
        if (count == 0) {
            // Nothing projected (e.g. COUNT(*)): one column stands for each row.
            sql.append(table.quotedColumn(0));
        }
        sql.append(" FROM ").append(table.quotedTableName());
        if (filter != null) {
            sql.append(" WHERE ").append(filter.predicate());
        }
        boolean limited = limit >= 0 && !spec.continuous();
        if (limited) {
            if (spec.uniqueKeyIndex >= 0) {
                // The same rows whenever the query is run again (resume after a failure).
                sql.append(" ORDER BY ").append(table.quotedColumn(spec.uniqueKeyIndex));
            }
            sql.append(' ').append(table.dialect().getLimitClause(limit));
        }
        return new Query(
                sql.toString(),
                filter == null ? new Serializable[0] : filter.parameters(),
                limited);
    }

    static JdbcSource<RowData> source(
            JdbcTableContext table,
            JdbcScanSpec spec,
            Query query,
            List<ResolvedExpression> pushedFilters,
            RowType producedType,
            TypeInformation<RowData> producedTypeInfo) {
        JdbcReadOptions read = spec.readOptions;
        JdbcSourceBuilder<RowData> builder =
                JdbcSource.<RowData>builder()
                        .setSql(query.sql)
                        .setConnectionProvider(table.providerFactory().create())
                        .setResultExtractor(
                                new RowDataResultExtractor(
                                        table.dialect().getRowConverter(producedType)))
                        .setTypeInformation(producedTypeInfo)
                        .setDeliveryGuarantee(read.getDeliveryGuarantee())
                        .setResultSetFetchSize(read.getFetchSize())
                        .setAutoCommit(read.isAutoCommit())
                        .setSplitReaderFetchBatchSize(read.getBatchSize())
                        .setMaxReconnectAttempts(read.getMaxReconnectAttempts())
                        .setPageSize(read.getPageSize())
                        .setBulkReadEnabled(spec.bulkRead);
        if (spec.uniqueKeyIndex >= 0) {
            builder.setUniqueKey(
                    table.quotedColumn(spec.uniqueKeyIndex), spec.uniqueKeyType.getJavaClass());
        }
        JdbcSqlSplitAssigner.Provider assigner = null;
        if (spec.continuous()) {
            builder.setContinuousUnBoundingSettings(
                    new ContinuousUnBoundingSettings(Duration.ZERO, spec.discoveryInterval));
            assigner =
                    JdbcSplitAssigners.incremental(
                            table.quotedColumn(spec.increasingIndex),
                            spec.increasingType.getJavaClass(),
                            spec.lag.getValues(),
                            spec.lag.getDuration(),
                            horizonProbe(table));
        } else if (spec.partitioned() && !query.limited) {
            assigner = partitions(table, spec, pushedFilters);
        }
        if (assigner != null) {
            builder.setJdbcSqlSplitAssignerProvider(
                    FilterBindingAssigners.bind(assigner, query.sql, query.parameters));
        } else if (query.parameters.length > 0) {
            builder.setParameterValues(new Object[][] {query.parameters});
        }
        table.preset().configureSource(builder, table);
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    "The scan of table '" + table.tableName() + "' is invalid: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Ranges over the partition column: integer columns split evenly between the bounds (given,
     * narrowed by the filters, or found with MIN/MAX of the filtered rows), other types at
     * quantiles of the filtered rows.
     */
    private static JdbcSqlSplitAssigner.Provider partitions(
            JdbcTableContext table, JdbcScanSpec spec, List<ResolvedExpression> pushedFilters) {
        String column = table.quotedColumn(spec.partitionIndex);
        if (spec.partitionType != KeyType.LONG) {
            return JdbcSplitAssigners.quantiles(
                    column, spec.partitionType.getJavaClass(), spec.partitionNum);
        }
        long[] bounds =
                bounds(
                        spec.lowerBound,
                        spec.upperBound,
                        JdbcFilterTranslator.integerRange(
                                pushedFilters, table.columns().flinkName(spec.partitionIndex)));
        return bounds == null
                ? JdbcSplitAssigners.numericRange(column, spec.partitionNum)
                : JdbcSplitAssigners.numericRange(column, spec.partitionNum, bounds[0], bounds[1]);
    }

    /**
     * The bounds to split between: the given ones narrowed to the filter's range, or the filter's
     * range when it is closed on both sides; null to find them with MIN/MAX.
     */
    @Nullable
    static long[] bounds(@Nullable Long lower, @Nullable Long upper, @Nullable long[] filter) {
        if (filter == null) {
            // The filters match no value of the column: nothing to split.
            return new long[] {0, 0};
        }
        boolean closed = filter[0] != Long.MIN_VALUE && filter[1] != Long.MAX_VALUE;
        if (lower == null) {
            return closed ? filter : null;
        }
        long lo = Math.max(lower, filter[0]);
        long hi = Math.min(upper, filter[1]);
        if (lo <= hi) {
            return new long[] {lo, hi};
        }
        return closed ? filter : new long[] {lower, upper};
    }

    @Nullable
    private static CommitHorizonProbe horizonProbe(JdbcTableContext table) {
        JdbcV2Factory factory =
                JdbcDialectLoader.findV2Factory(
                        table.connectionOptions().getDbURL(),
                        Thread.currentThread().getContextClassLoader());
        return factory == null ? null : factory.createCommitHorizonProbe();
    }
}
