package io.github.jdbcv2.sink;

import io.github.jdbcv2.sink.committer.JdbcXaCommittable;
import io.github.jdbcv2.sink.xa.JdbcXaWriterState;

import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.util.Collection;

/**
 * Our exactly-once sink with its writer and serializers unchanged and a committer the subclass
 * supplies, for tests that interfere with commits.
 */
abstract class ForwardingXaSink<T>
        implements WriterInitContextSink<T>,
                SupportsWriterState<T, JdbcXaWriterState>,
                SupportsCommitter<JdbcXaCommittable> {

    private static final long serialVersionUID = 1L;

    /** The real exactly-once sink. */
    protected final JdbcSink<T> delegate;

    ForwardingXaSink(JdbcSink<T> delegate) {
        this.delegate = delegate;
    }

    @Override
    public abstract Committer<JdbcXaCommittable> createCommitter(CommitterInitContext context)
            throws IOException;

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return delegate.createWriter(context);
    }

    @Override
    public StatefulSinkWriter<T, JdbcXaWriterState> restoreWriter(
            WriterInitContext context, Collection<JdbcXaWriterState> recoveredState)
            throws IOException {
        return delegate.restoreWriter(context, recoveredState);
    }

    @Override
    public SimpleVersionedSerializer<JdbcXaWriterState> getWriterStateSerializer() {
        return delegate.getWriterStateSerializer();
    }

    @Override
    public SimpleVersionedSerializer<JdbcXaCommittable> getCommittableSerializer() {
        return delegate.getCommittableSerializer();
    }
}
