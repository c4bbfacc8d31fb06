package io.github.jdbcv2.sink.writer;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.sink.JdbcBatchExecutorFactory;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcSinkWriter;
import io.github.jdbcv2.sink.committer.JdbcXaCommittable;
import io.github.jdbcv2.sink.xa.JdbcXaWriterState;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The at-least-once writer: every flush commits the buffered records in local transactions,
 * retrying as allowed. It hands the committer nothing and keeps no state (everything flushed is
 * committed by the time a checkpoint is taken).
 */
@Internal
public final class JdbcAtLeastOnceWriter<T> extends BufferingJdbcWriter<T>
        implements JdbcSinkWriter<T> {

    private final TransactionalBatchRunner<T> runner;

    public JdbcAtLeastOnceWriter(
            WriterInitContext context,
            JdbcExecutionOptions options,
            JdbcConnectionProvider connectionProvider,
            JdbcBatchExecutorFactory<T> executorFactory,
            JdbcErrorClassifier errorClassifier) {
        super(context, options);
        this.runner =
                new TransactionalBatchRunner<>(
                        connectionProvider,
                        executorFactory.create(),
                        options,
                        errorClassifier,
                        new JdbcWriterMetrics(context.metricGroup()));
    }

    @Override
    protected void flushBuffer() throws IOException, InterruptedException {
        runner.run(buffer.records());
        buffer.clear();
    }

    @Override
    public Collection<JdbcXaCommittable> prepareCommit() {
        return Collections.emptyList();
    }

    @Override
    public List<JdbcXaWriterState> snapshotState(long checkpointId) {
        return Collections.emptyList();
    }

    @Override
    public void close() throws Exception {
        cancelTimer();
        runner.close();
    }
}
