package io.github.jdbcv2.source.reader;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;

import javax.annotation.Nullable;

import java.util.Collections;
import java.util.Set;

/** Rows fetched from one split in one go, in arrays, with the keys that position them when they are tracked. */
@Internal
final class JdbcRecordBatch<T> implements RecordsWithSplitIds<JdbcRecord<T>> {

    @Nullable private final String splitId;
    final Object[] records;
    @Nullable final long[] longKeys;
    @Nullable final Object[] keys;
    int size;
    private boolean finished;

    private final JdbcRecord<T> current;
    private boolean splitReturned;
    private int next;

    JdbcRecordBatch(@Nullable String splitId, int capacity, byte keyMode) {
        this.splitId = splitId;
        this.records = new Object[capacity];
        this.longKeys = keyMode == JdbcRecord.LONG_KEY ? new long[capacity] : null;
        this.keys = keyMode == JdbcRecord.OBJECT_KEY ? new Object[capacity] : null;
        this.current = new JdbcRecord<>(keyMode);
    }

    /** A batch with no rows that ends nothing. */
    static <T> JdbcRecordBatch<T> empty() {
        return new JdbcRecordBatch<>(null, 0, JdbcRecord.NO_KEY);
    }

    boolean isFull() {
        return size == records.length;
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
    @SuppressWarnings("unchecked")
    public JdbcRecord<T> nextRecordFromSplit() {
        if (next >= size) {
            return null;
        }
        int i = next++;
        current.record = (T) records[i];
        records[i] = null;
        if (longKeys != null) {
            current.longKey = longKeys[i];
        } else if (keys != null) {
            current.key = keys[i];
        }
        return current;
    }

    @Override
    public Set<String> finishedSplits() {
        return finished && splitId != null ? Collections.singleton(splitId) : Collections.emptySet();
    }
}
