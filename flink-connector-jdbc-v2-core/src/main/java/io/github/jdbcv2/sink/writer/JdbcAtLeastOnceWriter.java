package io.github.jdbcv2.sink.writer;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.sink.JdbcBatchExecutorFactory;
import io.github.jdbcv2.sink.JdbcExecutionOptions;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.IOException;

/** The at-least-once writer: every flush commits the buffered records in local transactions, retrying as allowed. */
@Internal
public final class JdbcAtLeastOnceWriter<T> extends BufferingJdbcWriter<T> {

    private final TransactionalBatchRunner<T> runner;

    public JdbcAtLeastOnceWriter(
            WriterInitContext context,
            JdbcExecutionOptions options,
            JdbcConnectionProvider connectionProvider,
            JdbcBatchExecutorFactory<T> executorFactory) {
        super(context, options);
        this.runner =
                new TransactionalBatchRunner<>(
                        connectionProvider,
                        executorFactory.create(),
                        options,
                        new JdbcWriterMetrics(context.metricGroup()));
    }

    @Override
    protected void flushBuffer() throws IOException, InterruptedException {
        runner.run(buffer.records());
        buffer.clear();
    }

    @Override
    public void close() throws Exception {
        cancelTimer();
        runner.close();
    }
}
