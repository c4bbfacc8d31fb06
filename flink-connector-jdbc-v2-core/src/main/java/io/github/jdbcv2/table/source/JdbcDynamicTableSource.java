package io.github.jdbcv2.table.source;

import io.github.jdbcv2.table.FilterHandlingPolicy;
import io.github.jdbcv2.table.JdbcPushedFilter;
import io.github.jdbcv2.table.JdbcTableConfigOptions;
import io.github.jdbcv2.table.JdbcTableContext;
import io.github.jdbcv2.table.lookup.JdbcLookupRuntime;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.SourceProvider;
import org.apache.flink.table.connector.source.abilities.SupportsFilterPushDown;
import org.apache.flink.table.connector.source.abilities.SupportsLimitPushDown;
import org.apache.flink.table.connector.source.abilities.SupportsProjectionPushDown;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.expressions.ResolvedExpression;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

import javax.annotation.Nullable;

import java.util.ArrayList;
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

    /** The scan options resolved against the columns (checked when the table is planned). */
    private final JdbcScanSpec scan;

    /** Indexes of the produced columns among the physical columns. */
    private int[] projectedFields;

    private DataType producedDataType;
    @Nullable private JdbcPushedFilter filter;

    /** The filters pushed into {@link #filter}, for pruning partitions. */
    private List<ResolvedExpression> pushedFilters = Collections.emptyList();

    private long limit = -1;

    public JdbcDynamicTableSource(JdbcTableContext context) {
        this.context = context;
        this.scan = JdbcScanSpec.of(context);
        this.producedDataType = context.physicalRowDataType();
        this.projectedFields = IntStream.range(0, context.columns().size()).toArray();
    }

    private JdbcDynamicTableSource(JdbcDynamicTableSource other) {
        this.context = other.context;
        this.scan = other.scan;
        this.projectedFields = other.projectedFields.clone();
        this.producedDataType = other.producedDataType;
        this.filter = other.filter;
        this.pushedFilters = other.pushedFilters;
        this.limit = other.limit;
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext runtimeProviderContext) {
        JdbcScanRuntime.Query query =
                JdbcScanRuntime.query(context, scan, projectedFields, filter, limit);
        TypeInformation<RowData> typeInfo =
                runtimeProviderContext.createTypeInformation(producedDataType);
        return SourceProvider.of(
                JdbcScanRuntime.source(
                        context,
                        scan,
                        query,
                        pushedFilters,
                        (RowType) producedDataType.getLogicalType(),
                        typeInfo),
                scan.parallelism);
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
        if (context.options().get(JdbcTableConfigOptions.FILTER_HANDLING_POLICY)
                == FilterHandlingPolicy.NEVER) {
            return Result.of(Collections.emptyList(), filters);
        }
        JdbcFilterTranslator translator = new JdbcFilterTranslator(context);
        List<ResolvedExpression> all = new ArrayList<>(pushedFilters);
        List<JdbcFilterTranslator.Sql> predicates = new ArrayList<>();
        for (ResolvedExpression f : pushedFilters) {
            predicates.add(translator.translate(f));
        }
        List<ResolvedExpression> accepted = new ArrayList<>();
        List<ResolvedExpression> remaining = new ArrayList<>();
        for (ResolvedExpression f : filters) {
            JdbcFilterTranslator.Sql sql = translator.translate(f);
            if (sql == null) {
                remaining.add(f);
            } else {
                accepted.add(f);
                predicates.add(sql);
            }
        }
        all.addAll(accepted);
        this.pushedFilters = Collections.unmodifiableList(all);
        this.filter = JdbcFilterTranslator.and(predicates);
        return Result.of(accepted, remaining);
    }

    @Override
    public void applyLimit(long limit) {
        this.limit = limit;
    }

    @Override
    public DynamicTableSource copy() {
        return new JdbcDynamicTableSource(this);
    }

    /** The table and how it is read; never the URL's credentials or the connection properties. */
    @Override
    public String asSummaryString() {
        return "JDBC-v2: " + context.tableName();
    }
}
