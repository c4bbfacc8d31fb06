package io.github.jdbcv2.sink.xa;

import io.github.jdbcv2.dialect.JdbcXaDialect;
import io.github.jdbcv2.sink.JdbcBatchExecutor;
import io.github.jdbcv2.sink.JdbcBatchExecutorFactory;
import io.github.jdbcv2.sink.JdbcExactlyOnceOptions;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcSinkWriter;
import io.github.jdbcv2.sink.committer.JdbcXaCommittable;
import io.github.jdbcv2.sink.writer.BufferingJdbcWriter;
import io.github.jdbcv2.sink.writer.JdbcWriterMetrics;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The exactly-once writer: one XA transaction per checkpoint, started with the first flushed
 * record, ended and prepared in {@link #prepareCommit()} and handed to the committer, which commits
 * it when the checkpoint completes.
 */
@Internal
public final class JdbcXaWriter<T> extends BufferingJdbcWriter<T> implements JdbcSinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcXaWriter.class);

    private final byte[] jobId;
    private final byte[] sinkId;
    private final byte[] runId;
    private final int subtask;
    private final int attempt;
    private final JdbcXaWriterState state;
    private final XaSession session;
    private final JdbcBatchExecutor<T> executor;
    private final JdbcWriterMetrics metrics;

    /** The database's XA specifics, or null (no transaction ids recorded). */
    @Nullable private final JdbcXaDialect xaDialect;

    private long lastCheckpointId;
    private int sequence;
    private JdbcXid current;
    private int currentRows;

    /**
     * @param runId the run id of the sink object this writer comes from (random per built sink, the
     *     same for every subtask and every restart of one job graph)
     */
    public JdbcXaWriter(
            WriterInitContext context,
            Collection<JdbcXaWriterState> restored,
            JdbcExecutionOptions executionOptions,
            JdbcExactlyOnceOptions exactlyOnceOptions,
            byte[] runId,
            XADataSource dataSource,
            JdbcBatchExecutorFactory<T> executorFactory)
            throws IOException {
        super(context, executionOptions);
        this.jobId = context.getJobInfo().getJobId().getBytes();
        this.subtask = context.getTaskInfo().getIndexOfThisSubtask();
        this.attempt = context.getTaskInfo().getAttemptNumber();
        XaSinkIdentity identity =
                XaSinkIdentity.of(exactlyOnceOptions.getSinkName(), context.metricGroup());
        if (!identity.isDistinct()) {
            LOG.warn(
                    "Neither a sink name nor the operator id is known for this exactly-once sink: two sinks built "
                            + "from one sink object would use the same transaction ids. Set "
                            + "JdbcExactlyOnceOptions.withSinkName.");
        }
        this.sinkId = identity.sinkId();
        this.runId = runId.clone();
        this.state = new JdbcXaWriterState(sinkId, this.runId, jobId, subtask);
        this.lastCheckpointId = context.getRestoredCheckpointId().orElse(0L);
        this.metrics = new JdbcWriterMetrics(context.metricGroup());
        LOG.info(
                "Exactly-once writer {} of {}: run {}, restored checkpoint {}, restored lineages {}",
                subtask,
                identity,
                state,
                lastCheckpointId,
                restored);
        XaSession opened = null;
        try {
            opened = XaSession.open(dataSource);
            this.xaDialect = opened.dialect();
            if (xaDialect != null) {
                xaDialect.checkReady(opened.connection());
            }
            if (exactlyOnceOptions.isRecoverAndRollback()) {
                new LeftoverTransactionCleaner(
                                opened,
                                lastCheckpointId,
                                subtask,
                                context.getTaskInfo().getNumberOfParallelSubtasks())
                        .clean(
                                state,
                                restored,
                                exactlyOnceOptions.isRollbackRestoredJobLeftovers());
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
            throw new IOException(
                    "Starting the exactly-once JDBC writer failed: " + e.getMessage(), e);
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
                current =
                        new JdbcXid(
                                sinkId,
                                runId,
                                jobId,
                                subtask,
                                lastCheckpointId + 1,
                                attempt,
                                sequence++);
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
            throw new IOException(
                    "Starting XA transaction " + current + " failed: " + XaSession.describe(e), e);
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
        long transactionId = JdbcXaCommittable.UNKNOWN_TRANSACTION_ID;
        try {
            if (xaDialect != null) {
                // Lets the committer tell "committed before" from "rolled back" should the database
                // not know the Xid.
                long id = xaDialect.currentTransactionId(session.connection());
                transactionId = id == JdbcXaDialect.UNKNOWN_TRANSACTION_ID ? transactionId : id;
            }
            session.resource().end(xid, XAResource.TMSUCCESS);
            int vote = session.resource().prepare(xid);
            metrics.prepared();
            if (vote == XAResource.XA_RDONLY) {
                return Collections.emptyList();
            }
            LOG.debug("Prepared {} with {} rows", xid, currentRows);
            return Collections.singletonList(new JdbcXaCommittable(xid, transactionId));
        } catch (SQLException e) {
            throw new IOException(
                    "Reading the transaction id of "
                            + xid
                            + " failed with SQLSTATE "
                            + e.getSQLState(),
                    e);
        } catch (XAException e) {
            throw new IOException(
                    "Preparing XA transaction " + xid + " failed: " + XaSession.describe(e), e);
        }
    }

    @Override
    public List<JdbcXaWriterState> snapshotState(long checkpointId) {
        lastCheckpointId = checkpointId;
        return Collections.singletonList(state);
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
