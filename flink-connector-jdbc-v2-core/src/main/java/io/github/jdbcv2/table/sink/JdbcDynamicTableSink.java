package io.github.jdbcv2.table.sink;

import io.github.jdbcv2.table.JdbcTableContext;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.sink.DynamicTableSink;

/** The sink side of a {@code 'jdbc-v2'} table: append or upsert on the Sink V2 {@code JdbcSink}. */
@Internal
public final class JdbcDynamicTableSink implements DynamicTableSink {

    private final JdbcTableContext context;

    public JdbcDynamicTableSink(JdbcTableContext context) {
        this.context = context;
    }

    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        return requestedMode;
    }

    @Override
    public SinkRuntimeProvider getSinkRuntimeProvider(Context runtimeContext) {
        throw new UnsupportedOperationException("sink: being built");
    }

    @Override
    public DynamicTableSink copy() {
        return new JdbcDynamicTableSink(context);
    }

    @Override
    public String asSummaryString() {
        return "JDBC-v2: " + context.tableName();
    }
}
