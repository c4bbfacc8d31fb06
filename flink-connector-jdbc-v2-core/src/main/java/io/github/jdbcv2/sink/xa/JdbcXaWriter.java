package io.github.jdbcv2.sink.xa;

import io.github.jdbcv2.sink.JdbcBatchExecutor;
import io.github.jdbcv2.sink.JdbcBatchExecutorFactory;
import io.github.jdbcv2.sink.JdbcExactlyOnceOptions;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.committer.JdbcXaCommittable;
import io.github.jdbcv2.sink.writer.BufferingJdbcWriter;
import io.github.jdbcv2.sink.writer.JdbcWriterMetrics;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The exactly-once writer: one XA transaction per checkpoint, started with the first flushed record, ended and prepared
 * in {@link #prepareCommit()} and handed to the committer, which commits it when the checkpoint completes.
 */
@Internal
public final class JdbcXaWriter<T> extends BufferingJdbcWriter<T>
        implements CommittingSinkWriter<T, JdbcXaCommittable>, StatefulSinkWriter<T, JdbcXaWriterState> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcXaWriter.class);

    private final byte[] jobId;
    private final int subtask;
    private final int attempt;
    private final XaSession session;
    private final JdbcBatchExecutor<T> executor;
    private final JdbcWriterMetrics metrics;
    private long lastCheckpointId;
    private int sequence;
    private JdbcXid current;
    private int currentRows;

    public JdbcXaWriter(
            WriterInitContext context,
            Collection<JdbcXaWriterState> restored,
            JdbcExecutionOptions executionOptions,
            JdbcExactlyOnceOptions exactlyOnceOptions,
            XADataSource dataSource,
            JdbcBatchExecutorFactory<T> executorFactory)
            throws IOException {
        super(context, executionOptions);
        this.jobId = context.getJobInfo().getJobId().getBytes();
        this.subtask = context.getTaskInfo().getIndexOfThisSubtask();
        this.attempt = context.getTaskInfo().getAttemptNumber();
        this.lastCheckpointId = context.getRestoredCheckpointId().orElse(0L);
        this.metrics = new JdbcWriterMetrics(context.metricGroup());
        XaSession opened = null;
        try {
            opened = XaSession.open(dataSource);
            XaPreconditions.check(opened.connection());
            if (exactlyOnceOptions.isRecoverAndRollback()) {
                List<byte[]> jobs = new ArrayList<>();
                jobs.add(jobId);
                for (JdbcXaWriterState state : restored) {
                    jobs.add(state.getJobId());
                }
                LeftoverTransactionCleaner.rollbackUncovered(
                        opened,
                        jobs,
                        lastCheckpointId,
                        subtask,
                        context.getTaskInfo().getNumberOfParallelSubtasks());
            }
            this.executor = executorFactory.create();
            executor.open(opened.connection());
        } catch (SQLException | XAException | RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            if (e instanceof IllegalStateException) {
                throw (IllegalStateException) e;
            }
            throw new IOException("Starting the exactly-once JDBC writer failed: " + e.getMessage(), e);
        }
        this.session = opened;
    }

    @Override
    protected void flushBuffer() throws IOException {
        int rows = buffer.size();
        if (rows == 0) {
            return;
        }
        try {
            if (current == null) {
                current = new JdbcXid(jobId, subtask, lastCheckpointId + 1, attempt, sequence++);
                session.resource().start(current, XAResource.TMNOFLAGS);
                currentRows = 0;
            }
            executor.execute(buffer.records(), 0, rows);
        } catch (SQLException e) {
            throw new IOException(
                    "JDBC exactly-once sink failed writing "
                            + rows
                            + " rows with SQLSTATE "
                            + e.getSQLState()
                            + "; statement: "
                            + executor.describe(),
                    e);
        } catch (XAException e) {
            throw new IOException("Starting XA transaction " + current + " failed: " + XaSession.describe(e), e);
        }
        currentRows += rows;
        metrics.written(rows);
        buffer.clear();
    }

    @Override
    public Collection<JdbcXaCommittable> prepareCommit() throws IOException {
        flushBuffer();
        if (current == null) {
            return Collections.emptyList();
        }
        JdbcXid xid = current;
        current = null;
        try {
            session.resource().end(xid, XAResource.TMSUCCESS);
            int vote = session.resource().prepare(xid);
            metrics.prepared();
            if (vote == XAResource.XA_RDONLY) {
                return Collections.emptyList();
            }
            LOG.debug("Prepared {} with {} rows", xid, currentRows);
            return Collections.singletonList(new JdbcXaCommittable(xid));
        } catch (XAException e) {
            throw new IOException("Preparing XA transaction " + xid + " failed: " + XaSession.describe(e), e);
        }
    }

    @Override
    public List<JdbcXaWriterState> snapshotState(long checkpointId) {
        lastCheckpointId = checkpointId;
        return Collections.singletonList(new JdbcXaWriterState(jobId));
    }

    @Override
    public void close() throws Exception {
        cancelTimer();
        if (current != null) {
            JdbcXid xid = current;
            current = null;
            try {
                session.resource().end(xid, XAResource.TMFAIL);
            } catch (XAException e) {
                LOG.debug("Ending {} on close failed: {}", xid, XaSession.describe(e));
            }
            try {
                session.resource().rollback(xid);
            } catch (XAException e) {
                LOG.debug("Rolling back {} on close failed: {}", xid, XaSession.describe(e));
            }
        }
        try {
            executor.close();
        } finally {
            session.close();
        }
    }
}
