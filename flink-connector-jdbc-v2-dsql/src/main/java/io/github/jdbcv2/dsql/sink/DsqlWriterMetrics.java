package io.github.jdbcv2.dsql.sink;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.dsql.DsqlConnectionMetrics;
import io.github.jdbcv2.dsql.DsqlConnectionProvider;
import io.github.jdbcv2.sink.JdbcRetryPolicy;
import io.github.jdbcv2.sink.JdbcWriterMetricsHook;

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/**
 * The DSQL sink's per-writer metrics: the {@value DsqlSink#OCC_RETRIES} counter on the writer's own
 * {@link DsqlRetryPolicy} and the pool gauges of its own {@link DsqlConnectionProvider}.
 */
@Internal
final class DsqlWriterMetrics implements JdbcWriterMetricsHook {

    private static final long serialVersionUID = 1L;

    @Override
    public void register(
            SinkWriterMetricGroup group,
            JdbcConnectionProvider connectionProvider,
            JdbcRetryPolicy retryPolicy) {
        if (retryPolicy instanceof DsqlRetryPolicy) {
            ((DsqlRetryPolicy) retryPolicy).setOccRetryCounter(group.counter(DsqlSink.OCC_RETRIES));
        }
        if (connectionProvider instanceof DsqlConnectionProvider) {
            DsqlConnectionMetrics.register(group, (DsqlConnectionProvider) connectionProvider);
        }
    }
}
