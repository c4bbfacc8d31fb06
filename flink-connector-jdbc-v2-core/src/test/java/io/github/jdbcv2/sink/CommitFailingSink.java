package io.github.jdbcv2.sink;

import io.github.jdbcv2.sink.committer.JdbcXaCommittable;
import io.github.jdbcv2.sink.xa.JdbcXaWriterState;

import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.util.Collection;

/**
 * Our exactly-once sink with a committer that dies before committing: prepared transactions are
 * left behind.
 */
final class CommitFailingSink<T>
        implements Sink<T>,
                SupportsWriterState<T, JdbcXaWriterState>,
                SupportsCommitter<JdbcXaCommittable> {

    private static final long serialVersionUID = 1L;

    private final JdbcSink<T> delegate;

    CommitFailingSink(JdbcSink<T> delegate) {
        this.delegate = delegate;
    }

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
    public Committer<JdbcXaCommittable> createCommitter(CommitterInitContext context) {
        return new Committer<JdbcXaCommittable>() {
            @Override
            public void commit(Collection<CommitRequest<JdbcXaCommittable>> requests)
                    throws IOException {
                if (!requests.isEmpty()) {
                    throw new IOException(
                            "Injected: the committer dies before committing " + requests.size());
                }
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public SimpleVersionedSerializer<JdbcXaCommittable> getCommittableSerializer() {
        return delegate.getCommittableSerializer();
    }
}
