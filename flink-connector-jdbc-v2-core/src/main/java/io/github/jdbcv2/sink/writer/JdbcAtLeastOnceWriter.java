package io.github.jdbcv2.sink.writer;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.sink.JdbcBatchExecutorFactory;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcSinkWriter;
import io.github.jdbcv2.sink.committer.JdbcXaCommittable;
import io.github.jdbcv2.sink.xa.JdbcXaWriterState;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The at-least-once writer: flushes write the buffered records in local transactions, retrying as
 * allowed. It hands the committer nothing and keeps no state (everything is committed by the time a
 * checkpoint is taken).
 *
 * <p>Full batches smaller than {@link JdbcExecutionOptions#getMinRowsPerTransaction()} share one
 * open transaction: their records stay in the buffer, behind {@link #rowsWritten()}, until it
 * commits, so that a failure replays all of them. The interval timer, {@link #flush(boolean)} and
 * the row cap commit it earlier. Only with the interval timer on (it bounds how long a row waits
 * for its commit), and not with a byte cap (the transactions are cut by bytes there).
 */
@Internal
public final class JdbcAtLeastOnceWriter<T> extends BufferingJdbcWriter<T>
        implements JdbcSinkWriter<T> {

    private final TransactionalBatchRunner<T> runner;

    /** The open transaction commits once it holds this many rows. */
    private final int commitRows;

    /** The most rows in one transaction. */
    private final int maxRows;

    /** Whether full batches may share a transaction. */
    private final boolean grouped;

    /** Records at the start of the buffer written in the open transaction. */
    private int written;

    public JdbcAtLeastOnceWriter(
            WriterInitContext context,
            JdbcExecutionOptions options,
            JdbcConnectionProvider connectionProvider,
            JdbcBatchExecutorFactory<T> executorFactory,
            JdbcErrorClassifier errorClassifier) {
        super(context, options);
        this.runner =
                new TransactionalBatchRunner<>(
                        connectionProvider,
                        executorFactory.create(),
                        options,
                        errorClassifier,
                        new JdbcWriterMetrics(context.metricGroup()));
        this.maxRows = options.getMaxRowsPerTransaction();
        this.commitRows = Math.min(options.getMinRowsPerTransaction(), maxRows);
        int batchSize = options.getBatchSize();
        // The interval timer bounds how long a row of an open transaction waits for its commit.
        this.grouped =
                batchSize != JdbcExecutionOptions.NO_ROW_LIMIT
                        && batchSize < commitRows
                        && options.getBatchIntervalMs() > 0
                        && options.getRecordSizeEstimator() == null;
    }

    @Override
    protected int rowsWritten() {
        return written;
    }

    @Override
    protected void flushBatch() throws IOException, InterruptedException {
        if (!grouped) {
            flushBuffer();
            return;
        }
        List<T> records = buffer.records();
        if (written > 0 && records.size() > maxRows) {
            // The batch would take the open transaction past the cap: commit it first.
            runner.commitOpen(records, written);
            buffer.dropFirst(written);
            written = 0;
        }
        int size = records.size();
        if (size > maxRows) {
            flushBuffer();
            return;
        }
        if (runner.writeOpen(records, written, size)) {
            // Replayed after a failure, and committed.
            clear();
            return;
        }
        written = size;
        if (written >= commitRows) {
            runner.commitOpen(records, written);
            clear();
        }
    }

    @Override
    protected void flushBuffer() throws IOException, InterruptedException {
        List<T> records = buffer.records();
        int size = records.size();
        if (written == 0) {
            runner.run(records);
        } else if (size == written) {
            runner.commitOpen(records, written);
        } else if (size <= maxRows) {
            if (!runner.writeOpen(records, written, size)) {
                runner.commitOpen(records, size);
            }
        } else {
            runner.commitOpen(records, written);
            runner.run(records.subList(written, size));
        }
        clear();
    }

    private void clear() {
        buffer.clear();
        written = 0;
    }

    @Override
    public Collection<JdbcXaCommittable> prepareCommit() {
        return Collections.emptyList();
    }

    @Override
    public List<JdbcXaWriterState> snapshotState(long checkpointId) {
        return Collections.emptyList();
    }

    @Override
    public void close() throws Exception {
        cancelTimer();
        runner.close();
    }
}
