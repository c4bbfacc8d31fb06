package io.github.jdbcv2.sink;

import io.github.jdbcv2.sink.committer.JdbcXaCommittable;
import io.github.jdbcv2.sink.committer.JdbcXaCommittableSerializer;
import io.github.jdbcv2.sink.xa.JdbcXaWriterState;
import io.github.jdbcv2.sink.xa.JdbcXaWriterStateSerializer;

import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;

/**
 * The Sink V2 JDBC sink, at-least-once or exactly-once (XA). Build it with {@link #builder()}:
 * {@link JdbcSinkBuilder#buildAtLeastOnce} writes batches in local transactions, {@link
 * JdbcSinkBuilder#buildExactlyOnce} one XA transaction per checkpoint. One sink class; the writer
 * and committer vary with the guarantee (the at-least-once writer keeps no state and hands the
 * committer nothing).
 *
 * <pre>{@code
 * JdbcSink<Order> sink = JdbcSink.<Order>builder()
 *     .withQueryStatement(
 *         "INSERT INTO orders (id, name) VALUES (?, ?)",
 *         (ps, o) -> { ps.setLong(1, o.id); ps.setString(2, o.name); })
 *     .withExecutionOptions(JdbcExecutionOptions.builder().withBatchSize(5000).withBatchIntervalMs(200).build())
 *     .buildAtLeastOnce(connectionOptions);
 * }</pre>
 */
@PublicEvolving
public final class JdbcSink<T>
        implements WriterInitContextSink<T>,
                SupportsWriterState<T, JdbcXaWriterState>,
                SupportsCommitter<JdbcXaCommittable> {

    private static final long serialVersionUID = 1L;

    private final JdbcExecutionOptions executionOptions;
    private final JdbcBatchExecutorFactory<T> executorFactory;
    private final JdbcWriterKind<T> kind;

    JdbcSink(
            JdbcExecutionOptions executionOptions,
            JdbcBatchExecutorFactory<T> executorFactory,
            JdbcWriterKind<T> kind) {
        this.executionOptions = executionOptions;
        this.executorFactory = executorFactory;
        this.kind = kind;
    }

    /** A builder; see {@link JdbcSinkBuilder} for the options. */
    public static <T> JdbcSinkBuilder<T> builder() {
        return new JdbcSinkBuilder<>();
    }

    @Internal
    @Override
    public JdbcSinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return restoreWriter(context, Collections.emptyList());
    }

    @Internal
    @Override
    public JdbcSinkWriter<T> restoreWriter(
            WriterInitContext context, Collection<JdbcXaWriterState> recoveredState)
            throws IOException {
        return kind.createWriter(context, recoveredState, executionOptions, executorFactory);
    }

    /**
     * Unchanged from the exactly-once sink of earlier versions: savepoints of its writers restore.
     */
    @Internal
    @Override
    public SimpleVersionedSerializer<JdbcXaWriterState> getWriterStateSerializer() {
        return new JdbcXaWriterStateSerializer();
    }

    @Internal
    @Override
    public Committer<JdbcXaCommittable> createCommitter(CommitterInitContext context) {
        return kind.createCommitter(context);
    }

    /**
     * Unchanged from the exactly-once sink of earlier versions: savepoints of its committers
     * restore.
     */
    @Internal
    @Override
    public SimpleVersionedSerializer<JdbcXaCommittable> getCommittableSerializer() {
        return new JdbcXaCommittableSerializer();
    }

    /** The execution options the builder settled on. */
    @VisibleForTesting
    public JdbcExecutionOptions getExecutionOptions() {
        return executionOptions;
    }

    @Override
    public String toString() {
        return "JdbcSink{"
                + kind.deliveryGuarantee()
                + ", statement="
                + executorFactory.describe()
                + ", "
                + executionOptions
                + ", "
                + kind.describe()
                + '}';
    }
}
