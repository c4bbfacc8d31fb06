package io.github.jdbcv2.sink;

import io.github.jdbcv2.sink.committer.JdbcXaCommittable;

import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;

import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Our exactly-once sink whose committer, once told to, holds back commits of transactions of
 * checkpoints after a given one until the test releases it: the job keeps prepared transactions
 * open, as a busy or slow job does, while the test does something else (start a second job). The
 * real committer commits everything afterwards.
 */
final class GatedCommitSink<T> extends ForwardingXaSink<T> {

    private static final long serialVersionUID = 1L;
    private static final ConcurrentHashMap<String, Gate> GATES = new ConcurrentHashMap<>();

    /** The test's handle: close above a checkpoint, see that a commit is held, release. */
    static final class Gate {
        private final AtomicLong holdAbove = new AtomicLong(Long.MAX_VALUE);
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /**
         * From now on, commits of transactions of checkpoints after {@code checkpointId} wait for
         * the release.
         */
        void holdAbove(long checkpointId) {
            holdAbove.set(checkpointId);
        }

        /** True once a commit is being held. */
        boolean isHolding() {
            return held.getCount() == 0;
        }

        void release() {
            released.countDown();
        }
    }

    private final String key;

    GatedCommitSink(JdbcSink<T> delegate, String key) {
        super(delegate);
        this.key = key;
        GATES.put(key, new Gate());
    }

    Gate gate() {
        return GATES.get(key);
    }

    @Override
    public Committer<JdbcXaCommittable> createCommitter(CommitterInitContext context)
            throws IOException {
        Committer<JdbcXaCommittable> real = delegate.createCommitter(context);
        Gate gate = GATES.get(key);
        return new Committer<JdbcXaCommittable>() {
            @Override
            public void commit(Collection<CommitRequest<JdbcXaCommittable>> requests)
                    throws IOException, InterruptedException {
                for (CommitRequest<JdbcXaCommittable> request : requests) {
                    if (request.getCommittable().getXid().getCheckpointId()
                            > gate.holdAbove.get()) {
                        gate.held.countDown();
                        if (!gate.released.await(3, TimeUnit.MINUTES)) {
                            throw new IOException("The test never released the commit gate");
                        }
                        break;
                    }
                }
                real.commit(requests);
            }

            @Override
            public void close() throws Exception {
                real.close();
            }
        };
    }
}
