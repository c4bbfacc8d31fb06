package io.github.jdbcv2.source.reader;

import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.source.split.JdbcSourceSplitState;

import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.core.io.InputStatus;

import javax.annotation.Nullable;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The reader's base on Flink 1.20, whose {@link SingleThreadMultiplexSourceReaderBase} has no rate
 * limiting (2.0 added it): like 2.x, one permit per emitted record, taken after each chunk and
 * before the next. The Flink 2.x twin (src/main/java-flink-2) hands the strategy to the base.
 */
abstract class RateLimitingReaderBase<T>
        extends SingleThreadMultiplexSourceReaderBase<
                JdbcRecordChunk<T>, T, JdbcSourceSplit, JdbcSourceSplitState> {

    @Nullable private final RateLimiter rateLimiter;
    private final CountingEmitter<T> emitter;

    /** The last permit asked for; no record is emitted before it is granted. */
    private CompletableFuture<Void> permit = CompletableFuture.completedFuture(null);

    /** Permits still to take for records already emitted. */
    private long permitsOwed;

    RateLimitingReaderBase(
            Supplier<SplitReader<JdbcRecordChunk<T>, JdbcSourceSplit>> splitReaderSupplier,
            RecordEmitter<JdbcRecordChunk<T>, T, JdbcSourceSplitState> recordEmitter,
            Configuration config,
            SourceReaderContext context,
            @Nullable RateLimiterStrategy rateLimiterStrategy) {
        this(
                splitReaderSupplier,
                new CountingEmitter<>(recordEmitter),
                config,
                context,
                rateLimiterStrategy);
    }

    private RateLimitingReaderBase(
            Supplier<SplitReader<JdbcRecordChunk<T>, JdbcSourceSplit>> splitReaderSupplier,
            CountingEmitter<T> emitter,
            Configuration config,
            SourceReaderContext context,
            @Nullable RateLimiterStrategy rateLimiterStrategy) {
        super(splitReaderSupplier, emitter, config, context);
        this.emitter = emitter;
        this.rateLimiter =
                rateLimiterStrategy == null
                        ? null
                        : rateLimiterStrategy.createRateLimiter(context.currentParallelism());
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (rateLimiter == null) {
            return super.pollNext(output);
        }
        while (permit.isDone() && permitsOwed > 0) {
            permitsOwed--;
            permit = rateLimiter.acquire().toCompletableFuture();
        }
        if (!permit.isDone()) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        emitter.emitted = 0;
        InputStatus status = super.pollNext(output);
        permitsOwed = emitter.emitted;
        return status;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        CompletableFuture<Void> available = super.isAvailable();
        return permit.isDone() ? available : permit.thenCombine(available, (p, a) -> null);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        if (rateLimiter != null) {
            rateLimiter.notifyCheckpointComplete(checkpointId);
        }
    }

    /** Counts the records each chunk emits, for the permits they take. */
    private static final class CountingEmitter<T>
            implements RecordEmitter<JdbcRecordChunk<T>, T, JdbcSourceSplitState> {

        private final RecordEmitter<JdbcRecordChunk<T>, T, JdbcSourceSplitState> delegate;
        private long emitted;

        CountingEmitter(RecordEmitter<JdbcRecordChunk<T>, T, JdbcSourceSplitState> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void emitRecord(
                JdbcRecordChunk<T> chunk, SourceOutput<T> output, JdbcSourceSplitState state)
                throws Exception {
            emitted += chunk.size();
            delegate.emitRecord(chunk, output, state);
        }
    }
}
