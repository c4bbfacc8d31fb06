package io.github.jdbcv2.sink;

import io.github.jdbcv2.sink.committer.JdbcXaCommittable;
import io.github.jdbcv2.sink.committer.JdbcXaCommittableSerializer;
import io.github.jdbcv2.sink.committer.JdbcXaCommitter;
import io.github.jdbcv2.sink.xa.JdbcXaWriter;
import io.github.jdbcv2.sink.xa.JdbcXaWriterState;
import io.github.jdbcv2.sink.xa.JdbcXaWriterStateSerializer;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.util.function.SerializableSupplier;

import javax.sql.XADataSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Collections;
import java.util.UUID;

/** The exactly-once JDBC sink: XA transactions prepared per checkpoint, committed when the checkpoint completes. */
@PublicEvolving
public final class JdbcExactlyOnceSink<T> extends JdbcSink<T>
        implements SupportsWriterState<T, JdbcXaWriterState>, SupportsCommitter<JdbcXaCommittable> {

    private static final long serialVersionUID = 1L;

    private final JdbcExactlyOnceOptions exactlyOnceOptions;
    private final SerializableSupplier<XADataSource> dataSourceSupplier;
    /**
     * Random per built sink: every subtask and every restart of this job graph share it, while a job started anew from
     * a savepoint (another build) gets its own, so that it never takes another job's transactions for its own.
     */
    private final byte[] runId;

    JdbcExactlyOnceSink(
            JdbcExecutionOptions executionOptions,
            JdbcBatchExecutorFactory<T> executorFactory,
            JdbcExactlyOnceOptions exactlyOnceOptions,
            SerializableSupplier<XADataSource> dataSourceSupplier) {
        super(executionOptions, executorFactory, null);
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
    public JdbcXaWriter<T> createWriter(WriterInitContext context) throws IOException {
        return restoreWriter(context, Collections.emptyList());
    }

    @Override
    public JdbcXaWriter<T> restoreWriter(WriterInitContext context, Collection<JdbcXaWriterState> recoveredState)
            throws IOException {
        return new JdbcXaWriter<>(
                context,
                recoveredState,
                executionOptions,
                exactlyOnceOptions,
                runId,
                dataSourceSupplier.get(),
                executorFactory);
    }

    @Override
    public SimpleVersionedSerializer<JdbcXaWriterState> getWriterStateSerializer() {
        return new JdbcXaWriterStateSerializer();
    }

    @Override
    public Committer<JdbcXaCommittable> createCommitter(CommitterInitContext context) {
        return new JdbcXaCommitter(dataSourceSupplier, exactlyOnceOptions, context.metricGroup());
    }

    @Override
    public SimpleVersionedSerializer<JdbcXaCommittable> getCommittableSerializer() {
        return new JdbcXaCommittableSerializer();
    }

    public JdbcExactlyOnceOptions getExactlyOnceOptions() {
        return exactlyOnceOptions;
    }

    @Override
    public String toString() {
        // The XA data source supplier may hold credentials: it is never printed.
        return "JdbcExactlyOnceSink{statement="
                + executorFactory.describe()
                + ", "
                + executionOptions
                + ", "
                + exactlyOnceOptions
                + '}';
    }
}
