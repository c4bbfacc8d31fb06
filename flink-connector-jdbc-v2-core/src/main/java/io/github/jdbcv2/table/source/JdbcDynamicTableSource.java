package io.github.jdbcv2.table.source;

import io.github.jdbcv2.table.JdbcPushedFilter;
import io.github.jdbcv2.table.JdbcTableContext;
import io.github.jdbcv2.table.lookup.JdbcLookupRuntime;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.abilities.SupportsFilterPushDown;
import org.apache.flink.table.connector.source.abilities.SupportsLimitPushDown;
import org.apache.flink.table.connector.source.abilities.SupportsProjectionPushDown;
import org.apache.flink.table.expressions.ResolvedExpression;
import org.apache.flink.table.types.DataType;

import javax.annotation.Nullable;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The scan and lookup side of a {@code 'jdbc-v2'} table: a FLIP-27 {@code JdbcSource} for scans,
 * lookup functions for lookup joins; projection, filter and limit push-down.
 */
@Internal
public final class JdbcDynamicTableSource
        implements ScanTableSource,
                LookupTableSource,
                SupportsProjectionPushDown,
                SupportsFilterPushDown,
                SupportsLimitPushDown {

    private final JdbcTableContext context;

    /** Indexes of the produced columns among the physical columns. */
    private int[] projectedFields;

    private DataType producedDataType;
    @Nullable private JdbcPushedFilter filter;
    private long limit = -1;

    public JdbcDynamicTableSource(JdbcTableContext context) {
        this.context = context;
        this.producedDataType = context.physicalRowDataType();
        this.projectedFields = IntStream.range(0, context.columns().size()).toArray();
    }

    private JdbcDynamicTableSource(JdbcDynamicTableSource other) {
        this.context = other.context;
        this.projectedFields = other.projectedFields.clone();
        this.producedDataType = other.producedDataType;
        this.filter = other.filter;
        this.limit = other.limit;
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext runtimeProviderContext) {
        throw new UnsupportedOperationException("scan: being built");
    }

    @Override
    public LookupRuntimeProvider getLookupRuntimeProvider(LookupContext lookupContext) {
        return JdbcLookupRuntime.provider(
                context, projectedFields, producedDataType, lookupContext.getKeys(), filter);
    }

    @Override
    public boolean supportsNestedProjection() {
        return false;
    }

    @Override
    public void applyProjection(int[][] projectedFields, DataType producedDataType) {
        this.projectedFields = new int[projectedFields.length];
        for (int i = 0; i < projectedFields.length; i++) {
            this.projectedFields[i] = projectedFields[i][0];
        }
        this.producedDataType = producedDataType;
    }

    @Override
    public Result applyFilters(List<ResolvedExpression> filters) {
        return Result.of(Collections.emptyList(), filters);
    }

    @Override
    public void applyLimit(long limit) {
        this.limit = limit;
    }

    @Override
    public DynamicTableSource copy() {
        return new JdbcDynamicTableSource(this);
    }

    @Override
    public String asSummaryString() {
        return "JDBC-v2: " + context.tableName();
    }
}
