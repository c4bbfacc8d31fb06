package io.github.jdbcv2.dsql.sink;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

import io.github.jdbcv2.dsql.DsqlConnectionMetrics;
import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.dsql.DsqlConnectionProvider;
import io.github.jdbcv2.sink.JdbcBatchExecutorFactory;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcSink;

import java.io.IOException;

/**
 * An at-least-once {@link JdbcSink} for Aurora DSQL: pooled IAM connections, transactions within DSQL's limits, OCC
 * retries with jittered backoff, and DSQL metrics. Build it with {@link #builder(DsqlConnectionOptions)}.
 *
 * <pre>{@code
 * DsqlSink<Account> sink = DsqlSink.<Account>builder(dsqlOptions)
 *     .withUpsert("accounts", List.of("id", "owner", "balance"), List.of("id"),
 *         (ps, a) -> { ps.setLong(1, a.id); ps.setString(2, a.owner); ps.setBigDecimal(3, a.balance); },
 *         a -> a.id)
 *     .build();
 * }</pre>
 */
@PublicEvolving
public final class DsqlSink<T> extends JdbcSink<T> {

    private static final long serialVersionUID = 1L;

    /** Counter of transactions replayed after an optimistic concurrency conflict (SQLSTATE 40001). */
    public static final String OCC_RETRIES = "dsqlOccRetries";

    // The same objects as inside the JdbcSink (Java serialization keeps shared references), so the writer's copy
    // of the policy counts into this writer's metric group and the pool gauges read the writer's provider.
    private final DsqlConnectionProvider provider;
    private final DsqlRetryPolicy retryPolicy;

    DsqlSink(
            JdbcExecutionOptions executionOptions,
            JdbcBatchExecutorFactory<T> executorFactory,
            DsqlConnectionProvider provider,
            DsqlRetryPolicy retryPolicy) {
        super(executionOptions, executorFactory, provider);
        this.provider = provider;
        this.retryPolicy = retryPolicy;
    }

    /** A builder writing through connections opened with {@code options}. */
    public static <T> DsqlSinkBuilder<T> builder(DsqlConnectionOptions options) {
        return new DsqlSinkBuilder<>(options);
    }

    /** The retry policy, the same object as in {@link #getExecutionOptions()} (for tests). */
    DsqlRetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        SinkWriterMetricGroup group = context.metricGroup();
        retryPolicy.setOccRetryCounter(group.counter(OCC_RETRIES));
        DsqlConnectionMetrics.register(group, provider);
        return super.createWriter(context);
    }
}
