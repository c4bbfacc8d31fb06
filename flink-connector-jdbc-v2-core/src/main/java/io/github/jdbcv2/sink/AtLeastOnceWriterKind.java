package io.github.jdbcv2.sink;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.sink.committer.JdbcXaCommittable;
import io.github.jdbcv2.sink.writer.JdbcAtLeastOnceWriter;
import io.github.jdbcv2.sink.xa.JdbcXaWriterState;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.DeliveryGuarantee;

import javax.annotation.Nullable;

import java.util.Collection;

/**
 * At-least-once: every flush commits local transactions over the provider's connection; nothing to
 * commit later.
 */
@Internal
final class AtLeastOnceWriterKind<T> extends JdbcWriterKind<T> {

    private static final long serialVersionUID = 1L;

    private final JdbcConnectionProvider connectionProvider;
    private final JdbcErrorClassifier errorClassifier;
    @Nullable private final JdbcWriterMetricsHook metricsHook;

    AtLeastOnceWriterKind(
            JdbcConnectionProvider connectionProvider,
            JdbcErrorClassifier errorClassifier,
            @Nullable JdbcWriterMetricsHook metricsHook) {
        this.connectionProvider = connectionProvider;
        this.errorClassifier = errorClassifier;
        this.metricsHook = metricsHook;
    }

    @Override
    JdbcSinkWriter<T> createWriter(
            WriterInitContext context,
            Collection<JdbcXaWriterState> restored,
            JdbcExecutionOptions executionOptions,
            JdbcBatchExecutorFactory<T> executorFactory) {
        // `restored` is empty: this writer never snapshots state.
        if (metricsHook != null) {
            metricsHook.register(
                    context.metricGroup(), connectionProvider, executionOptions.getRetryPolicy());
        }
        return new JdbcAtLeastOnceWriter<>(
                context, executionOptions, connectionProvider, executorFactory, errorClassifier);
    }

    @Override
    Committer<JdbcXaCommittable> createCommitter(CommitterInitContext context) {
        return new NothingToCommit();
    }

    @Override
    DeliveryGuarantee deliveryGuarantee() {
        return DeliveryGuarantee.AT_LEAST_ONCE;
    }

    JdbcErrorClassifier errorClassifier() {
        return errorClassifier;
    }

    @Override
    String describe() {
        return "connection=" + connectionProvider;
    }

    /** The at-least-once writer commits itself: its committer never receives a committable. */
    private static final class NothingToCommit implements Committer<JdbcXaCommittable> {
        @Override
        public void commit(Collection<CommitRequest<JdbcXaCommittable>> requests) {
            for (CommitRequest<JdbcXaCommittable> request : requests) {
                request.signalFailedWithUnknownReason(
                        new IllegalStateException(
                                "The at-least-once JDBC sink received a committable it never creates: "
                                        + request.getCommittable()));
            }
        }

        @Override
        public void close() {}
    }
}
