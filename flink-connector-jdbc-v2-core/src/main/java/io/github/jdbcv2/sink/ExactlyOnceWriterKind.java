package io.github.jdbcv2.sink;

import io.github.jdbcv2.sink.committer.JdbcXaCommittable;
import io.github.jdbcv2.sink.committer.JdbcXaCommitter;
import io.github.jdbcv2.sink.xa.JdbcXaWriter;
import io.github.jdbcv2.sink.xa.JdbcXaWriterState;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.util.function.SerializableSupplier;

import javax.sql.XADataSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.UUID;

/**
 * Exactly-once: XA transactions prepared per checkpoint, committed by the committer when the
 * checkpoint completes.
 */
@Internal
final class ExactlyOnceWriterKind<T> extends JdbcWriterKind<T> {

    private static final long serialVersionUID = 1L;

    private final JdbcExactlyOnceOptions exactlyOnceOptions;
    private final SerializableSupplier<XADataSource> dataSourceSupplier;

    /**
     * Random per built sink: every subtask and every restart of this job graph share it, while a
     * job started anew from a savepoint (another build) gets its own, so that it never takes
     * another job's transactions for its own.
     */
    private final byte[] runId;

    ExactlyOnceWriterKind(
            JdbcExactlyOnceOptions exactlyOnceOptions,
            SerializableSupplier<XADataSource> dataSourceSupplier) {
        this.exactlyOnceOptions = exactlyOnceOptions;
        this.dataSourceSupplier = dataSourceSupplier;
        this.runId = newRunId();
    }

    private static byte[] newRunId() {
        UUID uuid = UUID.randomUUID();
        return ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
    }

    @Override
    JdbcSinkWriter<T> createWriter(
            WriterInitContext context,
            Collection<JdbcXaWriterState> restored,
            JdbcExecutionOptions executionOptions,
            JdbcBatchExecutorFactory<T> executorFactory)
            throws IOException {
        return new JdbcXaWriter<>(
                context,
                restored,
                executionOptions,
                exactlyOnceOptions,
                runId,
                dataSourceSupplier.get(),
                executorFactory);
    }

    @Override
    Committer<JdbcXaCommittable> createCommitter(CommitterInitContext context) {
        return new JdbcXaCommitter(dataSourceSupplier, exactlyOnceOptions, context.metricGroup());
    }

    @Override
    DeliveryGuarantee deliveryGuarantee() {
        return DeliveryGuarantee.EXACTLY_ONCE;
    }

    @Override
    String describe() {
        // The XA data source supplier may hold credentials: it is never printed.
        return exactlyOnceOptions.toString();
    }
}
