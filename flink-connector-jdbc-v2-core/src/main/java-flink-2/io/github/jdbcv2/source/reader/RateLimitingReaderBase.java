package io.github.jdbcv2.source.reader;

import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.source.split.JdbcSourceSplitState;

import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;

import javax.annotation.Nullable;

import java.util.function.Supplier;

/**
 * The reader's base on Flink 2.x, where {@link SingleThreadMultiplexSourceReaderBase} applies a
 * {@link RateLimiterStrategy} itself, per emitted record. The Flink 1.20 twin
 * (src/main/java-flink-1.20) does the same on top of 1.20's base, which has no rate limiting.
 */
abstract class RateLimitingReaderBase<T>
        extends SingleThreadMultiplexSourceReaderBase<
                JdbcRecordChunk<T>, T, JdbcSourceSplit, JdbcSourceSplitState> {

    @SuppressWarnings("unchecked")
    RateLimitingReaderBase(
            Supplier<SplitReader<JdbcRecordChunk<T>, JdbcSourceSplit>> splitReaderSupplier,
            RecordEmitter<JdbcRecordChunk<T>, T, JdbcSourceSplitState> recordEmitter,
            Configuration config,
            SourceReaderContext context,
            @Nullable RateLimiterStrategy rateLimiterStrategy) {
        super(splitReaderSupplier, recordEmitter, config, context, rateLimiterStrategy);
    }
}
