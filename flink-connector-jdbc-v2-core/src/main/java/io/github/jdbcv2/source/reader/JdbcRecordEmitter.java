package io.github.jdbcv2.source.reader;

import io.github.jdbcv2.source.split.JdbcSourceSplitState;
import io.github.jdbcv2.source.split.SplitPosition;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.metrics.Counter;

/**
 * Emits a chunk of records; for exactly-once it also advances the split's position (row count, last
 * key and how many rows carried it). The base reader counts one input record per chunk; the rest
 * are counted here.
 */
@Internal
public final class JdbcRecordEmitter<T>
        implements RecordEmitter<JdbcRecordChunk<T>, T, JdbcSourceSplitState> {

    private final boolean trackPosition;
    private final Counter numRecordsIn;

    public JdbcRecordEmitter(boolean trackPosition, Counter numRecordsIn) {
        this.trackPosition = trackPosition;
        this.numRecordsIn = numRecordsIn;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void emitRecord(
            JdbcRecordChunk<T> chunk, SourceOutput<T> output, JdbcSourceSplitState state) {
        final Object[] records = chunk.records;
        final int from = chunk.from;
        final int to = chunk.to;
        for (int i = from; i < to; i++) {
            output.collect((T) records[i]);
            records[i] = null;
        }
        if (to - from > 1) {
            numRecordsIn.inc(to - from - 1);
        }
        if (!trackPosition) {
            return;
        }
        final SplitPosition position = state.getPosition();
        switch (chunk.keyMode) {
            case JdbcRecordChunk.LONG_KEY:
                final long[] longKeys = chunk.longKeys;
                for (int i = from; i < to; i++) {
                    position.advance(longKeys[i]);
                }
                break;
            case JdbcRecordChunk.OBJECT_KEY:
                final Object[] keys = chunk.keys;
                for (int i = from; i < to; i++) {
                    position.advance(keys[i]);
                }
                break;
            default:
                position.advanceUnkeyed(to - from);
        }
    }
}
