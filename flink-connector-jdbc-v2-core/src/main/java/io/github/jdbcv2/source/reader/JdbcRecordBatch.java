package io.github.jdbcv2.source.reader;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;

import javax.annotation.Nullable;

import java.util.Collections;
import java.util.Set;

/**
 * Rows fetched from one split in one go, in arrays, with the keys that position them when they are
 * tracked. Handed to the task in chunks of at most {@link #MAX_CHUNK} rows.
 */
@Internal
final class JdbcRecordBatch<T> implements RecordsWithSplitIds<JdbcRecordChunk<T>> {

    /** Most rows one {@code pollNext} call emits: bounds how long a checkpoint barrier may wait. */
    static final int MAX_CHUNK = 512;

    @Nullable private final String splitId;
    final Object[] records;
    @Nullable final long[] longKeys;
    @Nullable final Object[] keys;
    int size;
    private boolean finished;

    private final JdbcRecordChunk<T> chunk;
    private boolean splitReturned;
    private int next;

    JdbcRecordBatch(@Nullable String splitId, int capacity, byte keyMode) {
        this.splitId = splitId;
        this.records = new Object[capacity];
        this.longKeys = keyMode == JdbcRecordChunk.LONG_KEY ? new long[capacity] : null;
        this.keys = keyMode == JdbcRecordChunk.OBJECT_KEY ? new Object[capacity] : null;
        this.chunk = new JdbcRecordChunk<>(keyMode, records, longKeys, keys);
    }

    /** A batch with no rows that ends nothing. */
    static <T> JdbcRecordBatch<T> empty() {
        return new JdbcRecordBatch<>(null, 0, JdbcRecordChunk.NO_KEY);
    }

    void markFinished() {
        finished = true;
    }

    @Nullable
    @Override
    public String nextSplit() {
        if (splitReturned || splitId == null || size == 0) {
            return null;
        }
        splitReturned = true;
        return splitId;
    }

    @Nullable
    @Override
    public JdbcRecordChunk<T> nextRecordFromSplit() {
        if (next >= size) {
            return null;
        }
        chunk.from = next;
        next = Math.min(size, next + MAX_CHUNK);
        chunk.to = next;
        return chunk;
    }

    @Override
    public Set<String> finishedSplits() {
        return finished && splitId != null
                ? Collections.singleton(splitId)
                : Collections.emptySet();
    }
}
