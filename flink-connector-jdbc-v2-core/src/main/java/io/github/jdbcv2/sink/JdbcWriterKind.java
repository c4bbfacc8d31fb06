package io.github.jdbcv2.sink;

import io.github.jdbcv2.sink.committer.JdbcXaCommittable;
import io.github.jdbcv2.sink.xa.JdbcXaWriterState;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.DeliveryGuarantee;

import java.io.IOException;
import java.io.Serializable;
import java.util.Collection;

/**
 * How a {@link JdbcSink} writes: at-least-once batches in local transactions ({@link
 * AtLeastOnceWriterKind}) or one XA transaction per checkpoint ({@link ExactlyOnceWriterKind}). The
 * sink is the same; the writer and committer vary.
 */
@Internal
abstract class JdbcWriterKind<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    abstract JdbcSinkWriter<T> createWriter(
            WriterInitContext context,
            Collection<JdbcXaWriterState> restored,
            JdbcExecutionOptions executionOptions,
            JdbcBatchExecutorFactory<T> executorFactory)
            throws IOException;

    abstract Committer<JdbcXaCommittable> createCommitter(CommitterInitContext context);

    abstract DeliveryGuarantee deliveryGuarantee();

    /** The kind's settings for {@code toString}; never secrets. */
    abstract String describe();
}
