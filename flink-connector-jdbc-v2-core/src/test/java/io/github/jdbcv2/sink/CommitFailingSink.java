package io.github.jdbcv2.sink;

import io.github.jdbcv2.sink.committer.JdbcXaCommittable;

import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;

import java.io.IOException;
import java.util.Collection;

/**
 * Our exactly-once sink with a committer that dies before committing: prepared transactions are
 * left behind.
 */
final class CommitFailingSink<T> extends ForwardingXaSink<T> {

    private static final long serialVersionUID = 1L;

    CommitFailingSink(JdbcSink<T> delegate) {
        super(delegate);
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
}
