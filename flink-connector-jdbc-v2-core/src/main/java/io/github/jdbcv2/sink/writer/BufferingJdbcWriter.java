package io.github.jdbcv2.sink.writer;

import io.github.jdbcv2.sink.JdbcExecutionOptions;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.IOException;
import java.util.concurrent.ScheduledFuture;

/**
 * Buffers records and flushes them on batch size (unless it is {@link
 * JdbcExecutionOptions#NO_ROW_LIMIT}; {@link #flushBatch()}), on the batch interval (a Flink
 * processing-time timer, run in the task's mailbox thread), on {@link #flush(boolean)} (every
 * checkpoint) and at end of input.
 */
@Internal
public abstract class BufferingJdbcWriter<T> implements SinkWriter<T> {

    protected final RecordBuffer<T> buffer;
    private final int batchSize;
    private final long batchIntervalMs;
    private final ProcessingTimeService timeService;
    private ScheduledFuture<?> pendingTimer;

    protected BufferingJdbcWriter(WriterInitContext context, JdbcExecutionOptions options) {
        TypeSerializer<T> copier =
                context.isObjectReuseEnabled() ? context.<T>createInputSerializer() : null;
        int batchSize = options.getBatchSize();
        this.buffer =
                new RecordBuffer<>(
                        batchSize == JdbcExecutionOptions.NO_ROW_LIMIT
                                ? 1024
                                : Math.min(batchSize, 1 << 16),
                        copier);
        this.batchSize = options.getBatchSize();
        this.batchIntervalMs = options.getBatchIntervalMs();
        this.timeService = context.getProcessingTimeService();
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        int size = buffer.add(element);
        if (size - rowsWritten() >= batchSize && batchSize != JdbcExecutionOptions.NO_ROW_LIMIT) {
            flushBatch();
        } else if (size == 1 && batchIntervalMs > 0 && pendingTimer == null) {
            pendingTimer =
                    timeService.registerTimer(
                            timeService.getCurrentProcessingTime() + batchIntervalMs,
                            this::onBatchInterval);
        }
    }

    private void onBatchInterval(long time) throws IOException, InterruptedException {
        pendingTimer = null;
        if (!buffer.isEmpty()) {
            flushBuffer();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        if (!buffer.isEmpty()) {
            flushBuffer();
        }
    }

    /** Writes every buffered record and clears the buffer. */
    protected abstract void flushBuffer() throws IOException, InterruptedException;

    /**
     * The batch is full ({@code sink.buffer-flush.max-rows} records not yet written): by default
     * {@link #flushBuffer()}.
     */
    protected void flushBatch() throws IOException, InterruptedException {
        flushBuffer();
    }

    /**
     * Records at the start of the buffer that were written but are kept (an open transaction's, to
     * replay after a failure); they do not count towards the next batch. By default none.
     */
    protected int rowsWritten() {
        return 0;
    }

    protected void cancelTimer() {
        if (pendingTimer != null) {
            pendingTimer.cancel(false);
            pendingTimer = null;
        }
    }
}
